import csv, os, sys
sys.path.insert(0, os.path.dirname(__file__))
from data import SOURCES, ACTIONS, TARGETS, SUMMARIES, MEMBERSHIPS, PLACES
OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
STAGED = "/work/main/research/issue-16/out-members"

def w(name, header, rows):
    with open(os.path.join(OUT, name), "w", newline="", encoding="utf-8") as f:
        cw = csv.writer(f); cw.writerow(header)
        for r in rows: cw.writerow([r.get(h, "") if isinstance(r, dict) else r[i] for i, h in enumerate(header)])

# sources: only those used
used = set()
for a in ACTIONS: used.update(a[8].split(";")); used.update(s for s, _ in a[9])
for t in TARGETS: used.update(t[7].split(";")); used.add(t[9])
for pid, (en, zh, sids, ev) in SUMMARIES.items(): used.update(sids.split(";")); used.update(e[0] for e in ev)
for m in MEMBERSHIPS: used.update(m["source_ids"].split(";"))
main_src = {r["id"]: r for r in csv.DictReader(open("/work/main/data/sources.csv", encoding="utf-8"))}
mine = {s["id"]: s for s in SOURCES}
for s in sorted(used):
    if s not in mine and s not in main_src: sys.exit("unresolved source " + s)
main_urls = {r["url"]: r["id"] for r in main_src.values()}
for s in SOURCES:
    if s["id"] in main_src: sys.exit("id clash with main " + s["id"])
    if s["url"] in main_urls: print("WARN url already in main:", s["url"], main_urls[s["url"]])
srows = [s for s in SOURCES if s["id"] in used]
w("sources.csv", ["id","title","publisher","date","url","language","supports","kind","copy"], srows)

# places
allp = {r["id"] for r in csv.DictReader(open("/work/research/briefs/all_places.csv", encoding="utf-8"))}
staged_p = {r["id"]: r for r in csv.DictReader(open(f"{STAGED}/places_new.csv", encoding="utf-8"))}
def okplace(p):
    if p not in allp and p not in staged_p: sys.exit("unknown place " + p)

acts, ev = [], []
for a in ACTIONS:
    okplace(a[0]); assert len(a[4]) <= 60, a[4]; assert a[1] in ("mitigation","adaptation")
    acts.append(list(a[:9]))
    for sid, ex in a[9]:
        assert len(ex) <= 250, (a[4], len(ex)); assert sid in a[8].split(";"), (a[4], sid)
        ev.append(["actions", a[0], a[4], sid, ex])
w("actions.csv", ["place_id","kind","year","theme","title_en","title_zh","detail_en","detail_zh","source_ids"], acts)

trows = []
for t in TARGETS:
    okplace(t[0]); trows.append(list(t[:9])); assert len(t[10]) <= 250
    ev.append(["targets", t[0], t[1], t[9], t[10]])
w("targets.csv", ["place_id","metric","value","unit","base_year","target_year","document","source_ids","note"], trows)

sm = []
for pid, (en, zh, sids, evs) in SUMMARIES.items():
    okplace(pid); sm.append([pid, en, zh, sids])
    for sid, item, ex in evs:
        assert len(ex) <= 250 and sid in sids.split(";"), (pid, sid)
        ev.append(["summaries", pid, item, sid, ex])
w("summaries.csv", ["place_id","summary_en","summary_zh","summary_source_ids"], sm)
w("evidence.csv", ["table","place_id","item","source_id","excerpt"], ev)

w("memberships.csv", ["place_id","programme","batch","year","notice","source_ids","note"], MEMBERSHIPS)
prows = []
for pid, spec in PLACES.items():
    r = dict(staged_p[pid]); en, zh, sids, _ = SUMMARIES[spec["summary_from"]]
    r["summary_en"], r["summary_zh"], r["summary_source_ids"] = en, zh, sids
    prows.append(r)
w("places_new.csv", ["id","name_en","name_zh","level","province","within_zh","locate_zh","summary_en","summary_zh","summary_source_ids"], prows)
print("sources", len(srows), "actions", len(acts), "targets", len(trows), "summaries", len(sm), "evidence", len(ev), "memberships", len(MEMBERSHIPS), "places", len(prows))
from collections import Counter
print(Counter(a[0] for a in acts))
