"""Build the r20 zero-carbon CSVs from data.py (edit data.py, then re-run)."""
import csv, os, sys
sys.path.insert(0, os.path.dirname(__file__))
import data as d

OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
COLS = {
    "summaries.csv": "place_id,summary_en,summary_zh,summary_source_ids",
    "actions.csv": "place_id,kind,year,theme,title_en,title_zh,detail_en,detail_zh,source_ids",
    "targets.csv": "place_id,metric,value,unit,base_year,target_year,document,source_ids,note",
    "sources.csv": "id,title,publisher,date,url,language,supports,kind,copy",
    "evidence.csv": "table,place_id,item,source_id,excerpt",
    "memberships.csv": "place_id,programme,batch,year,notice,source_ids,note",
    "places_new.csv": "id,name_en,name_zh,level,province,within_zh,locate_zh,summary_en,summary_zh,summary_source_ids",
}
ROWS = {
    "summaries.csv": d.SUMMARIES, "actions.csv": d.ACTIONS, "targets.csv": d.TARGETS,
    "sources.csv": d.SOURCES, "evidence.csv": d.EVIDENCE, "memberships.csv": d.MEMBERSHIPS,
    "places_new.csv": d.PLACES_NEW,
}
for name, cols in COLS.items():
    cols = cols.split(",")
    with open(os.path.join(OUT, name), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(cols)
        for r in ROWS[name]:
            assert len(r) == len(cols), (name, r)
            w.writerow(r)
print({k: len(v) for k, v in ROWS.items()})
