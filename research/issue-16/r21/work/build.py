import csv, os, sys
sys.path.insert(0, os.path.dirname(__file__))
import importlib, data; importlib.reload(data)
OUT = '/work/research/r21'
MAIN = '/work/main/data'
def w(name, cols, rows):
    with open(os.path.join(OUT, name), 'w', newline='', encoding='utf-8') as f:
        wr = csv.DictWriter(f, fieldnames=cols); wr.writeheader()
        for r in rows: wr.writerow({c: r.get(c, '') for c in cols})
main_src = {r['id']: r for r in csv.DictReader(open(f'{MAIN}/sources.csv', encoding='utf-8'))}
main_urls = {r['url'] for r in main_src.values()}
places = {r['id'] for r in csv.DictReader(open('/work/research/briefs/all_places.csv', encoding='utf-8'))} | {r['id'] for r in csv.DictReader(open(f'{MAIN}/places.csv', encoding='utf-8'))}
my_src = {s['id']: s for s in data.SOURCES}
errs = []
for s in data.SOURCES:
    if s['id'] in main_src: errs.append('dup source id ' + s['id'])
    if s['url'] in main_urls: errs.append('url already in main ' + s['url'])
def chk(ids, where):
    for i in ids.split(';'):
        if i not in my_src and i not in main_src: errs.append(f'{where}: unknown source {i}')
for r in data.SUMMARIES:
    if r['place_id'] not in places: errs.append('unknown place ' + r['place_id'])
    chk(r['summary_source_ids'], 'summary ' + r['place_id'])
main_act = {(r['place_id'], r['title_en']) for r in csv.DictReader(open(f'{MAIN}/actions.csv', encoding='utf-8'))}
for r in data.ACTIONS:
    if r['place_id'] not in places: errs.append('unknown place ' + r['place_id'])
    if len(r['title_en']) > 60: errs.append('title too long: ' + r['title_en'])
    if (r['place_id'], r['title_en']) in main_act: errs.append('dup action ' + r['title_en'])
    chk(r['source_ids'], 'action ' + r['title_en'])
for r in data.TARGETS:
    chk(r['source_ids'], 'target ' + r['place_id'])
ev = []
titles = {(a['place_id'], a['title_en']) for a in data.ACTIONS}
for t, p, item, sid, ex in data.EVIDENCE:
    if len(ex) > 250: errs.append(f'excerpt too long ({len(ex)}): {ex[:30]}')
    chk(sid, 'evidence ' + item)
    if t == 'actions' and (p, item) not in titles: errs.append('evidence for unknown action ' + item)
    ev.append(dict(table=t, place_id=p, item=item, source_id=sid, excerpt=ex))
for a in data.ACTIONS:
    if not any(e['table']=='actions' and e['place_id']==a['place_id'] and e['item']==a['title_en'] for e in ev):
        errs.append('action without evidence ' + a['title_en'])
w('summaries.csv', ['place_id','summary_en','summary_zh','summary_source_ids'], data.SUMMARIES)
w('actions.csv', ['place_id','kind','year','theme','title_en','title_zh','detail_en','detail_zh','source_ids'], data.ACTIONS)
w('targets.csv', ['place_id','metric','value','unit','base_year','target_year','document','source_ids','note'], data.TARGETS)
w('sources.csv', ['id','title','publisher','date','url','language','supports','kind','copy'], data.SOURCES)
w('evidence.csv', ['table','place_id','item','source_id','excerpt'], ev)
print('summaries', len(data.SUMMARIES), 'actions', len(data.ACTIONS), 'targets', len(data.TARGETS), 'sources', len(data.SOURCES), 'evidence', len(ev))
print('\n'.join(errs) if errs else 'no errors')
