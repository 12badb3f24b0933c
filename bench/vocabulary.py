"""Words the synthetic catalogue writes with, so text queries have realistic selectivity.

A case is about one theme: most of its words come from a general vocabulary
(in every case, like a language's common words), a third from its theme's
words (so "photovoltaic" sits in energy cases), a few strays from other
themes, and now and then a word from a long tail of rare ones. Chinese titles
and place names follow the same themes; Uyghur names are given to Xinjiang's
places (real ones for the prefectures, made-up compounds for the counties).
"""

from __future__ import annotations

from dataclasses import dataclass


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# Common words, most frequent first (drawn with Zipf-like weights).
GENERAL = _words("""
the of and in to a for with by from on county programme assistance project support
local training workers village province province's pairing cooperation development
new years more than two three year cadres market income families households
government team experts skills jobs industry company centre funds technology management
talent culture build built helped local first help opened million yuan per cent
township area areas rural urban communities residents young women people staff
visit visits report reported according article says said officials city cities
plan plans scheme model base bases demonstration pilot quality standard brand brands
products product produce processing sold sale sell buyers demand supply chain chains
trained learn learned courses course classes graduates employment employed wages
poverty alleviation revitalisation investment invested built building buildings
equipment machines modern traditional craft crafts heritage exchange exchanges
partner partners sent arrived stayed returned later during since after before
season seasons winter summer spring autumn month months day days week weeks
north south east west southern northern eastern western region regional national
""")


# Theme: (sector, share of cases in per cent, English words, Chinese words).
@dataclass(frozen=True)
class Theme:
    sector: str
    share: int
    words: tuple[str, ...]
    chinese: tuple[str, ...]


THEMES: dict[str, Theme] = {
    "tea": Theme("agriculture and food", 5, (
        "tea", "tea", "tea", "leaves", "plantation", "brewing", "teahouse", "brick", "pickers",
        "aroma", "kettle", "milk", "blends", "packaging", "harvest",
    ), ("茶", "茶叶", "茶园", "砖茶", "奶茶", "茶馆")),
    "jade": Theme("handicraft", 3, (
        "jade", "jade", "carving", "carvers", "nephrite", "stone", "polishing", "workshop",
        "pendants", "bracelets", "river", "appraisal", "gems",
    ), ("玉", "和田玉", "玉雕", "玉石", "宝石", "雕刻")),
    "embroidery": Theme("handicraft", 3, (
        "embroidery", "embroidery", "stitch", "needle", "silk", "patterns", "embroiderers",
        "atlas", "cloth", "thread", "motifs", "hats", "designs",
    ), ("刺绣", "绣花", "绣娘", "丝绸", "艾德莱斯", "花帽")),
    "carpets": Theme("handicraft", 2, (
        "carpet", "carpets", "weaving", "looms", "wool", "rugs", "dye", "knots", "weavers",
    ), ("地毯", "编织", "羊毛", "手工")),
    "solar": Theme("energy", 5, (
        "solar", "solar", "photovoltaic", "panels", "power", "grid", "station", "megawatts",
        "inverters", "electricity", "photovoltaics", "sunlight", "arrays", "kilowatt",
    ), ("光伏", "太阳能", "电站", "电网", "发电", "光伏板")),
    "wind": Theme("energy", 3, (
        "wind", "turbines", "coal", "transmission", "power", "pipeline", "gas", "lines",
        "substation", "heating", "boilers",
    ), ("风电", "风力", "煤炭", "输电", "供暖", "天然气")),
    "education": Theme("education", 10, (
        "teachers", "teachers", "school", "schools", "students", "classrooms", "curriculum",
        "vocational", "college", "teaching", "kindergarten", "textbooks", "pupils", "lessons",
        "principal", "campus", "dormitories", "exams",
    ), ("学校", "教师", "学生", "课堂", "职业", "学院", "幼儿园", "教材", "教育", "支教")),
    "health": Theme("education", 5, (
        "hospital", "doctors", "clinics", "medical", "nurses", "telemedicine", "patients",
        "surgery", "wards", "diagnosis", "health", "vaccination",
    ), ("医院", "医生", "诊所", "医疗", "远程", "护士", "健康")),
    "cotton": Theme("agriculture and food", 6, (
        "cotton", "cotton", "fields", "harvesters", "ginning", "irrigation", "drip", "seeds",
        "picking", "mechanised", "acres", "yields",
    ), ("棉花", "棉田", "滴灌", "采棉机", "种子", "农业")),
    "fruit": Theme("agriculture and food", 6, (
        "apricots", "walnuts", "jujubes", "dates", "orchards", "grapes", "raisins", "melons",
        "cold", "storage", "fruit", "pomegranates", "drying",
    ), ("红枣", "核桃", "葡萄", "杏", "哈密瓜", "果园", "冷库", "石榴", "农业")),
    "livestock": Theme("agriculture and food", 4, (
        "sheep", "cattle", "pasture", "herders", "dairy", "veterinary", "fodder", "camels",
        "breeding", "grazing", "mutton",
    ), ("牛", "羊", "牧场", "牧民", "奶业", "饲料", "骆驼")),
    "greenhouse": Theme("agriculture and food", 3, (
        "greenhouse", "greenhouses", "vegetables", "tomatoes", "seedlings", "peppers",
        "cucumbers", "soil",
    ), ("温室", "大棚", "蔬菜", "番茄", "育苗")),
    "textiles": Theme("manufacturing", 8, (
        "textile", "textiles", "garment", "factory", "factories", "sewing", "spinning", "yarn",
        "apparel", "orders", "workshops", "machines",
    ), ("纺织", "服装", "工厂", "缝纫", "纱线", "车间")),
    "electronics": Theme("manufacturing", 5, (
        "assembly", "electronics", "components", "plant", "production", "lines", "circuit",
        "phones", "cables", "robots",
    ), ("电子", "组装", "零件", "生产线", "制造")),
    "parks": Theme("manufacturing", 6, (
        "industrial", "park", "parks", "enterprises", "investment", "logistics", "warehouse",
        "freight", "railway", "customs", "exports",
    ), ("工业园", "物流", "投资", "园区", "招商", "企业")),
    "ecommerce": Theme("manufacturing", 5, (
        "online", "livestream", "livestreaming", "platform", "sales", "delivery", "shops",
        "hosts", "parcels", "courier", "stores",
    ), ("电商", "直播", "网店", "快递", "平台", "销售")),
    "tourism": Theme("handicraft", 6, (
        "tourism", "tourists", "hotels", "guides", "scenic", "homestay", "homestays", "visitors",
        "festival", "museum", "lake",
    ), ("旅游", "游客", "酒店", "民宿", "景区", "博物馆")),
    "housing": Theme("energy", 5, (
        "housing", "houses", "roads", "water", "supply", "sanitation", "construction",
        "bridges", "pipes", "reservoir", "wells",
    ), ("住房", "道路", "饮水", "供水", "建设", "水库")),
    "sport": Theme("education", 4, (
        "football", "sports", "athletes", "stadium", "coaches", "youth", "matches",
        "competition", "gym",
    ), ("足球", "体育", "运动员", "体育场", "教练")),
}  # fmt: skip

# A long tail of rare words, most frequent first (Zipf-like weights).
RARE = _words("""
saffron lavender cashmere sericulture falconry yurt rosehip sea-buckthorn buckwheat
apiculture honey beeswax felt rawap dutar mulberry paper ceramics pottery kiln lacquer
copper bronze tin bookbinding calligraphy printing woodcarving leather saddles knives
horsemanship archery chess kites lanterns noodles naan kebab pilaf bakery confectionery
mushrooms cistanche ginseng goji liquorice medicinal herbs salt potash lithium graphite
basalt marble granite sandstone glaciers desert oasis poplar tamarisk windbreak
afforestation wetlands salinity desalination hydrology seismology meteorology astronomy
telescope observatory drones satellite lidar blockchain algorithms semiconductors
hydrogen electrolysers batteries flywheels geothermal biomass biogas compost manure
""")

# Chinese words common to every theme's titles.
CHINESE_GENERAL = (
    "援疆", "项目", "对口", "支援", "产业", "合作", "发展", "培训", "建设", "就业", "乡村",
    "振兴", "基地", "示范", "工程", "中心", "企业", "园区", "农民", "技术", "人才", "管理",
    "资金", "市场", "文化", "交流", "帮扶", "助力", "提升", "推动", "计划", "工作站", "研究",
    "创新", "品牌", "合作社", "专业", "青年", "妇女", "家庭", "社区", "县域", "经济", "产品",
    "生产", "加工", "质量", "标准", "服务", "改革", "试点", "协作", "结对", "共建", "联合",
    "现代", "传统", "特色", "绿色", "数字", "智慧", "乡镇", "村庄", "城市", "边疆", "各族",
    "群众", "干部", "专家", "团队", "行动", "工程师", "基础", "设施", "平台", "体系", "模式",
    "经验", "成果", "全面", "深化", "持续", "新", "南疆", "北疆", "东部", "西部",
)  # fmt: skip

# The 19 donor provinces (and Shenzhen), in Chinese.
PROVINCES_ZH = (
    "北京", "天津", "河北", "山西", "辽宁", "吉林", "黑龙江", "上海", "江苏", "浙江",
    "安徽", "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "深圳",
)  # fmt: skip
CITY_SUFFIX_ZH = ("东城", "西城", "南城", "北城", "新城")

REGION_ZH = "新疆维吾尔自治区"
REGION_UG = "شىنجاڭ ئۇيغۇر ئاپتونوم رايونى"

# (Chinese, Uyghur) of 14 prefecture-level places of Xinjiang.
PREFECTURES = (
    ("喀什", "قەشقەر"),
    ("和田", "خوتەن"),
    ("阿克苏", "ئاقسۇ"),
    ("乌鲁木齐", "ئۈرۈمچى"),
    ("吐鲁番", "تۇرپان"),
    ("哈密", "قۇمۇل"),
    ("伊犁", "ئىلى"),
    ("阿勒泰", "ئالتاي"),
    ("塔城", "چۆچەك"),
    ("博尔塔拉", "بۆرتالا"),
    ("昌吉", "سانجى"),
    ("巴音郭楞", "بايىنغولىن"),
    ("克孜勒苏", "قىزىلسۇ"),
    ("克拉玛依", "قاراماي"),
)

# Made-up county names: a Chinese stem and a Uyghur compound of adjective and noun.
COUNTY_STEMS_ZH = "阿克托乌巴英库叶麦伽泽皮洛策"
COUNTY_ENDS_ZH = "勒吉什苏城河"
UG_ADJECTIVES = (
    "ئاق", "قارا", "قىزىل", "كۆك", "سېرىق", "يېڭى", "كونا", "ئالتۇن", "كۈمۈش", "ئۇلۇغ", "كىچىك",
    "تۆۋەن", "يۇقىرى", "ئوتتۇرا",
)  # fmt: skip
UG_NOUNS = ("بۇلاق", "تاغ", "ئېرىق", "كۆل", "يار", "ئۆستەڭ")

# Note openings a researcher might write.
NOTE_OPENINGS = (
    "Follow up", "Check the figures on", "Compare with", "Ask about", "Source says",
    "Unclear:", "TODO", "Interview notes on", "Good example of", "Contradicts the report on",
    "See also", "Question:",
)  # fmt: skip
