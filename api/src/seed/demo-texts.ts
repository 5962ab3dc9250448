import type { DemandType } from '@hotline/schema';

/**
 * Demand templates of a typical district, weighted so the top areas are housing, livelihood, the
 * economy, urban-rural construction and transport. Slots: {c} community, {r} road, {b} building,
 * {s} shop, {n} a number, {x} a company. `direct` is the share answered on the spot.
 */
export interface DemandTemplate {
  category: string;
  weight: number;
  demandType: DemandType;
  title: string;
  description: string;
  direct?: number;
}

export const TEMPLATES: DemandTemplate[] = [
  // 住房保障 (housing)
  {
    category: 'HOUSING_PROPERTY_MGMT',
    weight: 9,
    demandType: 'COMPLAINT',
    title: '{c}物业不作为',
    description: '{c}{b}号楼物业长期不打扫楼道，垃圾堆积，电梯坏了{n}天也不修，业主多次反映无果。',
  },
  {
    category: 'HOUSING_PROPERTY_MGMT',
    weight: 6,
    demandType: 'COMPLAINT',
    title: '{c}物业费收费不合理',
    description: '{c}物业今年物业费每平方上涨{n}毛，未经业主大会同意，要求核查收费依据。',
  },
  {
    category: 'HOUSING_PROPERTY_MGMT',
    weight: 4,
    demandType: 'CONSULTATION',
    title: '咨询业主委员会成立流程',
    description: '{c}业主想成立业主委员会，咨询需要哪些条件和流程。',
    direct: 0.8,
  },
  {
    category: 'HOUSING_CERTIFICATE',
    weight: 5,
    demandType: 'HELP_REQUEST',
    title: '{c}回迁房多年办不下房产证',
    description: '{c}回迁安置房入住已{n}年，开发商一直未办理不动产权证，影响子女入学，请求协调。',
  },
  {
    category: 'HOUSING_CERTIFICATE',
    weight: 2,
    demandType: 'CONSULTATION',
    title: '咨询不动产登记所需材料',
    description: '二手房过户办理不动产登记需要准备哪些材料，在哪里办理。',
    direct: 0.9,
  },
  {
    category: 'HOUSING_RENTAL',
    weight: 4,
    demandType: 'COMPLAINT',
    title: '中介公司克扣租房押金',
    description: '通过{x}租住{c}{b}号楼，退租时中介以各种理由扣押金{n}00元，请求处理。',
  },
  {
    category: 'HOUSING_AFFORDABLE',
    weight: 3,
    demandType: 'CONSULTATION',
    title: '咨询公租房申请条件',
    description: '本人在本区工作{n}年，家庭无房，咨询公共租赁住房的申请条件和轮候时间。',
    direct: 0.7,
  },
  {
    category: 'HOUSING_REPAIR',
    weight: 6,
    demandType: 'HELP_REQUEST',
    title: '{c}老旧小区楼顶漏水',
    description: '{c}{b}号楼顶层楼顶防水层老化，下雨天屋内漏水严重，墙皮脱落，请求维修。',
  },
  {
    category: 'HOUSING_REPAIR',
    weight: 3,
    demandType: 'SUGGESTION',
    title: '建议{c}加装电梯',
    description: '{c}{b}号楼为六层老楼，老年住户上下楼困难，建议纳入老旧小区加装电梯计划。',
  },
  // 民生保障 (livelihood)
  {
    category: 'LIVELIHOOD_SOCIAL_INSURANCE',
    weight: 6,
    demandType: 'CONSULTATION',
    title: '咨询灵活就业人员社保缴费',
    description: '本人为灵活就业人员，咨询城镇职工养老保险如何缴费、缴费基数是多少。',
    direct: 0.85,
  },
  {
    category: 'LIVELIHOOD_SOCIAL_INSURANCE',
    weight: 3,
    demandType: 'HELP_REQUEST',
    title: '医保异地备案办不成功',
    description: '在网上办理异地就医备案多次提交失败，老人在外地住院急需报销，请求协助。',
  },
  {
    category: 'LIVELIHOOD_MEDICAL',
    weight: 4,
    demandType: 'COMPLAINT',
    title: '社区卫生服务中心服务态度差',
    description: '在{c}社区卫生服务中心就诊时医生态度生硬，排队{n}个小时，请求核查。',
  },
  {
    category: 'LIVELIHOOD_MEDICAL',
    weight: 2,
    demandType: 'CONSULTATION',
    title: '咨询疫苗接种点和时间',
    description: '孩子需要接种疫苗，咨询{c}附近的接种点和接种时间。',
    direct: 0.9,
  },
  {
    category: 'LIVELIHOOD_EDUCATION',
    weight: 4,
    demandType: 'CONSULTATION',
    title: '咨询小学入学划片',
    description: '家住{c}{b}号楼，咨询孩子明年上小学的学区划片和报名材料。',
    direct: 0.75,
  },
  {
    category: 'LIVELIHOOD_EDUCATION',
    weight: 3,
    demandType: 'REPORT',
    title: '校外培训机构违规收费',
    description: '{r}一家校外培训机构一次性收取{n}个月学费，疑似违规，请求核查。',
  },
  {
    category: 'LIVELIHOOD_ELDERLY',
    weight: 3,
    demandType: 'HELP_REQUEST',
    title: '独居老人需要助餐服务',
    description: '{c}一位{n}0多岁独居老人行动不便，希望社区提供老年助餐和上门探访服务。',
  },
  {
    category: 'LIVELIHOOD_ASSISTANCE',
    weight: 3,
    demandType: 'HELP_REQUEST',
    title: '申请低保进度咨询',
    description: '家中有重病患者，已在{c}提交低保申请{n}个月，至今没有结果，请求帮助。',
  },
  // 经济管理 (economy)
  {
    category: 'ECONOMY_WAGE_ARREARS',
    weight: 7,
    demandType: 'COMPLAINT',
    title: '工地拖欠农民工工资',
    description: '在{r}一处工地打工，{x}拖欠我们{n}名工人工资共计{n}万元，多次讨要未果。',
  },
  {
    category: 'ECONOMY_WAGE_ARREARS',
    weight: 3,
    demandType: 'COMPLAINT',
    title: '公司离职后不发工资',
    description: '从{x}离职已{n}个月，最后一个月工资至今未发，请求劳动监察介入。',
  },
  {
    category: 'ECONOMY_BUSINESS_ENV',
    weight: 3,
    demandType: 'SUGGESTION',
    title: '个体工商户办证流程繁琐',
    description: '在{r}开店办理相关许可跑了{n}趟，建议简化流程、实现一网通办。',
  },
  {
    category: 'ECONOMY_EMPLOYMENT',
    weight: 3,
    demandType: 'CONSULTATION',
    title: '咨询创业担保贷款政策',
    description: '高校毕业生在本区创业，咨询创业担保贷款的额度、贴息和申请流程。',
    direct: 0.8,
  },
  {
    category: 'ECONOMY_TAX',
    weight: 2,
    demandType: 'CONSULTATION',
    title: '咨询个税专项附加扣除',
    description: '咨询赡养老人和子女教育专项附加扣除如何填报。',
    direct: 0.9,
  },
  // 城乡建设 (urban-rural construction)
  {
    category: 'URBAN_WATER',
    weight: 4,
    demandType: 'HELP_REQUEST',
    title: '{c}突然停水',
    description: '{c}{b}号楼从早上开始停水，没有接到任何通知，家里有老人小孩生活不便。',
  },
  {
    category: 'URBAN_WATER',
    weight: 2,
    demandType: 'COMPLAINT',
    title: '自来水发黄有异味',
    description: '{c}{b}号楼自来水连续{n}天发黄有异味，担心水质问题。',
  },
  {
    category: 'URBAN_POWER',
    weight: 3,
    demandType: 'HELP_REQUEST',
    title: '{c}整栋楼停电',
    description: '{c}{b}号楼晚上突然停电，已经{n}个小时还没恢复，冰箱里的东西都坏了。',
  },
  {
    category: 'URBAN_GAS',
    weight: 2,
    demandType: 'HELP_REQUEST',
    title: '楼道有煤气味',
    description: '{c}{b}号楼二单元楼道内有明显煤气味，担心燃气泄漏，请尽快派人检查。',
  },
  {
    category: 'URBAN_HEATING',
    weight: 2,
    demandType: 'COMPLAINT',
    title: '家里暖气不热',
    description: '{c}{b}号楼暖气不热，室温只有{n}度，已交取暖费，请求热力公司处理。',
  },
  {
    category: 'URBAN_CONSTRUCTION_NOISE',
    weight: 5,
    demandType: 'COMPLAINT',
    title: '{r}工地夜间施工扰民',
    description: '{r}建筑工地每天晚上十一点后还在施工，噪音很大，周边{c}居民无法休息。',
  },
  {
    category: 'URBAN_ROADS',
    weight: 4,
    demandType: 'REPORT',
    title: '{r}井盖缺失',
    description: '{r}与{r}交叉口附近一处井盖缺失，夜间行人车辆经过很危险。',
  },
  {
    category: 'URBAN_ROADS',
    weight: 3,
    demandType: 'HELP_REQUEST',
    title: '{c}门口路灯不亮',
    description: '{c}门口{r}路段路灯坏了{n}天，晚上出行不便也不安全。',
  },
  {
    category: 'URBAN_SANITATION',
    weight: 4,
    demandType: 'COMPLAINT',
    title: '{c}垃圾清运不及时',
    description: '{c}垃圾站垃圾{n}天没有清运，气味难闻，招来大量蚊蝇。',
  },
  // 交通运输 (transport)
  {
    category: 'TRANSPORT_BUS',
    weight: 4,
    demandType: 'SUGGESTION',
    title: '建议增加公交班次',
    description: '{n}路公交早高峰间隔太长，{c}站经常等{n}0分钟，建议增加班次。',
  },
  {
    category: 'TRANSPORT_BUS',
    weight: 2,
    demandType: 'COMPLAINT',
    title: '公交车司机拒载',
    description: '{n}路公交在{r}站未停靠，司机拒载，要求处理。',
  },
  {
    category: 'TRANSPORT_TAXI',
    weight: 3,
    demandType: 'COMPLAINT',
    title: '网约车绕路多收费',
    description: '乘坐网约车从{r}到{r}，司机故意绕路，多收费用{n}0元。',
  },
  {
    category: 'TRANSPORT_PARKING',
    weight: 4,
    demandType: 'REPORT',
    title: '{r}占道停车严重',
    description: '{r}两侧机动车乱停乱放，占用人行道和消防通道，影响{c}居民出行。',
  },
  {
    category: 'TRANSPORT_SIGNALS',
    weight: 2,
    demandType: 'SUGGESTION',
    title: '路口信号灯时间太短',
    description: '{r}路口行人绿灯只有{n}秒，老人来不及通过，建议延长。',
  },
  // 市场监管, 生态环境, 公共服务
  {
    category: 'MARKET_FOOD_SAFETY',
    weight: 3,
    demandType: 'REPORT',
    title: '餐馆后厨卫生差',
    description: '{r}{s}后厨卫生状况差，吃完后拉肚子，请求食品安全检查。',
  },
  {
    category: 'MARKET_PRICES',
    weight: 2,
    demandType: 'COMPLAINT',
    title: '超市明码标价不一致',
    description: '{r}{s}货架标价与结账价格不一致，多收钱。',
  },
  {
    category: 'MARKET_LICENSING',
    weight: 1,
    demandType: 'CONSULTATION',
    title: '咨询营业执照变更',
    description: '咨询个体户营业执照经营范围变更如何办理。',
    direct: 0.9,
  },
  {
    category: 'ECOLOGY_AIR',
    weight: 2,
    demandType: 'REPORT',
    title: '餐馆油烟扰民',
    description: '{c}楼下{s}油烟直排，居民家里满是油烟味，请求处理。',
  },
  {
    category: 'ECOLOGY_NOISE',
    weight: 3,
    demandType: 'COMPLAINT',
    title: '商铺音响噪音扰民',
    description: '{r}{s}门口音响声音很大，从早放到晚，影响周边{c}居民休息。',
  },
  {
    category: 'ECOLOGY_WATER',
    weight: 1,
    demandType: 'REPORT',
    title: '河道有污水排放',
    description: '{r}附近河道有不明污水排入，河水发黑发臭。',
  },
  {
    category: 'ECOLOGY_WASTE',
    weight: 2,
    demandType: 'SUGGESTION',
    title: '垃圾分类投放点设置不合理',
    description: '{c}垃圾分类投放点离{b}号楼太远，老人投放不便，建议增设。',
  },
  {
    category: 'PUBLIC_GOV_SERVICES',
    weight: 3,
    demandType: 'CONSULTATION',
    title: '咨询居住证办理',
    description: '外地来本区工作，咨询居住证办理需要的材料和地点。',
    direct: 0.9,
  },
  {
    category: 'PUBLIC_HOUSEHOLD_REG',
    weight: 2,
    demandType: 'CONSULTATION',
    title: '咨询新生儿落户',
    description: '孩子刚出生，咨询新生儿户口登记需要哪些材料。',
    direct: 0.9,
  },
  {
    category: 'PUBLIC_CULTURE_SPORTS',
    weight: 1,
    demandType: 'SUGGESTION',
    title: '建议社区增设健身器材',
    description: '{c}健身器材老化损坏，建议更换并增设儿童游乐设施。',
  },
  {
    category: 'PUBLIC_SAFETY',
    weight: 1,
    demandType: 'REPORT',
    title: '楼道堆放杂物堵塞消防通道',
    description: '{c}{b}号楼楼道堆满杂物和电动车，堵塞消防通道，存在安全隐患。',
  },
];

/** Demands outside the hotline's scope: the agent redirects and closes them. */
export const OUT_OF_SCOPE_TEMPLATES: { title: string; description: string; category: string | null }[] = [
  {
    title: '共享充电宝押金不退',
    description: '在{r}{s}借用共享充电宝，归还后押金{n}9元一直未退，客服联系不上。',
    category: 'MARKET_CONSUMER',
  },
  {
    title: '网购退款商家不处理',
    description: '在网上买的衣服有质量问题，申请退货退款，商家{n}天不处理。',
    category: 'MARKET_CONSUMER',
  },
  {
    title: '学校毕业照收费太贵',
    description: '孩子学校组织拍毕业照，每人收费{n}00元，觉得太贵，希望热线出面。',
    category: null,
  },
  {
    title: '醉酒骑车撞护栏要求赔偿',
    description: '本人酒后骑电动车撞上{r}护栏受伤，要求道路管理部门赔偿医药费。',
    category: null,
  },
  {
    title: '借款纠纷已起诉希望加快',
    description: '与朋友的借款纠纷已起诉到法院，希望热线帮忙催促法院尽快判决。',
    category: null,
  },
  { title: '楼下着火了', description: '{c}{b}号楼楼下有车着火了，冒着浓烟。', category: 'PUBLIC_SAFETY' },
  {
    title: '健身房会员卡退费',
    description: '{r}一家健身房关门跑路，会员卡余额{n}000元无法退还。',
    category: 'MARKET_CONSUMER',
  },
];

export const ROADS = [
  '人民路',
  '解放路',
  '建设路',
  '中山路',
  '和平路',
  '新华路',
  '长安街',
  '滨江路',
  '朝阳路',
  '文化路',
  '光明街',
  '北山路',
];
export const SHOPS = [
  '小李烧烤',
  '好又多超市',
  '老王面馆',
  '便民水果店',
  '鑫鑫火锅',
  '家乐便利店',
  '阿强快餐',
];
export const COMPANIES = ['某建筑劳务公司', '某房产中介', '某科技公司', '某物流公司', '某装饰工程公司'];
export const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '徐',
  '孙',
  '胡',
  '朱',
  '高',
  '林',
];
