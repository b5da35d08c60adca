# Data for r20 zero-carbon-park sweep. Rows are tuples in the column order of build.py.
P = "zero-carbon-park"
NOTICE = "发改办环资〔2025〕1082号"
NDRC = "ndrc-2025-1082-zero-carbon-park-notice"  # already in /work/main/data/sources.csv

SOURCES = []
MEMBERSHIPS = []
PLACES_NEW = []
SUMMARIES = []
ACTIONS = []
TARGETS = []
EVIDENCE = []

def src(*r):
    SOURCES.append(r)

def ev(table, place, item, sid, excerpt):
    assert len(excerpt) <= 250, (item, len(excerpt))
    EVIDENCE.append((table, place, item, sid, excerpt))

def act(place, year, theme, ten, tzh, den, dzh, sids, evs):
    assert len(ten) <= 60
    ACTIONS.append((place, "mitigation", year, theme, ten, tzh, den, dzh, ";".join(sids)))
    for sid, ex in evs:
        ev("actions", place, ten, sid, ex)

# ---------------- Liaoning: 中德（沈阳）高端装备制造产业园 ----------------
src("chinanews-2026-01-09-zhongde-zero-carbon-plan",
    "中德园国家级零碳园区建设推进会召开 首次发布《中德园零碳园区建设方案》（中新网沈阳1月9日电）",
    "中国新闻网 (中新网; repost on cisceindiaresults.com)", "2026-01-09",
    "http://www.cisceindiaresults.com/cj/jjgc/2026-01-09/1829621.html", "zh",
    "Zhongde Park entered the first national zero-carbon park list on 26 Dec 2025; zero-carbon park construction plan released 9 Jan 2026 (green power direct supply, energy-carbon management, zero-carbon factories, source-grid-load-storage, EU rule alignment)",
    "state-media", "yes")
src("21jingji-2026-01-28-zero-carbon-parks-envision",
    "国家级零碳园区建设迈入进行时（21世纪经济报道专访远景科技集团孙捷）",
    "21世纪经济报道 (repost on chinacsr.com)", "2026-01-28",
    "https://www.chinacsr.com/cn/2026/01/28/62085", "zh",
    "Six parks of the first list, including Cangzhou Cangdong EDZ and Shenyang Zhongde park, must finish construction in 2027; most of the 52 are park-within-a-park scopes",
    "media", "yes")
src("tiexi-gov-intro-zhongde-park",
    "沈阳市铁西区人民政府官网网址（铁西区简介）",
    "沈阳市铁西区人民政府 (intro text reposted on nez.cn)", "",
    "http://www.nez.cn/post/12776.html", "zh",
    "Tiexi District consists of the main urban area, Shenyang ETDZ and Zhongde Park; Zhongde Park lies inside the ETDZ, planned area 55 km2",
    "official", "yes")
src("99znhb-2026-01-zhongde-zero-carbon-meeting",
    "中德园国家级零碳园区建设推进会（湖南九九智能环保新闻）",
    "湖南九九智能环保股份有限公司", "2026-01",
    "http://99znhb.com/jiujiu/1311.html", "zh",
    "Report of the 9 Jan 2026 Zhongde Park zero-carbon meeting: park must meet the carbon standard before 2027; 100+ firms, foreign firms ~80% of growth",
    "company", "no")

pid = "shenyang-zhongde-park"
PLACES_NEW.append((pid, "Sino-German (Shenyang) High-end Equipment Manufacturing Industrial Park",
    "中德（沈阳）高端装备制造产业园", "park", "liaoning", "沈阳市", "铁西区",
    "A Sino-German industrial park for high-end equipment manufacturing whose construction plan the State Council approved in December 2015; it lies inside the Shenyang Economic and Technological Development Area in Tiexi District. It was named on 26 December 2025 to the first national zero-carbon park list and is one of six parks due to finish construction in 2027. In January 2026 it published its zero-carbon park plan centred on direct green-power supply and energy-carbon management.",
    "中德（沈阳）高端装备制造产业园是以高端装备制造为主题的中德合作园区，2015年12月国务院批复其建设方案，位于铁西区沈阳经济技术开发区内。2025年12月26日入选首批国家级零碳园区建设名单，是须在2027年率先建成的6个园区之一；2026年1月发布零碳园区建设方案，重点推进绿电直连与能碳管理。",
    "chinanews-2026-01-09-zhongde-zero-carbon-plan;21jingji-2026-01-28-zero-carbon-parks-envision;tiexi-gov-intro-zhongde-park"))
MEMBERSHIPS.append((pid, P, "1", "2025", NOTICE,
    NDRC + ";chinanews-2026-01-09-zhongde-zero-carbon-plan;21jingji-2026-01-28-zero-carbon-parks-envision",
    "name as printed by 21世纪: 辽宁沈阳中德高端装备制造产业园; construction due 2027 (one of six early parks)"))
ev("summaries", pid, "membership", "chinanews-2026-01-09-zhongde-zero-carbon-plan",
   "去年12月26日,中德園成功入選首批國(guó)家級(jí)零碳園區(qū)建設(shè)名單,標(biāo)志著園區(qū)綠色轉(zhuǎn)型正式步入國(guó)家戰(zhàn)略實(shí)施新階段。")
ev("summaries", pid, "membership and 2027 completion", "21jingji-2026-01-28-zero-carbon-parks-envision",
   "首批国家级零碳园区建设名单中，河北沧州沧东经济开发区、辽宁沈阳中德高端装备制造产业园等6家园区需在2027年率先完成建设。")
ev("summaries", pid, "location", "tiexi-gov-intro-zhongde-park",
   "铁西区位于沈阳市西南部,由主城区、沈阳经济技术开发区(以下简称“经开区”)和中德(沈阳)高端装备制造产业园(以下简称“中德园”)组成。")
act(pid, 2026, "energy", "Zero-carbon park plan: green power direct supply",
    "发布零碳园区建设方案：绿电直连与能碳管理",
    "On 9 January 2026 the park released its Zhongde Park Zero-carbon Park Construction Plan, which focuses on green-power direct connection and energy-carbon management and aims to build benchmark zero-carbon factories and source-grid-load-storage integrated demonstrations.",
    "2026年1月9日，园区发布《中德园零碳园区建设方案》，以绿电直连和能碳管理为重点，计划打造一批标杆零碳工厂和“源网荷储”一体化样板。",
    ["chinanews-2026-01-09-zhongde-zero-carbon-plan"],
    [("chinanews-2026-01-09-zhongde-zero-carbon-plan",
      "首次向全球發(fā)布《中德園零碳園區(qū)建設(shè)方案》,聚焦零碳園區(qū)綠電直連與能碳管理,打造一批標(biāo)桿式“零碳工廠”和“源網(wǎng)荷儲(chǔ)”一體化樣板")])
act(pid, 2026, "governance", "China-EU carbon accounting and certification alignment",
    "推动中欧碳核算与绿色认证规则对接互认",
    "Using the Sino-German cooperation platform, the park plans to be first to pilot China-EU rule alignment and mutual recognition in carbon accounting and green certification.",
    "园区依托中德合作平台，率先探索中欧在碳核算、绿色认证等领域的规则对接与互认合作。",
    ["chinanews-2026-01-09-zhongde-zero-carbon-plan"],
    [("chinanews-2026-01-09-zhongde-zero-carbon-plan",
      "依托中德合作平臺(tái),率先開(kāi)展中歐在碳核算、綠色認(rèn)證等領(lǐng)域的規(guī)則對(duì)接與互認(rèn)合作。")])
act(pid, 2026, "governance", "Meet zero-carbon emissions standard before 2027",
    "2027年前实现碳排放达标",
    "At the January 2026 meeting the park's Party secretary said that, under the national arrangement, the park must bring its carbon emissions up to standard before 2027 and then tighten its per-unit emission level further, aligning with international rules.",
    "在2026年1月推进会上，园区党工委书记表示，按照国家部署，园区需在2027年前实现碳排放达标，并在此基础上进一步提升单位排放标准，推动与国际规则衔接。",
    ["99znhb-2026-01-zhongde-zero-carbon-meeting"],
    [("99znhb-2026-01-zhongde-zero-carbon-meeting",
      "按照国家部署,园区需在2027年前实现碳排放达标,并在此基础上进一步提升单位排放标准,积极推动与国际规则、标准相衔接。")])

ev("summaries", pid, "State Council approval 2015; inside ETDZ", "tiexi-gov-intro-zhongde-park",
   "中德园位于经开区内,规划面积55平方公里。2015年12月,国务院正式批复中德园建设方案。")

# ---------------- existing member: cangzhou-cangdong-edz (0 mitigation actions before) ----------------
act("cangzhou-cangdong-edz", 2026, "governance", "Zero-carbon park to be completed in 2027",
    "2027年率先完成零碳园区建设",
    "Cangzhou Cangdong Economic Development Zone is one of six parks on the first national zero-carbon park list (with Shenyang's Sino-German park) that must finish construction early, in 2027.",
    "沧州沧东经济开发区是首批国家级零碳园区建设名单中须在2027年率先完成建设的6家园区之一（另有沈阳中德高端装备制造产业园等）。",
    ["21jingji-2026-01-28-zero-carbon-parks-envision"],
    [("21jingji-2026-01-28-zero-carbon-parks-envision",
      "首批国家级零碳园区建设名单中，河北沧州沧东经济开发区、辽宁沈阳中德高端装备制造产业园等6家园区需在2027年率先完成建设。")])
