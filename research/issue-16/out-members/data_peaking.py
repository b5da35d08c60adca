"""Carbon-peaking pilots, batch 2 (发改办环资〔2025〕248号): members found in this pass."""

NOTICE2 = "发改办环资〔2025〕248号"

SOURCES = [
    dict(id="cnzsyz-heping-industrial-park-profile",
         title="[title not stored] 和平工业园区简介 (招商网讯)",
         publisher="中国招商引资网 cnzsyz.com (investment-promotion directory; original author not named)",
         date="", url="http://cnzsyz.com/guizhou/info/182505.html", language="zh",
         supports="Heping Industrial Park (set up Sept 2009, one of Zunyi's 10 key municipal parks) lies in 龙坑镇, 南白镇, 苟江镇 and 三合镇 of 遵义县; planned 40.71 km2; electronics, machinery, non-ferrous metal processing",
         kind="other", copy="yes"),
    dict(id="zhaoshang-bozhou-district-profile",
         title="播州区简介",
         publisher="选哪儿网 zhaoshang.net (investment-information site)",
         date="2023", url="https://gz.zhaoshang.net/zunyi/zunyi", language="zh",
         supports="遵义县 was abolished and 遵义市播州区 set up on 2016-03-20 (so the former county's towns are in 播州区)",
         kind="other", copy="yes"),
]

MEMBERSHIPS = [
    dict(place_id="heping-goujiang-edz", programme="carbon-peaking-pilot", batch="2", year="2025",
         notice=NOTICE2,
         source_ids="gzstv-2025-guizhou-second-batch-peaking;h2o-china-2025-second-batch-carbon-peaking",
         note="park; Guizhou DRC reported it among the 27 second-batch pilots. locate_zh 播州区 is inferred: a park directory places the "
              "Heping Industrial Park in 苟江镇 and three other towns of the former 遵义县 (now 播州区, 2016); that 和平工业园区 and "
              "和平(苟江)经济开发区 are the same zone is not stated by any read source"),
]

PLACES_NEW = [
    dict(id="heping-goujiang-edz", name_en="Heping (Goujiang) Economic Development Zone",
         name_zh="和平(苟江)经济开发区", level="park", province="guizhou", within_zh="遵义市",
         locate_zh="播州区",
         summary_en="An economic development zone in Zunyi, northern Guizhou, that the Guizhou Development and Reform Commission reported in March 2025 "
                    "as one of the province's two parks in NDRC's second batch of 27 national carbon-peaking pilots. Its forerunner, the Heping "
                    "Industrial Park opened in September 2009, covers a planned 40.71 km2 across Goujiang and three other towns of the former Zunyi "
                    "County (Bozhou District since 2016) and was built for electronics, machinery and non-ferrous metal processing.",
         summary_zh="和平(苟江)经济开发区位于贵州北部遵义市,2025年3月经贵州省发展改革委通报,与黔南高新区一同入选国家发展改革委第二批27个国家碳达峰试点。"
                    "其前身和平工业园区成立于2009年9月,规划面积40.71平方公里,横跨原遵义县(2016年起为播州区)苟江镇等四个镇,主要承接电子、机械制造和有色金属加工等产业。",
         summary_source_ids="gzstv-2025-guizhou-second-batch-peaking;cnzsyz-heping-industrial-park-profile;zhaoshang-bozhou-district-profile"),
]

ACTIONS = [
    dict(place_id="heping-goujiang-edz", kind="mitigation", year="2025", theme="governance",
         title_en="Carbon-peaking pilot implementation plan under way",
         title_zh="编制国家碳达峰试点实施方案",
         detail_en="After the March 2025 second-batch list, the Guizhou DRC said it would support and guide the park to speed up its pilot "
                   "implementation plan, plan key tasks, reform measures and major projects; the national notice asked provinces to submit the "
                   "reviewed plans to NDRC by 25 April 2025.",
         detail_zh="第二批名单公布后,贵州省发展改革委表示将支持和指导园区加快编制试点实施方案,统筹谋划重点任务、改革举措和重大项目;国家通知要求各地于2025年4月25日前将审核后的方案报送国家发展改革委。",
         source_ids="gzstv-2025-guizhou-second-batch-peaking;h2o-china-2025-second-batch-carbon-peaking"),
]

EVIDENCE = [
    dict(table="memberships", place_id="heping-goujiang-edz", item="carbon-peaking-pilot batch 2",
         source_id="gzstv-2025-guizhou-second-batch-peaking",
         excerpt="国家发展和改革委员会办公厅印发通知,公布第二批27个国家碳达峰试点名单,贵州省黔南高新技术产业开发区、和平(苟江)经济开发区入选。"),
    dict(table="places_new", place_id="heping-goujiang-edz", item="locate_zh 播州区 (park location)",
         source_id="cnzsyz-heping-industrial-park-profile",
         excerpt="和平工业园区于2009年9月成立,按照遵义市委、市政府“全党抓经济、重点抓工业、突破在项目、首要建园区”工作思路,率先打造的10个市级重点园区之一。园区位于遵义县龙坑镇、南白镇、苟江镇和三合镇,规划面积40.71平方公里"),
    dict(table="places_new", place_id="heping-goujiang-edz", item="locate_zh 播州区 (county renamed)",
         source_id="zhaoshang-bozhou-district-profile",
         excerpt="2016年3月20日,撤销遵义县,设立遵义市播州区。"),
    dict(table="summaries", place_id="heping-goujiang-edz", item="northern Guizhou", source_id="zhaoshang-bozhou-district-profile",
         excerpt="播州区,隶属贵州省遵义市,地处贵州省北部"),
    dict(table="summaries", place_id="heping-goujiang-edz", item="industries",
         source_id="cnzsyz-heping-industrial-park-profile",
         excerpt="重点发展电子、光电子、机械制造、有色金属制品加工、商贸服务等产业。"),
    dict(table="actions", place_id="heping-goujiang-edz", item="Carbon-peaking pilot implementation plan under way",
         source_id="gzstv-2025-guizhou-second-batch-peaking",
         excerpt="下一步,省发展改革委将支持和指导两个试点园区加快编制实施方案,统筹谋划重点任务、研究推出改革举措、扎实推进重大项目"),
    dict(table="actions", place_id="heping-goujiang-edz", item="Carbon-peaking pilot implementation plan under way",
         source_id="h2o-china-2025-second-batch-carbon-peaking",
         excerpt="有关地区发展改革委对本地区试点城市和园区实施方案进行审核后,于2025年4月25日前报送国家发展改革委(环资司)。"),
]
