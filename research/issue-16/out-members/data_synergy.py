"""New programme: MEE city and industrial-park pollution-and-carbon reduction synergy innovation pilots (batch 1, 2024)."""

PROG = "pollution-carbon-synergy-pilot"

PROGRAMMES = [
    dict(id=PROG,
         name_en="Pollution and carbon reduction synergy innovation pilots (cities and industrial parks)",
         name_zh="城市和产业园区减污降碳协同创新试点",
         agency="Ministry of Ecology and Environment (MEE) with relevant departments",
         first_year="2024",
         description_en="Cities and industrial parks picked by the Ministry of Ecology and Environment, from provincial recommendations and expert "
                        "review, to test how cutting local air, water and waste pollution and cutting CO2 can be planned, managed and financed "
                        "together. The first list, published in mid-January 2024, named 21 cities of resource-based, industrial, comprehensive and "
                        "ecologically strong types and 43 industrial parks in sectors such as steel, non-ferrous metals, petrochemicals, cars, "
                        "equipment and new energy; local reports give a three-year pilot period from January 2024.",
         description_zh="生态环境部会同有关部门,在各省推荐和专家评审基础上选定部分城市和产业园区,探索减少大气、水、固废等污染与降低二氧化碳排放的"
                        "一体谋划、协同管理和协同技术。2024年1月中旬公布的第一批名单包括资源型、工业型、综合型、生态良好型等21个城市,以及涉及钢铁、"
                        "有色、石化、汽车、装备制造、新能源等行业的43个产业园区;地方报道称试点期自2024年1月起,为期3年。",
         source_ids="cctv-2024-01-15-synergy-pilot-list;chndaqi-2024-01-16-synergy-pilot-list-mee;sxdaily-2024-01-31-xian-synergy-pilot;"
                    "yixing-2024-01-15-etdz-synergy-pilot",
         focus="mitigation",
         official_size_note="batch 1 (list announced 2024-01-15 as 《第一批城市和产业园区减污降碳协同创新试点名单》; notice number not found): "
                            "21 cities + 43 industrial parks = 64; found 7 cities + 8 parks = 15 of 64"),
]

SOURCES = [
    dict(id="cctv-2024-01-15-synergy-pilot-list", title="生态环境部发布第一批城市和产业园区减污降碳协同创新试点名单",
         publisher="央视网 (CCTV.com), citing the MEE WeChat account", date="2024-01-15",
         url="https://news.cctv.com/2024/01/15/ARTIz1GIjn4NfrZIVvMTIZ8j240115.shtml", language="zh",
         supports="MEE first batch of city and industrial-park pollution-and-carbon synergy pilots: 21 cities, 43 parks; city types and park sectors",
         kind="state-media", copy="no"),
    dict(id="chndaqi-2024-01-16-synergy-pilot-list-mee", title="21城+43产业园 第一批城市和产业园区减污降碳协同创新试点名单发布",
         publisher="生态环境部 (MEE text reposted by 中国大气网)", date="2024-01-16",
         url="http://chndaqi.com/news/348249.html", language="zh",
         supports="Selection basis (provincial recommendations, expert review) and the 21 + 43 size",
         kind="official", copy="yes"),
    dict(id="kczg-2024-01-17-hebei-synergy-pilots", title="河北1市、2家产业园区入选 国家首批减污降碳协同创新试点公布",
         publisher="人民日报客户端 (reposted on 中国科协 kczg.org.cn)", date="2024-01-17",
         url="https://www.kczg.org.cn/rules/detail?id=6293280", language="zh",
         supports="Hebei members: 保定市, 邯郸复兴经济开发区, 武安工业园区",
         kind="state-media", copy="yes"),
    dict(id="sxdaily-2024-01-31-xian-synergy-pilot", title="西安入选全国首批减污降碳协同创新试点城市",
         publisher="陕西日报", date="2024-01-31",
         url="https://esb.sxdaily.com.cn/pc/content/202401/31/content_857373.html", language="zh",
         supports="Xi'an is Shaanxi's only first-batch synergy pilot city; list title; pilot from January 2024 for 3 years; Xi'an's other pilots",
         kind="state-media", copy="no"),
    dict(id="yixing-2024-01-15-etdz-synergy-pilot", title="经开区入选减污降碳协同创新产业园区试点",
         publisher="宜兴日报 (Yixing government information page, read on a hijacked copy at damyunjae.com)", date="2024-01-15",
         url="http://damyunjae.com/doc/2024/01/15/1202103.html", language="zh",
         supports="宜兴经济技术开发区 is the Wuxi area's only first-batch synergy pilot park, entering with Jiangsu's top score; 3-year pilot from Jan 2024",
         kind="media", copy="yes"),
    dict(id="lyd-2025-10-27-luoyang-14th-fyp-environment", title="[title not stored] 洛阳市“十四五”生态环境保护成效新闻发布会报道",
         publisher="洛阳网 (洛阳日报报业集团)", date="2025-10-27",
         url="http://news.lyd.com.cn/system/2025/10/27/032499260.shtml", language="zh",
         supports="Luoyang was selected among the first national synergy pilot cities; 14th FYP results: 74 polluting firms relocated, 301 kilns upgraded, 10 brick makers closed, PM2.5 -27%",
         kind="media", copy="no"),
    dict(id="selectshandong-2024-01-17-shandong-synergy-pilots",
         title="Shandong's Two Cities and Three Industrial Zones Included in China's First Batch of Collaborative Innovation Pilot Units for Pollution and Carbon Reduction",
         publisher="海报新闻 (Haibao News, Dazhong Daily group), English version on the Invest Shandong site", date="2024-01-17",
         url="https://en.selectshandong.com/syzx/ywxx/28373.shtml", language="en",
         supports="Shandong members: Weifang, Weihai (cities); Jinan Start-up Area for Growth Drivers Transformation, Qingdao National High-tech Industrial Development Zone, Leling Chemical Industry Park",
         kind="media", copy="yes"),
    dict(id="luoyang-2021-07-eco-civilization-plan", title="洛阳市人民政府关于印发洛阳市创建国家生态文明建设示范市规划(2020—2030年)的通知(洛政〔2021〕11号)",
         publisher="洛阳市人民政府", date="2021-07-23", url="http://www.ly.gov.cn/html/1/2/10/29/33/109/10944656.html", language="zh",
         supports="Luoyang lies in western Henan on the middle Yellow River (summary context only)", kind="official", copy="no"),
    dict(id="sdee-2023-11-06-near-zero-carbon-shortlist", title="[title not stored] 山东省近零碳示范创建单位公示 (2023-11-06)",
         publisher="山东省生态环境厅 (notice reposted on sdenews.com)", date="2023-11-06",
         url="http://sdenews.com/html/2023/11/358364.shtml", language="zh",
         supports="Chinese form of the park name 青岛市国家高新技术产业开发区 (used for name_zh only)",
         kind="official", copy="yes"),
]

MEMB_SRC = {
    "baoding": "kczg-2024-01-17-hebei-synergy-pilots",
    "handan-fuxing-edz": "kczg-2024-01-17-hebei-synergy-pilots",
    "handan-wuan-industrial-park": "kczg-2024-01-17-hebei-synergy-pilots",
    "xian": "sxdaily-2024-01-31-xian-synergy-pilot",
    "wuxi-yixing-etdz": "yixing-2024-01-15-etdz-synergy-pilot",
    "huzhou": "huzhou-eeb-2024-pollution-carbon-synergy-draft",
    "eerduosi": "tanpaifang-2025-03-31-ordos-co-innovation",
    "ordos-otog-high-tech-zone": "tanpaifang-2025-03-31-ordos-co-innovation",
    "ordos-sulige-edz": "tanpaifang-2025-03-31-ordos-co-innovation",
    "luoyang": "lyd-2025-10-27-luoyang-14th-fyp-environment",
    "weifang": "selectshandong-2024-01-17-shandong-synergy-pilots",
    "weihai": "selectshandong-2024-01-17-shandong-synergy-pilots",
    "jinan-startup-area": "selectshandong-2024-01-17-shandong-synergy-pilots",
    "qingdao-high-tech-zone": "selectshandong-2024-01-17-shandong-synergy-pilots",
    "dezhou-leling-chemical-park": "selectshandong-2024-01-17-shandong-synergy-pilots",
}
MEMB_NOTE = {
    "baoding": "city",
    "xian": "city; the only Shaanxi city on the list",
    "huzhou": "city; membership stated in the city's own draft pilot plan (July 2024), which calls Huzhou a first-batch national pilot city",
    "eerduosi": "city; the source dates the selection to the end of 2023, the national list was announced on 2024-01-15",
    "luoyang": "city; membership stated in a 2025 Luoyang review of the 14th Five-Year Plan, not in a list",
    "weifang": "city",
    "weihai": "city",
    "handan-fuxing-edz": "park; locate_zh 复兴区 taken from the name inside the listed park name (河北邯郸复兴经济开发区)",
    "handan-wuan-industrial-park": "park; locate_zh 武安市 taken from the park name; within_zh 邯郸市 is standard geography, not stated by the source",
    "wuxi-yixing-etdz": "park; 'the only one from the Wuxi area'; locate_zh 宜兴市 taken from the park name",
    "ordos-otog-high-tech-zone": "park; locate_zh 鄂托克旗 taken from the park name; source dates selection to end of 2023",
    "ordos-sulige-edz": "park; locate_zh unknown (not stated); source dates selection to end of 2023",
    "jinan-startup-area": "park; source gives only the English name; name_zh is the usual Chinese name, not read in a Chinese source; locate_zh empty (a functional area spanning districts)",
    "qingdao-high-tech-zone": "park; source gives the English name; name_zh as printed in a 2023 Shandong DEE list; locate_zh not stated",
    "dezhou-leling-chemical-park": "park; source gives only the English name (Leling Chemical Industry Park); name_zh is a back-translation to verify; locate_zh 乐陵市 from the name; within_zh 德州市 is standard geography",
}
MEMBERSHIPS = [
    dict(place_id=p, programme=PROG, batch="1", year="2024", notice="", source_ids=s + ";cctv-2024-01-15-synergy-pilot-list",
         note=MEMB_NOTE[p])
    for p, s in MEMB_SRC.items()
]

PLACES_NEW = [
    dict(id="xian", name_en="Xi'an", name_zh="西安市", level="city", province="shaanxi", within_zh="", locate_zh="",
         summary_en="Xi'an, in Shaanxi, was named in January 2024 Shaanxi's only city in the Ministry of Ecology and Environment's first "
                    "batch of 21 pollution-and-carbon synergy innovation pilot cities, with a three-year pilot period from January 2024. Shaanxi "
                    "Daily notes that the city already runs national zero-waste city, climate investment and financing, sponge city and "
                    "climate-adaptive city pilots.",
         summary_zh="陕西西安2024年1月入选生态环境部第一批21个减污降碳协同创新试点城市,是陕西唯一入选城市,试点期自2024年1月起为期3年。"
                    "据《陕西日报》报道,西安此前已开展国家“无废城市”、气候投融资、海绵城市和气候适应型城市建设等试点。",
         summary_source_ids="sxdaily-2024-01-31-xian-synergy-pilot"),
    dict(id="luoyang", name_en="Luoyang", name_zh="洛阳市", level="city", province="henan", within_zh="", locate_zh="",
         summary_en="Luoyang, in western Henan on the middle reaches of the Yellow River, reports that it was selected among the first national "
                    "pollution-and-carbon synergy innovation pilot cities and treats the pilot as a lever for green transition. Over the 14th "
                    "Five-Year Plan period it moved 74 heavily polluting firms out of the city, upgraded 301 industrial kilns and saw PM2.5 fall by 27%.",
         summary_zh="洛阳位于河南西部、黄河中游。该市称已入选全国首批减污降碳协同创新试点城市,并把试点建设作为绿色转型的重大机遇。"
                    "“十四五”期间,洛阳退城搬迁重污染企业74家、提升改造工业炉窑301家,PM2.5平均浓度下降27%。",
         summary_source_ids="lyd-2025-10-27-luoyang-14th-fyp-environment;luoyang-2021-07-eco-civilization-plan"),
    dict(id="weihai", name_en="Weihai", name_zh="威海市", level="city", province="shandong", within_zh="", locate_zh="",
         summary_en="Weihai, a prefecture-level city in Shandong, was one of two Shandong cities, with Weifang, named in "
                    "January 2024 to the Ministry of Ecology and Environment's first batch of 21 pollution-and-carbon synergy innovation pilot cities. "
                    "No pilot plan or result for Weihai was found in the sources searched.",
         summary_zh="山东威海市2024年1月与潍坊一同入选生态环境部第一批21个减污降碳协同创新试点城市,是山东入选的两个城市之一。"
                    "本次检索未找到威海的试点方案或成效。",
         summary_source_ids="selectshandong-2024-01-17-shandong-synergy-pilots"),
    dict(id="handan-fuxing-edz", name_en="Handan Fuxing Economic Development Zone", name_zh="邯郸复兴经济开发区", level="park",
         province="hebei", within_zh="邯郸市", locate_zh="复兴区",
         summary_en="An economic development zone in Handan, Hebei, named in January 2024 one of the 43 industrial parks in the Ministry of "
                    "Ecology and Environment's first batch of pollution-and-carbon synergy innovation pilots. Hebei's other first-batch members are "
                    "Baoding city and the Wu'an Industrial Park.",
         summary_zh="邯郸复兴经济开发区位于河北邯郸市,2024年1月入选生态环境部第一批减污降碳协同创新试点的43个产业园区之一。"
                    "河北同批入选的还有保定市和武安工业园区。",
         summary_source_ids="kczg-2024-01-17-hebei-synergy-pilots"),
    dict(id="handan-wuan-industrial-park", name_en="Wu'an Industrial Park", name_zh="武安工业园区", level="park",
         province="hebei", within_zh="邯郸市", locate_zh="武安市",
         summary_en="An industrial park in Wu'an, Hebei, named in January 2024 one of the 43 industrial parks in the Ministry of Ecology and "
                    "Environment's first batch of pollution-and-carbon synergy innovation pilots, alongside Baoding city and the Handan Fuxing "
                    "Economic Development Zone.",
         summary_zh="武安工业园区位于河北武安,2024年1月入选生态环境部第一批减污降碳协同创新试点的43个产业园区之一,河北同批入选的还有保定市和邯郸复兴经济开发区。",
         summary_source_ids="kczg-2024-01-17-hebei-synergy-pilots"),
    dict(id="wuxi-yixing-etdz", name_en="Yixing Economic and Technological Development Zone", name_zh="宜兴经济技术开发区", level="park",
         province="jiangsu", within_zh="无锡市", locate_zh="宜兴市",
         summary_en="A development zone in Yixing, Wuxi, Jiangsu, named in January 2024 to the Ministry of Ecology and Environment's first batch of "
                    "pollution-and-carbon synergy innovation pilots as the only park from the Wuxi area; the zone's environment bureau says it "
                    "entered with the top score in Jiangsu. The pilot runs for three years from January 2024.",
         summary_zh="宜兴经济技术开发区位于江苏无锡宜兴,2024年1月入选生态环境部第一批减污降碳协同创新试点,是无锡地区唯一入选的产业园区;"
                    "经开区生态环境局称其以全省第一名的成绩入选。试点期自2024年1月起为期3年。",
         summary_source_ids="yixing-2024-01-15-etdz-synergy-pilot"),
    dict(id="ordos-otog-high-tech-zone", name_en="Otog High-tech Industrial Development Zone", name_zh="鄂托克高新技术产业开发区",
         level="park", province="neimenggu", within_zh="鄂尔多斯市", locate_zh="鄂托克旗",
         summary_en="A high-tech industrial zone in Ordos, Inner Mongolia, that the Ordos ecology and environment bureau lists with the Sulige "
                    "Economic Development Zone and Ordos city itself as the city's 'one city, two parks' in the first national batch of "
                    "pollution-and-carbon synergy innovation pilots. Ordos issued pilot implementation plans for all three.",
         summary_zh="鄂托克高新技术产业开发区位于内蒙古鄂尔多斯市。据鄂尔多斯市生态环境局介绍,该园区与苏里格经济开发区、鄂尔多斯市一同入选全国第一批"
                    "减污降碳协同创新城市和工业园区试点,即“一城市、二园区”,并已编制印发相应的试点实施方案。",
         summary_source_ids="tanpaifang-2025-03-31-ordos-co-innovation"),
    dict(id="ordos-sulige-edz", name_en="Sulige Economic Development Zone", name_zh="苏里格经济开发区", level="park",
         province="neimenggu", within_zh="鄂尔多斯市", locate_zh="",
         summary_en="An economic development zone in Ordos, Inner Mongolia, that the Ordos ecology and environment bureau lists with the Otog "
                    "High-tech Zone and Ordos city as its 'one city, two parks' in the first national batch of pollution-and-carbon synergy "
                    "innovation pilots, each with its own implementation plan.",
         summary_zh="苏里格经济开发区位于内蒙古鄂尔多斯市。据鄂尔多斯市生态环境局介绍,该园区与鄂托克高新区、鄂尔多斯市一同入选全国第一批减污降碳协同创新试点"
                    "(“一城市、二园区”),各自编制了试点实施方案。",
         summary_source_ids="tanpaifang-2025-03-31-ordos-co-innovation"),
    dict(id="jinan-startup-area", name_en="Jinan Start-up Area for Growth Drivers Transformation", name_zh="济南新旧动能转换起步区",
         level="park", province="shandong", within_zh="济南市", locate_zh="",
         summary_en="A development area in Jinan, Shandong, named in January 2024 one of Shandong's three industrial zones in the Ministry of "
                    "Ecology and Environment's first batch of pollution-and-carbon synergy innovation pilots (with the Qingdao High-tech Zone and "
                    "the Leling chemical park).",
         summary_zh="济南新旧动能转换起步区位于山东济南,2024年1月与青岛高新区、乐陵化工园区一同入选生态环境部第一批减污降碳协同创新试点,是山东入选的三个园区之一。",
         summary_source_ids="selectshandong-2024-01-17-shandong-synergy-pilots"),
    dict(id="qingdao-high-tech-zone", name_en="Qingdao National High-tech Industrial Development Zone", name_zh="青岛国家高新技术产业开发区",
         level="park", province="shandong", within_zh="青岛市", locate_zh="",
         summary_en="Qingdao's national high-tech zone, named in January 2024 one of Shandong's three industrial zones in the Ministry of Ecology "
                    "and Environment's first batch of pollution-and-carbon synergy innovation pilots. In November 2023 Shandong had also short-listed "
                    "it as a provincial near-zero-carbon park.",
         summary_zh="青岛国家高新技术产业开发区2024年1月入选生态环境部第一批减污降碳协同创新试点,是山东入选的三个园区之一;2023年11月,山东省生态环境厅还将其列入省级近零碳园区示范创建名单(公示)。",
         summary_source_ids="selectshandong-2024-01-17-shandong-synergy-pilots;sdee-2023-11-06-near-zero-carbon-shortlist"),
    dict(id="dezhou-leling-chemical-park", name_en="Leling Chemical Industry Park", name_zh="乐陵化工产业园",
         level="park", province="shandong", within_zh="德州市", locate_zh="乐陵市",
         summary_en="A chemical industry park in Leling, Shandong, named in January 2024 one of Shandong's three industrial zones in the Ministry of "
                    "Ecology and Environment's first batch of pollution-and-carbon synergy innovation pilots.",
         summary_zh="乐陵化工园区位于山东乐陵,2024年1月入选生态环境部第一批减污降碳协同创新试点,是山东入选的三个园区之一。",
         summary_source_ids="selectshandong-2024-01-17-shandong-synergy-pilots"),
]

ACTIONS = [
    dict(place_id="luoyang", kind="mitigation", year="2025", theme="industry",
         title_en="Polluting firms moved out and 301 kilns upgraded",
         title_zh="重污染企业退城搬迁、工业炉窑提升改造",
         detail_en="During the 14th Five-Year Plan period (2021-2025) Luoyang closed 10 sintered-brick makers, moved 74 heavily polluting firms out "
                   "of the city, upgraded 301 industrial kilns and added 380 firms rated A, B or leading in environmental performance; PM2.5 "
                   "concentration fell 27% and good-air days rose 18.3% compared with the previous plan period.",
         detail_zh="“十四五”期间,洛阳关停退出烧结砖瓦企业10家,退城搬迁重污染企业74家,提升改造工业炉窑301家,新增A级、B级和绩效引领性企业380家;"
                   "PM2.5平均浓度下降27%,空气质量优良天数比率较“十三五”增长18.3%。",
         source_ids="lyd-2025-10-27-luoyang-14th-fyp-environment"),
    dict(place_id="xian", kind="mitigation", year="2024", theme="governance",
         title_en="Three-year synergy pilot from January 2024",
         title_zh="减污降碳协同创新试点(2024年1月起为期3年)",
         detail_en="Xi'an's pilot runs for three years from January 2024; the city said it would keep refining its pilot plan, building on synergy "
                   "work in energy, industry, urban and rural construction and transport.",
         detail_zh="西安试点工作自2024年1月起,周期为3年;该市表示将在能源、工业、城乡建设、交通运输等领域减污降碳协同增效的基础上不断优化试点方案。",
         source_ids="sxdaily-2024-01-31-xian-synergy-pilot"),
]

EVIDENCE = [
    dict(table="programmes", place_id="", item=f"{PROG} size 21 cities + 43 parks", source_id="cctv-2024-01-15-synergy-pilot-list",
         excerpt="第一批城市和产业园区试点单位共包括21个城市、43个产业园区。城市涵盖资源型、工业型、综合型、生态良好型等多种类型,产业园区涉及钢铁、有色、石化、汽车、装备制造、新能源等多个行业"),
    dict(table="programmes", place_id="", item=f"{PROG} selection basis", source_id="chndaqi-2024-01-16-synergy-pilot-list-mee",
         excerpt="综合各省(自治区、直辖市)生态环境部门推荐、专家评审意见等因素,筛选形成了第一批城市和产业园区试点名单"),
    dict(table="programmes", place_id="", item=f"{PROG} pilot period", source_id="yixing-2024-01-15-etdz-synergy-pilot",
         excerpt="第一批确定了全国21个城市、43个产业园区为减污降碳协同创新试点单位。试点工作自2024年1月起,周期为3年。"),
    dict(table="memberships", place_id="baoding;handan-fuxing-edz;handan-wuan-industrial-park", item=f"{PROG} batch 1 (Hebei)",
         source_id="kczg-2024-01-17-hebei-synergy-pilots",
         excerpt="第一批城市和产业园区试点单位共包括21个城市、43个产业园区。其中,河北保定市、河北邯郸复兴经济开发区、河北武安工业园区入选。"),
    dict(table="memberships", place_id="xian", item=f"{PROG} batch 1", source_id="sxdaily-2024-01-31-xian-synergy-pilot",
         excerpt="近日,生态环境部印发《第一批城市和产业园区减污降碳协同创新试点名单》,包含21个城市和43个产业园区。西安入选全国首批减污降碳协同创新试点城市,是我省唯一入选城市。试点工作自2024年1月起,周期为3年。"),
    dict(table="memberships", place_id="wuxi-yixing-etdz", item=f"{PROG} batch 1", source_id="yixing-2024-01-15-etdz-synergy-pilot",
         excerpt="近日,生态环境部公布了第一批城市和产业园区减污降碳协同创新试点名单,宜兴经济技术开发区成功“上榜”,成为无锡地区唯一入选的减污降碳协同创新产业园区试点。"),
    dict(table="memberships", place_id="huzhou", item=f"{PROG} batch 1", source_id="huzhou-eeb-2024-pollution-carbon-synergy-draft",
         excerpt="为高水平推进首批国家减污降碳协同创新试点城市建设,浙江省湖州市生态环境局起草了《湖州市国家减污降碳协同创新试点城市建设实施方案(征求意见稿)》"),
    dict(table="memberships", place_id="eerduosi;ordos-otog-high-tech-zone;ordos-sulige-edz", item=f"{PROG} batch 1 (Ordos)",
         source_id="tanpaifang-2025-03-31-ordos-co-innovation",
         excerpt="2023年底,鄂尔多斯市和鄂托克高新技术产业开发区、苏里格经济开发区2个园区成功入选全国第一批减污降碳协同创新城市和工业园区"),
    dict(table="memberships", place_id="luoyang", item=f"{PROG} batch 1", source_id="lyd-2025-10-27-luoyang-14th-fyp-environment",
         excerpt="尤其是成功入选全国首批减污降碳协同创新试点城市后,将试点建设作为绿色转型的重大机遇"),
    dict(table="memberships", place_id="weifang;weihai;jinan-startup-area;qingdao-high-tech-zone;dezhou-leling-chemical-park",
         item=f"{PROG} batch 1 (Shandong)", source_id="selectshandong-2024-01-17-shandong-synergy-pilots",
         excerpt="The list covers Shandong's two cities: Weifang City and Weihai City, as well as three industrial zones: Jinan Start-up Area for Growth Drivers Transformation, Qingdao National High-tech Industrial Development Zone, and Leling Chemical Industry Park."),
    dict(table="places_new", place_id="qingdao-high-tech-zone", item="name_zh", source_id="sdee-2023-11-06-near-zero-carbon-shortlist",
         excerpt="济南市济钢空天信息产业园、明水经济开发区,青岛市国家高新技术产业开发区,淄博市临淄经济开发区"),
    dict(table="summaries", place_id="luoyang", item="location", source_id="luoyang-2021-07-eco-civilization-plan",
         excerpt="洛阳位于河南西部、黄河中游,是国务院首批公布的历史文化名城"),
    dict(table="summaries", place_id="xian", item="other pilots", source_id="sxdaily-2024-01-31-xian-synergy-pilot",
         excerpt="已开展国家“无废城市”、气候投融资、海绵城市、气候适应型城市建设试点。"),
    dict(table="summaries", place_id="wuxi-yixing-etdz", item="top score in Jiangsu", source_id="yixing-2024-01-15-etdz-synergy-pilot",
         excerpt="“宜兴经开区以全省第一名的成绩入选试点。”经开区生态环境局局长吴俊奎说"),
    dict(table="summaries", place_id="ordos-otog-high-tech-zone;ordos-sulige-edz", item="one city, two parks plans",
         source_id="tanpaifang-2025-03-31-ordos-co-innovation",
         excerpt="编制印发鄂尔多斯“一城市、二园区”减污降碳协同创新试点实施方案"),
    dict(table="actions", place_id="luoyang", item="Polluting firms moved out and 301 kilns upgraded",
         source_id="lyd-2025-10-27-luoyang-14th-fyp-environment",
         excerpt="关停退出烧结砖瓦企业10家,退城搬迁重污染企业74家,提升改造工业炉窑301家,新增A级、B级和级绩效引领性企业380家。全市空气质量优良天数比率较“十三五”增长18.3%,空气质量综合指数、PM10、PM2.5平均浓度分别下降27.5%、28.3%、27%"),
    dict(table="actions", place_id="xian", item="Three-year synergy pilot from January 2024", source_id="sxdaily-2024-01-31-xian-synergy-pilot",
         excerpt="下一步,西安将不断优化试点方案,积极探索生态优先、节约集约、绿色低碳的高质量发展新路径,提升减污降碳协同治理水平。"),
    dict(table="actions", place_id="xian", item="Three-year synergy pilot from January 2024", source_id="sxdaily-2024-01-31-xian-synergy-pilot",
         excerpt="近年来,西安积极推进能源、工业、城乡建设、交通运输等领域减污降碳协同增效,深入打好污染防治攻坚战"),
]
