import csv, os
from data import *
D = os.path.dirname(os.path.abspath(__file__))
def w(name, header, rows):
    with open(os.path.join(D, name), 'w', newline='', encoding='utf-8') as f:
        wr = csv.writer(f); wr.writerow(header); wr.writerows(rows)
w('sources.csv', ['id','title','publisher','date','url','language','supports','kind','copy'], SOURCES)
w('memberships.csv', ['place_id','programme','batch','year','notice','source_ids','note'],
  [(p, PROG, b, y, n, ';'.join(s), note) for p,b,y,n,s,note in MEMBERS])
w('places_new.csv', ['id','name_en','name_zh','level','province','within_zh','locate_zh','summary_en','summary_zh','summary_source_ids'],
  [p[:9] + (';'.join(p[9]),) for p in PLACES])
w('summaries.csv', ['place_id','summary_en','summary_zh','summary_source_ids'],
  [(p[0], p[7], p[8], ';'.join(p[9])) for p in PLACES])
w('actions.csv', ['place_id','kind','year','theme','title_en','title_zh','detail_en','detail_zh','source_ids'],
  [a[:8] + (';'.join(a[8]),) for a in ACTIONS])
w('targets.csv', ['place_id','metric','value','unit','base_year','target_year','document','source_ids','note'], [])
ev = [('actions', a[0], a[4], a[10], a[9]) for a in ACTIONS]
ev += [('summaries', p, 'summary', s, e) for p,s,e in SUMMARY_EVIDENCE]
w('evidence.csv', ['table','place_id','item','source_id','excerpt'], ev)
for _,_,_,_,e in ev: assert len(e) <= 250, e
print('ok', len(SOURCES), len(MEMBERS), len(PLACES), len(ACTIONS))
