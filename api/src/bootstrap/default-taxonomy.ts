/** The default demand taxonomy loaded on first start: code, Chinese name, children. */
export const DEFAULT_CATEGORIES: { code: string; name: string; children: [string, string][] }[] = [
  {
    code: 'HOUSING',
    name: '住房保障',
    children: [
      ['HOUSING_PROPERTY_MGMT', '物业管理'],
      ['HOUSING_CERTIFICATE', '不动产登记办证'],
      ['HOUSING_RENTAL', '房屋租赁'],
      ['HOUSING_AFFORDABLE', '保障性住房'],
      ['HOUSING_REPAIR', '老旧小区改造与维修'],
    ],
  },
  {
    code: 'LIVELIHOOD',
    name: '民生保障',
    children: [
      ['LIVELIHOOD_SOCIAL_INSURANCE', '社会保险'],
      ['LIVELIHOOD_MEDICAL', '医疗卫生'],
      ['LIVELIHOOD_EDUCATION', '教育'],
      ['LIVELIHOOD_ELDERLY', '养老服务'],
      ['LIVELIHOOD_ASSISTANCE', '社会救助'],
    ],
  },
  {
    code: 'ECONOMY',
    name: '经济管理',
    children: [
      ['ECONOMY_WAGE_ARREARS', '拖欠工资'],
      ['ECONOMY_BUSINESS_ENV', '营商环境'],
      ['ECONOMY_EMPLOYMENT', '就业创业'],
      ['ECONOMY_TAX', '税费'],
    ],
  },
  {
    code: 'URBAN_RURAL',
    name: '城乡建设',
    children: [
      ['URBAN_WATER', '供水'],
      ['URBAN_POWER', '供电'],
      ['URBAN_GAS', '供气'],
      ['URBAN_HEATING', '供暖'],
      ['URBAN_CONSTRUCTION_NOISE', '施工扰民'],
      ['URBAN_ROADS', '道路设施'],
      ['URBAN_SANITATION', '环境卫生'],
    ],
  },
  {
    code: 'TRANSPORT',
    name: '交通运输',
    children: [
      ['TRANSPORT_BUS', '公交地铁'],
      ['TRANSPORT_TAXI', '出租车网约车'],
      ['TRANSPORT_PARKING', '停车管理'],
      ['TRANSPORT_SIGNALS', '交通设施'],
    ],
  },
  {
    code: 'MARKET',
    name: '市场监管',
    children: [
      ['MARKET_FOOD_SAFETY', '食品安全'],
      ['MARKET_PRICES', '价格监管'],
      ['MARKET_CONSUMER', '消费维权'],
      ['MARKET_LICENSING', '市场主体登记'],
    ],
  },
  {
    code: 'ECOLOGY',
    name: '生态环境',
    children: [
      ['ECOLOGY_AIR', '大气污染'],
      ['ECOLOGY_NOISE', '噪声污染'],
      ['ECOLOGY_WATER', '水污染'],
      ['ECOLOGY_WASTE', '垃圾分类'],
    ],
  },
  {
    code: 'PUBLIC_SERVICES',
    name: '公共服务',
    children: [
      ['PUBLIC_GOV_SERVICES', '政务服务'],
      ['PUBLIC_HOUSEHOLD_REG', '户籍管理'],
      ['PUBLIC_CULTURE_SPORTS', '文化体育'],
      ['PUBLIC_SAFETY', '公共安全'],
    ],
  },
];

export const HOTLINE_CENTER = { code: 'HOTLINE', name: '12345 热线中心' };

/** The 1-3-7 rule (contract README, "SLA semantics"). */
export const DEFAULT_SLA_POLICIES = [
  {
    name: '紧急 (1 天)',
    priority: 'EMERGENCY',
    clock: 'CALENDAR',
    acceptWithin: 'PT2H',
    resolveWithin: 'P1D',
  },
  {
    name: '一般 (3 个工作日)',
    priority: 'ORDINARY',
    clock: 'BUSINESS',
    acceptWithin: 'PT4H',
    resolveWithin: 'P3D',
  },
  {
    name: '疑难 (7 个工作日)',
    priority: 'COMPLEX',
    clock: 'BUSINESS',
    acceptWithin: 'P1D',
    resolveWithin: 'P7D',
  },
] as const;

export const DEFAULT_REMINDERS = [0.5, 0.8];
export const DEFAULT_ESCALATION = [
  { level: 1, after: 'PT0S', notifyDepartmentId: null },
  { level: 2, after: 'P1D', notifyDepartmentId: null },
];

export const DEFAULT_CALENDAR = {
  timezone: 'Asia/Shanghai',
  workdays: [1, 2, 3, 4, 5],
  hours: [
    { start: '08:30', end: '12:00' },
    { start: '14:30', end: '18:00' },
  ],
  holidays: [] as string[],
  extraWorkdays: [] as string[],
};
