# Data for r20 synergy-members. Edit and re-run build.py.
PROG = 'pollution-carbon-synergy-pilot'
CCTV = 'cctv-2024-01-15-synergy-pilot-list'   # staged in out-members sources (list announcement)

SOURCES = [
  # repeated from the staged out-members/sources.csv (not yet in data/sources.csv), so that every id used here resolves
  ('cctv-2024-01-15-synergy-pilot-list', '生态环境部发布第一批城市和产业园区减污降碳协同创新试点名单', '央视网 (CCTV.com), citing the MEE WeChat account', '2024-01-15',
   'https://news.cctv.com/2024/01/15/ARTIz1GIjn4NfrZIVvMTIZ8j240115.shtml', 'zh',
   'MEE first batch of city and industrial-park pollution-and-carbon synergy pilots: 21 cities, 43 parks; city types and park sectors', 'state-media', 'no'),
  ('huaxian-2024-01-15-recycling-park-synergy-pilot', '[title not stored] 滑县能源新材料循环再生工业园入选第一批城市和产业园区减污降碳协同创新试点', '滑县开发区 (news item on a Hua County government portal served from 61.54.6.141)', '2024-01-15',
   'http://61.54.6.141:10082/portal/xwzx/xzdt/webinfo/2023/12/phone1705338098394792.htm', 'zh',
   "Hua County Energy and New Materials Circular Regeneration Industrial Park is Henan's only park in MEE's first batch of synergy pilots; founded March 2023; heat-power/chemicals/building-materials/new-materials circular chain; provincial green park", 'official', 'no'),
  # id,title,publisher,date,url,language,supports,kind,copy
  ('teda-2024-01-synergy-pilot', '[title not stored] 天津经开区入选生态环境部第一批城市和产业园区减污降碳协同创新试点', '天津经济技术开发区管理委员会 (teda.gov.cn)', '2024-01',
   'https://teda.gov.cn/contents/826/39349.html', 'zh',
   "TEDA is Tianjin's only park in MEE's first batch of synergy pilots (pilot from Jan 2024, 3 years); joined WEF net-zero industrial clusters initiative in 2023", 'official', 'no'),
  ('xmhc-2024-02-05-haicang-synergy-pilot', '海沧台商投资区入选国家首批减污降碳 协同创新试点产业园区', '厦门市生态环境局 (海沧 district section of sthjj.xm.gov.cn)', '2024-02-05',
   'https://sthjj.xm.gov.cn/qj/hc/gzdt/202402/t20240205_2814122.htm', 'zh',
   "Haicang Taiwanese Investment Zone is one of Fujian's two parks in MEE's first batch of synergy pilots; zone set up May 1989; Hairun terminal electrification savings; 2023 MEE typical cases", 'official', 'no'),
]

# place_id, batch, year, notice, source_ids, note
MEMBERS = [
  ('tianjin-etdz', 1, 2024, '', ['teda-2024-01-synergy-pilot', CCTV], "park; existing atlas place; the zone's own site says it is Tianjin's only park on the first-batch list"),
  ('xiamen', 1, 2024, '', ['xmrb-2024-xiamen-low-carbon-pilots', CCTV], 'city; existing atlas place; Xiamen Daily (July 2024, read on a repost) says Xiamen and Haicang Taiwanese Investment Zone entered the first batch in January 2024'),
  ('xiamen-haicang-taiwanese-investment-zone', 1, 2024, '', ['xmhc-2024-02-05-haicang-synergy-pilot', 'xmrb-2024-xiamen-low-carbon-pilots', CCTV], "park; one of Fujian's two first-batch parks (the other not found); locate_zh 海沧区 taken from the zone's name and the Haicang district page that published it"),
  ('haikou-high-tech-zone', 1, 2024, '', ['chinanews-2025-haikou-high-tech-green', CCTV], "park; existing atlas place; Hainan's only park on the list; the source dates the selection to December 2023, the list was announced on 2024-01-15"),
  ('anyang-huaxian-recycling-park', 1, 2024, '', ['huaxian-2024-01-15-recycling-park-synergy-pilot', CCTV], "park; Henan's only park on the list; locate_zh 滑县 taken from the park name; within_zh 安阳市 is standard geography, not stated by the source; page date inferred from its URL id (2024-01-15), its folder says 2023/12"),
  ('changzhi', 1, 2024, '', ['changzhi-2024-pollution-carbon-synergy-plan', CCTV], "city; existing atlas place; membership inferred from the city's own 减污降碳协同创新试点实施方案 (2024-08-04), issued under MEE's letter sending the pilot task lists to pilots (综合函〔2024〕18号); the text read does not say 'first batch' in so many words"),
]

# id,name_en,name_zh,level,province,within_zh,locate_zh,summary_en,summary_zh,summary_source_ids
PLACES = [
  ('xiamen-haicang-taiwanese-investment-zone', 'Haicang Taiwanese Investment Zone', '海沧台商投资区', 'park', 'fujian', '厦门市', '海沧区',
   "A port and industrial zone in Xiamen, Fujian, set up in May 1989 as the earliest and largest of China's Taiwanese investment zones. In early 2024 it was named one of Fujian's two industrial parks in the Ministry of Ecology and Environment's first batch of pollution-and-carbon synergy innovation pilots, building on electrified, smart container terminals that MEE had already cited as a typical case.",
   "海沧台商投资区位于福建厦门,设立于1989年5月,是全国设立最早、面积最大的台商投资区。2024年初,该区入选生态环境部第一批城市和产业园区减污降碳协同创新试点园区,是福建入选的两个产业园区之一;此前其绿色智慧港口建设已被生态环境部列为减污降碳协同增效典型案例。",
   ['xmhc-2024-02-05-haicang-synergy-pilot']),
]

PLACES.append(
  ('anyang-huaxian-recycling-park', 'Hua County Energy and New Materials Circular Regeneration Industrial Park', '滑县能源新材料循环再生工业园', 'park', 'henan', '安阳市', '滑县',
   "An industrial park in Hua County, northern Henan, set up in March 2023 and named in January 2024 Henan's only industrial park in the Ministry of Ecology and Environment's first batch of pollution-and-carbon synergy innovation pilots. Its firms are linked in a circular chain from heat and power through chemicals and building materials to new materials and end products, and the province lists it among its first circular-regeneration industrial parks and its green parks.",
   "滑县能源新材料循环再生工业园位于河南滑县,成立于2023年3月,2024年1月入选生态环境部第一批城市和产业园区减污降碳协同创新试点,是河南唯一入选的产业园区。园区企业形成了“热电—化工—建材—新材料—终端产品”一体的循环再生体系,先后被列为河南省第一批循环再生工业园和河南省绿色园区。",
   ['huaxian-2024-01-15-recycling-park-synergy-pilot']))

# place_id,kind,year,theme,title_en,title_zh,detail_en,detail_zh,source_ids, excerpt, excerpt_source
ACTIONS = [
  ('xiamen-haicang-taiwanese-investment-zone', 'mitigation', 2020, 'transport',
   'All-electric, smart container terminals at Hairun',
   '海润码头机械全电化与能源清洁化',
   'Since 2013 the zone has used the Hairun and Yuanhai terminals as pilots for fully electric handling machinery and clean energy. Over the 13th Five-Year Plan the Hairun terminal cut diesel use by about 684.5 t, saved about 730 tce and avoided 2,163.4 t of CO2 and 63.6 t of NOx; its energy use per TEU is 15% below the best national standard.',
   '海沧台投区自2013年起以海润和远海码头为试点,推进机械全电化和能源清洁化。“十三五”以来,海润码头累计减少柴油消耗约684.5吨,节能约730吨标煤,减少二氧化碳排放2163.4吨、氮氧化物63.6吨,单位标箱能耗强度比国家最优标准低15%。',
   ['xmhc-2024-02-05-haicang-synergy-pilot'],
   '“十三五”以来,海润码头累计减少柴油消耗约684.5吨,节能约730吨标煤,减少二氧化碳排放2163.4 吨、氮氧化物排放63.6吨,单位标箱能耗强度比国家最优标准低15%', 'xmhc-2024-02-05-haicang-synergy-pilot'),
  ('xiamen-haicang-taiwanese-investment-zone', 'mitigation', 2023, 'governance',
   'Two Haicang practices named MEE synergy typical cases',
   '两项做法入选生态环境部减污降碳协同增效典型案例',
   "In 2023 two Haicang District practices, a long-term mechanism for joint pollution and carbon reduction and the green smart port as a 'Haicang model' of synergy, were selected as MEE typical cases of pollution-and-carbon synergy. The zone also runs enterprise pilots at Silan Mingjia compound semiconductors and the Hairun container terminal to improve processes and energy mix.",
   '2023年,海沧区“探索构建减污降碳协同创新长效机制”和“以绿色智慧港口建设打造减污降碳协同增效‘海沧样板’”入选生态环境部减污降碳协同增效典型案例;园区并以士兰明镓化合物半导体、海润集装箱码头为企业试点,推动工艺和用能结构优化。',
   ['xmhc-2024-02-05-haicang-synergy-pilot'],
   '2023年,海沧区“探索构建减污降碳协同创新长效机制”“以绿色智慧港口建设打造减污降碳协同增效‘海沧样板’”入选生态环境部减污降碳协同增效典型案例', 'xmhc-2024-02-05-haicang-synergy-pilot'),
  ('tianjin-etdz', 'mitigation', 2023, 'governance',
   'Joined WEF net-zero industrial clusters initiative',
   '加入世界经济论坛“产业集群向净零转型倡议”',
   "In 2023 TEDA and firms in the zone joined the World Economic Forum's Transitioning Industrial Clusters towards Net Zero initiative, the first national-level development zone in China to do so. The zone cites this, its 2021 green-industry demonstration base plan and its 14th Five-Year goal of a green manufacturing demonstration zone as the basis for its synergy pilot.",
   '2023年,天津经开区携区内企业加入世界经济论坛“产业集群向净零转型倡议”,成为我国首个加入该倡议的国家级开发区;经开区此前于2021年编制绿色产业示范基地建设方案,并在“十四五”规划中提出打造绿色制造体系示范区,以此作为开展减污降碳协同创新试点的基础。',
   ['teda-2024-01-synergy-pilot'],
   '2023年天津经开区携区域企业加入世界经济论坛“产业集群向净零转型倡议”,成为我国加入该倡议的首个国家级开发区、首个综合型产业园区', 'teda-2024-01-synergy-pilot'),
  ('anyang-huaxian-recycling-park', 'mitigation', 2023, 'industry',
   'Circular heat-power, chemicals and materials chain',
   '“热电—化工—建材—新材料”循环再生体系',
   "Firms in the park are coupled through energy and material flows into one circular regeneration system running from combined heat and power through chemicals and building materials to new materials and end products. The Henan industry department listed it in its first batch of circular-regeneration industrial parks, and it is also a Henan green park.",
   '园区企业通过能源、物质流动深度挖潜、循环耦合,初步形成“热电—化工—建材—新材料—终端产品”一体的循环再生体系;园区是河南省工业和信息化厅公布的第一批循环再生工业园,并被列为河南省绿色园区。',
   ['huaxian-2024-01-15-recycling-park-synergy-pilot'],
   '初步形成了“热电-化工-建材-新材料-终端产品”为一体的循环再生体系,是经河南省工业和信息化厅公布的第一批循环再生工业园,先后被确定为“河南省绿色园区”', 'huaxian-2024-01-15-recycling-park-synergy-pilot'),
]

SUMMARY_EVIDENCE = [
  ('anyang-huaxian-recycling-park', 'huaxian-2024-01-15-recycling-park-synergy-pilot',
   '滑县能源新材料循环再生工业园被确定为国家级“产业园区”试点,也是河南省唯一入选园区。 滑县能源新材料循环再生工业园成立于2023年3月'),
  # place_id, source_id, excerpt
  ('xiamen-haicang-taiwanese-investment-zone', 'xmhc-2024-02-05-haicang-synergy-pilot',
   '厦门海沧台商投资区(以下简称“海沧台投区”)成功入选试点园区,是福建省两个入选的产业园区之一。 海沧台投区设立于1989年5月,是全国设立最早、面积最大的台商投资区。'),
]
