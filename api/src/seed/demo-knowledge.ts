/** The demo district's knowledge base: what agents answer most often on the spot. */
export interface DemoArticle {
  title: string;
  body: string;
  categoryCode: string;
  /** The department that keeps it; absent: the hotline centre. */
  ownerCode?: string;
  /** Days from the seed's end to its review date; negative: overdue for review. */
  reviewInDays?: number;
}

export const DEMO_ARTICLES: DemoArticle[] = [
  {
    title: '城乡居民基本医疗保险参保缴费办理指南',
    body: '城乡居民医保每年9月至12月集中缴费，次年1月1日起享受待遇。可通过税务APP、微信“城乡居民医保缴费”小程序或社区服务站缴纳。新生儿出生90天内参保可自出生之日起享受待遇。',
    categoryCode: 'LIVELIHOOD_SOCIAL_INSURANCE',
    ownerCode: 'HRSS',
  },
  {
    title: '灵活就业人员养老保险缴费基数与办理渠道',
    body: '灵活就业人员可在本区户籍或居住证所在地参加企业职工基本养老保险，缴费基数在全省社平工资60%至300%之间自选，可通过人社APP或区政务服务中心社保窗口办理，按月或按年缴费。',
    categoryCode: 'LIVELIHOOD_SOCIAL_INSURANCE',
    ownerCode: 'HRSS',
  },
  {
    title: '异地就医备案办理流程',
    body: '参保人员异地长期居住或临时外出就医，可通过国家医保服务平台APP办理异地就医备案，备案后在就医地定点医院直接结算。急诊抢救可先就医后补办备案。',
    categoryCode: 'LIVELIHOOD_MEDICAL',
    ownerCode: 'HEALTH',
  },
  {
    title: '小学一年级入学报名时间与材料',
    body: '适龄儿童（当年8月31日前满6周岁）每年5月在区教育局招生平台网上报名，需提供户口簿、房产证或租赁备案证明、监护人身份证。学区划分以教育局当年公布为准。',
    categoryCode: 'LIVELIHOOD_EDUCATION',
    ownerCode: 'EDUCATION',
  },
  {
    title: '高龄津贴申领条件与发放标准',
    body: '本区户籍80周岁以上老年人可申领高龄津贴：80至89周岁每月100元，90至99周岁每月300元，百岁以上每月600元。由本人或家属持身份证、户口簿到社区居委会申请，次月起按月发放。',
    categoryCode: 'LIVELIHOOD_ELDERLY',
    ownerCode: 'CIVIL_AFFAIRS',
  },
  {
    title: '最低生活保障（低保）申请条件与流程',
    body: '家庭月人均收入低于本区低保标准且家庭财产符合规定的，可向户籍所在地街道办事处提出低保申请，经入户调查、民主评议和公示后审批，审批时限一般不超过30个工作日。',
    categoryCode: 'LIVELIHOOD_ASSISTANCE',
    ownerCode: 'CIVIL_AFFAIRS',
  },
  {
    title: '公租房申请条件与轮候说明',
    body: '本区户籍中低收入住房困难家庭、新就业无房职工和外来务工人员可申请公共租赁住房。每年3月和9月受理申请，经资格审核后进入轮候库，按轮候顺序配租。',
    categoryCode: 'HOUSING_AFFORDABLE',
    ownerCode: 'HOUSING_BUREAU',
  },
  {
    title: '商品房不动产权证书办理指南',
    body: '商品房交房后，开发企业完成首次登记即可办理转移登记。购房人携身份证、购房合同、契税完税证明到区不动产登记中心或线上“不动产登记一网通办”申请，材料齐全5个工作日内领证。',
    categoryCode: 'HOUSING_CERTIFICATE',
    ownerCode: 'NATURAL_RESOURCES',
  },
  {
    title: '住房租赁合同网签备案办理',
    body: '出租住房应在签订租赁合同后30日内办理网签备案，可通过住房租赁服务平台线上办理，备案证明可用于申领居住证、子女入学和提取住房公积金支付房租。',
    categoryCode: 'HOUSING_RENTAL',
    ownerCode: 'HOUSING_BUREAU',
  },
  {
    title: '物业服务不到位的投诉处理渠道',
    body: '小区物业服务存在保洁不到位、设施维修不及时、乱收费等问题的，可先向业主委员会和社区居委会反映；仍未解决的，由区住房和城乡建设局物业管理科依据物业服务合同督促整改。',
    categoryCode: 'HOUSING_PROPERTY_MGMT',
    ownerCode: 'HOUSING_BUREAU',
    reviewInDays: -10,
  },
  {
    title: '老旧小区加装电梯申请流程',
    body: '老旧小区加装电梯需本单元三分之二以上业主同意，由业主代表向街道提交申请，委托有资质的单位设计施工，区住建局对符合条件的项目给予每台最高20万元补贴。',
    categoryCode: 'HOUSING_REPAIR',
    ownerCode: 'HOUSING_BUREAU',
  },
  {
    title: '被拖欠工资如何维权',
    body: '劳动者被拖欠工资的，可携带身份证、劳动合同或工资条、考勤记录等证据向区人力资源和社会保障局劳动保障监察大队投诉，也可向劳动人事争议仲裁委员会申请仲裁。农民工欠薪可拨打欠薪维权专线。',
    categoryCode: 'ECONOMY_WAGE_ARREARS',
    ownerCode: 'HRSS',
  },
  {
    title: '失业保险金申领条件与办理',
    body: '非因本人意愿中断就业、已办理失业登记并有求职要求、失业前缴纳失业保险满1年的，可在离职后60日内通过人社APP申领失业保险金，领取期限按缴费年限确定。',
    categoryCode: 'ECONOMY_EMPLOYMENT',
    ownerCode: 'HRSS',
  },
  {
    title: '个体工商户营业执照办理指南',
    body: '申请个体工商户营业执照，经营者持身份证和经营场所证明，通过市场监管“一网通办”平台或区政务服务中心市场监管窗口申请，材料齐全当场或1个工作日内发照，不收取费用。',
    categoryCode: 'MARKET_LICENSING',
    ownerCode: 'MARKET_REG',
  },
  {
    title: '个人所得税年度汇算办理说明',
    body: '每年3月1日至6月30日办理上一年度个人所得税综合所得汇算清缴，可通过个人所得税APP自行申报，确认专项附加扣除后申请退税或补税。',
    categoryCode: 'ECONOMY_TAX',
    ownerCode: 'TAX',
  },
  {
    title: '居民家中停水的报修与查询',
    body: '家中突然停水，请先查看小区公告或自来水公司公众号的计划停水通知；非计划停水或水压过低，可拨打自来水公司24小时报修电话，抢修人员一般2小时内到场。',
    categoryCode: 'URBAN_WATER',
    ownerCode: 'WATER_CO',
  },
  {
    title: '居民用电故障与停电报修',
    body: '家中停电请先检查户内空气开关和漏电保护器；整栋楼或片区停电可拨打95598供电服务热线或通过网上国网APP报修，城区抢修人员一般45分钟内到达现场。',
    categoryCode: 'URBAN_POWER',
    ownerCode: 'POWER_CO',
  },
  {
    title: '燃气开户、过户与燃气泄漏处置',
    body: '办理燃气开户或过户，持房产证明和身份证到燃气公司营业厅办理。发现燃气泄漏应立即关闭总阀、开窗通风，切勿开关电器或使用明火，到室外拨打燃气公司抢险电话。',
    categoryCode: 'URBAN_GAS',
    ownerCode: 'GAS_CO',
  },
  {
    title: '冬季供暖时间与室温不达标报修',
    body: '本区供暖期为每年11月15日至次年3月15日，居民室温应不低于18℃。暖气不热或室温不达标，可拨打热力公司服务热线报修，热力公司24小时内上门测温并处理。',
    categoryCode: 'URBAN_HEATING',
    ownerCode: 'HEATING_CO',
  },
  {
    title: '夜间施工噪音扰民的处理规定',
    body: '夜间22时至次日6时禁止进行产生噪声的建筑施工作业，因抢修抢险或工艺要求必须连续作业的须取得夜间施工许可并公示。夜间施工扰民可向区城市管理局反映，执法人员现场核查处理。',
    categoryCode: 'URBAN_CONSTRUCTION_NOISE',
    ownerCode: 'URBAN_MGMT',
  },
  {
    title: '道路破损、井盖缺失的报修',
    body: '市政道路出现坑洼破损、井盖缺失或松动，请说明具体位置，热线派单至区城市管理局市政设施养护单位，危险井盖2小时内设置警示并修复，一般道路破损7个工作日内修复。',
    categoryCode: 'URBAN_ROADS',
    ownerCode: 'URBAN_MGMT',
  },
  {
    title: '生活垃圾分类投放规则',
    body: '生活垃圾分为厨余垃圾、可回收物、有害垃圾和其他垃圾四类，居民应按定时定点要求投放。大件家具和装修垃圾需预约清运，不得随意堆放在楼道或路边。',
    categoryCode: 'ECOLOGY_WASTE',
    ownerCode: 'URBAN_MGMT',
  },
  {
    title: '公交线路、首末班时间与乘车卡办理',
    body: '公交线路走向和首末班时间可在区公交集团官网或“掌上公交”APP查询。老年人、残疾人等优待乘车卡可持身份证到公交卡服务网点办理，60周岁以上老人非高峰时段免费乘车。',
    categoryCode: 'TRANSPORT_BUS',
    ownerCode: 'BUS_CO',
  },
  {
    title: '出租车、网约车投诉与遗失物品查找',
    body: '乘坐出租车或网约车遇到拒载、绕路、乱收费，或物品遗失在车上，请提供车牌号、乘车时间和上下车地点，由区交通运输局执法大队调查处理并协助联系司机查找失物。',
    categoryCode: 'TRANSPORT_TAXI',
    ownerCode: 'TRANSPORT_BUREAU',
  },
  {
    title: '小区周边违章停车与停车收费问题',
    body: '机动车占用消防通道、人行道违停，可拨打公安交警部门电话或由热线转交警处理；小区内部停车收费标准由物业按备案价格执行，超标收费可向市场监管部门反映。',
    categoryCode: 'TRANSPORT_PARKING',
    ownerCode: 'PUBLIC_SECURITY',
  },
  {
    title: '食品安全问题投诉举报须知',
    body: '购买到过期、变质食品或发现餐馆卫生问题，请保留购物小票、食品实物和照片，向区市场监督管理局投诉举报，核实后依法查处，举报属实的可按规定给予奖励。',
    categoryCode: 'MARKET_FOOD_SAFETY',
    ownerCode: 'MARKET_REG',
  },
  {
    title: '消费纠纷与预付卡退费投诉',
    body: '健身房、美容美发、教育培训等预付卡商家跑路或拒不退费，消费者可凭合同和付款记录向区市场监督管理局或消费者协会投诉，涉及金额较大的可向公安机关报案。',
    categoryCode: 'MARKET_CONSUMER',
    ownerCode: 'MARKET_REG',
    reviewInDays: -3,
  },
  {
    title: '居民身份证办理与补领',
    body: '首次申领、换领或补领居民身份证，可到户籍所在地或居住地派出所户籍窗口办理，现场采集照片和指纹，工本费20元，一般20个工作日内制证，可申请邮寄。',
    categoryCode: 'PUBLIC_HOUSEHOLD_REG',
    ownerCode: 'PUBLIC_SECURITY',
  },
  {
    title: '居住证申领条件与材料',
    body: '在本区居住半年以上，有合法稳定就业、住所或连续就读条件之一的，可持身份证、租赁备案或房产证明到居住地派出所申领居住证，居住证每年签注一次。',
    categoryCode: 'PUBLIC_HOUSEHOLD_REG',
    ownerCode: 'PUBLIC_SECURITY',
  },
  {
    title: '政务服务中心办公时间与预约办理',
    body: '区政务服务中心工作日上午9:00至12:00、下午13:30至17:00对外办公，周六上午提供延时服务。可通过“政务服务网”或小程序提前预约取号，部分事项可全程网办。',
    categoryCode: 'PUBLIC_GOV_SERVICES',
    ownerCode: 'GOV_SERVICE',
  },
  {
    title: '空气污染、餐饮油烟扰民的举报',
    body: '企业偷排废气、露天焚烧垃圾可向区生态环境分局举报；沿街餐饮油烟直排扰民，由区城市管理局督促安装油烟净化设施并定期清洗。',
    categoryCode: 'ECOLOGY_AIR',
    ownerCode: 'ECOLOGY_BUREAU',
  },
  {
    title: '12345热线受理范围与紧急求助',
    body: '12345热线受理政务咨询、求助、投诉、举报和建议，不受理应通过诉讼、仲裁解决的民商事纠纷。遇火灾请拨119，治安案件请拨110，医疗急救请拨120。',
    categoryCode: 'HOTLINE',
  },
];

/** Reply templates of the centre and of two departments. */
export const DEMO_CANNED_REPLIES: { title: string; body: string; departmentCode?: string }[] = [
  {
    title: '已办结通用答复',
    body: '{caller_name}您好，您反映的问题（工单号{ticket_number}）已由{department}处理完毕，感谢您对我们工作的支持。',
  },
  {
    title: '按期办理承诺',
    body: '{caller_name}您好，工单{ticket_number}已转{department}办理，将于{deadline}前给您答复。',
  },
  {
    title: '停水抢修完成',
    body: '{caller_name}您好，您反映的停水问题（工单{ticket_number}）已抢修完成，供水已恢复正常。',
    departmentCode: 'WATER_CO',
  },
  {
    title: '道路修复完成',
    body: '您好，工单{ticket_number}反映的道路破损已由{department}修复，如仍有问题请再次来电。',
    departmentCode: 'URBAN_MGMT',
  },
];
