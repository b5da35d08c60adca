import csv
Q = "qinghai-gov-2026-01-31-xining-pilots"
files = {
 "summaries.csv": ["place_id","summary_en","summary_zh","summary_source_ids"],
 "actions.csv": ["place_id","kind","year","theme","title_en","title_zh","detail_en","detail_zh","source_ids"],
 "targets.csv": ["place_id","metric","value","unit","base_year","target_year","document","source_ids","note"],
 "sources.csv": ["id","title","publisher","date","url","language","supports","kind","copy"],
 "evidence.csv": ["table","place_id","item","source_id","excerpt"],
 "memberships.csv": ["place_id","programme","batch","year","notice","source_ids","note"],
 "places_new.csv": ["id","name_en","name_zh","level","province","within_zh","locate_zh","summary_en","summary_zh","summary_source_ids"],
}
rows = {k: [] for k in files}
EX_PLAN = "跻身国家碳达峰试点城市。2024年3月,西宁成为西北地区首个国家碳达峰试点省会城市,获批试点后六个月,《国家碳达峰试点(西宁)实施方案》正式印发,在能源绿色低碳转型等六大关键领域迅速部署。"
EX_MIX = "建成全省首家虚拟电厂,成立全省首家国有独资碳资产管理机构,投运青海首个“源网荷储”低压交直流融合示范台区,加速构建绿色智算核心集聚区,城镇绿色建筑比例已从2020年的62%跃升至2025年的100%"
acts = [
 ("xining","mitigation",2025,"governance","Carbon-peaking pilot plan issued within six months",
  "获批后六个月印发国家碳达峰试点(西宁)实施方案",
  "The Qinghai government reports that Xining, the first provincial capital in north-west China to become a national carbon-peaking pilot, issued its 《国家碳达峰试点(西宁)实施方案》 six months after approval, with work laid out in six key fields starting with the green, low-carbon energy transition.",
  "据青海省政府网站,西宁是西北地区首个成为国家碳达峰试点的省会城市,获批后六个月即印发《国家碳达峰试点(西宁)实施方案》,在能源绿色低碳转型等六大重点领域展开部署。",
  Q, EX_PLAN),
 ("xining","mitigation",2025,"buildings","Urban green-building ratio from 62% (2020) to 100% (2025)",
  "城镇绿色建筑比例由2020年62%升至2025年100%",
  "Among the results of its carbon-peaking pilot work, Xining's ratio of green buildings in urban areas rose from 62% in 2020 to 100% in 2025, according to the Qinghai government.",
  "据青海省政府网站,西宁城镇绿色建筑比例从2020年的62%提高到2025年的100%。",
  Q, EX_MIX),
 ("xining","mitigation",2025,"energy","Qinghai's first virtual power plant and carbon-asset company",
  "建成全省首家虚拟电厂、成立首家国有独资碳资产管理机构",
  "Xining built Qinghai's first virtual power plant, set up the province's first wholly state-owned carbon-asset management body and put into operation Qinghai's first low-voltage AC/DC 'source-grid-load-storage' demonstration area.",
  "西宁建成青海省首家虚拟电厂,组建全省首家国有独资碳资产管理机构,并投运青海首个“源网荷储”低压交直流融合示范台区。",
  Q, EX_MIX),
]
for a in acts:
    rows["actions.csv"].append(list(a[:9]))
    rows["evidence.csv"].append(["actions",a[0],a[4],a[8],a[9]])
# updated summary for an existing place (xining)
rows["summaries.csv"].append(["xining",
 "Xining, capital of Qinghai on the north-eastern edge of the Qinghai-Tibet Plateau, is a third-batch national low-carbon pilot expected to peak its emissions around 2025, five years before the national goal, and one of the 39 deepening climate-adaptive pilots announced in May 2024. Its 2026 government work report says it was chosen as a national carbon-peaking pilot city in the past year; the Qinghai government adds that its pilot plan followed six months after approval and that the urban green-building ratio reached 100% in 2025 (62% in 2020).",
 "西宁是青海省会,位于青藏高原东北缘,为第三批国家低碳试点城市,预计2025年左右碳排放达峰、比全国目标提前5年,2024年5月入选39个深化气候适应型城市建设试点。据2026年西宁市政府工作报告,该市在过去一年入选国家碳达峰试点城市;青海省政府网站称其获批后六个月印发试点实施方案,城镇绿色建筑比例由2020年的62%升至2025年的100%。",
 "xining-peak-2025;chinanews-2024-deepening-adaptive;kcwzh-2026-xining-work-report;"+Q])
ev = [
 ("summaries","xining","third-batch low-carbon pilot; peak around 2025","xining-peak-2025","西寧作為第三批國家低碳試點城市,預計將于2025年左右碳排放達到峰值,比國家提前5年達峰"),
 ("summaries","xining","deepening climate-adaptive pilot (May 2024)","chinanews-2024-deepening-adaptive","深圳、海口、福州、长春、银川、西宁等39个市(区)入选"),
 ("summaries","xining","carbon-peaking pilot city selected in 2025","kcwzh-2026-xining-work-report","西宁入选国家碳达峰试点城市,南川工业园区入围国家首批零碳园区建设名单"),
 ("summaries","xining","plan six months after approval",Q,EX_PLAN),
 ("summaries","xining","green-building ratio 62% -> 100%",Q,EX_MIX),
]
rows["evidence.csv"] += [list(e) for e in ev]
for fn, hdr in files.items():
    with open(fn,"w",newline="",encoding="utf-8") as f:
        w = csv.writer(f); w.writerow(hdr); w.writerows(rows[fn])
print({k: len(v) for k,v in rows.items()})
