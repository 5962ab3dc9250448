import type { DepartmentKind, TicketPriority } from '@hotline/schema';

/** The demo district's departments besides the hotline centre: code, name, kind. */
export const DEMO_DEPARTMENTS: [string, string, DepartmentKind][] = [
  ['HOUSING_BUREAU', '区住房和城乡建设局', 'BUREAU'],
  ['NATURAL_RESOURCES', '区自然资源和规划分局', 'BUREAU'],
  ['HRSS', '区人力资源和社会保障局', 'BUREAU'],
  ['EDUCATION', '区教育局', 'BUREAU'],
  ['HEALTH', '区卫生健康委员会', 'BUREAU'],
  ['CIVIL_AFFAIRS', '区民政局', 'BUREAU'],
  ['MARKET_REG', '区市场监督管理局', 'BUREAU'],
  ['ECOLOGY_BUREAU', '区生态环境分局', 'BUREAU'],
  ['TRANSPORT_BUREAU', '区交通运输局', 'BUREAU'],
  ['URBAN_MGMT', '区城市管理局', 'BUREAU'],
  ['PUBLIC_SECURITY', '区公安分局', 'BUREAU'],
  ['TAX', '区税务局', 'BUREAU'],
  ['COMMERCE', '区商务局', 'BUREAU'],
  ['GOV_SERVICE', '区政务服务中心', 'BUREAU'],
  ['CULTURE', '区文化和旅游体育局', 'BUREAU'],
  ['WATER_CO', '区自来水公司', 'UTILITY'],
  ['POWER_CO', '国网区供电公司', 'UTILITY'],
  ['GAS_CO', '区燃气公司', 'UTILITY'],
  ['HEATING_CO', '区热力公司', 'UTILITY'],
  ['BUS_CO', '区公交集团', 'UTILITY'],
];

/** Twelve sub-districts (街道), each a department and an area with its communities (社区). */
export const SUB_DISTRICTS: { code: string; name: string; communities: string[] }[] = [
  { code: 'DONGCHENG', name: '东城街道', communities: ['幸福', '和谐', '春晖', '东湖', '青年路', '建国'] },
  { code: 'XICHENG', name: '西城街道', communities: ['阳光', '锦绣', '西苑', '育才', '光明'] },
  { code: 'NANHU', name: '南湖街道', communities: ['南湖', '翠苑', '湖滨', '荷花', '金色家园', '长虹'] },
  { code: 'BEISHAN', name: '北山街道', communities: ['北山', '松林', '枫林', '龙泉', '青山'] },
  { code: 'XINHUA', name: '新华街道', communities: ['新华', '文化', '书香', '华苑', '新民', '胜利'] },
  { code: 'RENMINLU', name: '人民路街道', communities: ['人民', '中山', '工农', '红旗', '向阳'] },
  { code: 'JIEFANG', name: '解放街道', communities: ['解放', '前进', '友谊', '团结', '东风', '民主'] },
  { code: 'HEPING', name: '和平街道', communities: ['和平', '安康', '永安', '康乐', '怡和'] },
  { code: 'JIANSHE', name: '建设街道', communities: ['建设', '金桥', '振兴', '兴业', '宏达', '创新'] },
  { code: 'CHANGAN', name: '长安街道', communities: ['长安', '永宁', '福安', '安居', '宜居'] },
  { code: 'CHAOYANG', name: '朝阳街道', communities: ['朝阳', '旭日', '晨光', '曙光', '朝晖', '东升'] },
  { code: 'BINJIANG', name: '滨江街道', communities: ['滨江', '江畔', '望江', '临江', '沙洲'] },
];

/**
 * Where the demo district lies (WGS-84): about 11 x 11 km, its twelve sub-districts a 4 x 3 grid
 * from the north-west, each split into up to six community cells (3 x 2).
 */
export const DEMO_DISTRICT_BOX = { south: 30.61, west: 104.01, north: 30.71, east: 104.13 };

/** A community's cell on the district map. */
export function communityCell(subDistrictIndex: number, communityIndex: number) {
  const box = DEMO_DISTRICT_BOX;
  const height = (box.north - box.south) / 3;
  const width = (box.east - box.west) / 4;
  const north =
    box.north - Math.floor(subDistrictIndex / 4) * height - Math.floor(communityIndex / 3) * (height / 2);
  const west = box.west + (subDistrictIndex % 4) * width + (communityIndex % 3) * (width / 3);
  return { south: north - height / 2, west, north, east: west + width / 3 };
}

export const communityCode = (subDistrict: string, index: number) =>
  `${subDistrict}_C${String(index + 1).padStart(2, '0')}`;

export interface DemoRule {
  name: string;
  departmentCode: string;
  keywords?: string[];
  categoryCodes?: string[];
  areaCodes?: string[];
  priority?: TicketPriority;
}

/** Routing rules in the order they are tried; sub-district rules are appended per area. */
export const DEMO_RULES: DemoRule[] = [
  {
    name: '停水抢修',
    departmentCode: 'WATER_CO',
    keywords: ['停水', '爆管', '水管爆裂'],
    priority: 'EMERGENCY',
  },
  {
    name: '停电抢修',
    departmentCode: 'POWER_CO',
    keywords: ['停电', '断电', '电线杆倒'],
    priority: 'EMERGENCY',
  },
  {
    name: '燃气泄漏',
    departmentCode: 'GAS_CO',
    keywords: ['燃气泄漏', '煤气味', '漏气'],
    priority: 'EMERGENCY',
  },
  {
    name: '供暖故障',
    departmentCode: 'HEATING_CO',
    keywords: ['暖气不热', '停暖', '暖气漏水'],
    priority: 'EMERGENCY',
  },
  { name: '供水', departmentCode: 'WATER_CO', categoryCodes: ['URBAN_WATER'] },
  { name: '供电', departmentCode: 'POWER_CO', categoryCodes: ['URBAN_POWER'] },
  { name: '供气', departmentCode: 'GAS_CO', categoryCodes: ['URBAN_GAS'] },
  { name: '供暖', departmentCode: 'HEATING_CO', categoryCodes: ['URBAN_HEATING'] },
  {
    name: '不动产办证（历史遗留）',
    departmentCode: 'NATURAL_RESOURCES',
    categoryCodes: ['HOUSING_CERTIFICATE'],
    priority: 'COMPLEX',
  },
  {
    name: '住房保障与租赁',
    departmentCode: 'HOUSING_BUREAU',
    categoryCodes: ['HOUSING_AFFORDABLE', 'HOUSING_RENTAL', 'URBAN_CONSTRUCTION_NOISE'],
  },
  {
    name: '社保就业与欠薪',
    departmentCode: 'HRSS',
    categoryCodes: ['LIVELIHOOD_SOCIAL_INSURANCE', 'ECONOMY_WAGE_ARREARS', 'ECONOMY_EMPLOYMENT'],
  },
  { name: '医疗卫生', departmentCode: 'HEALTH', categoryCodes: ['LIVELIHOOD_MEDICAL'] },
  { name: '教育', departmentCode: 'EDUCATION', categoryCodes: ['LIVELIHOOD_EDUCATION'] },
  {
    name: '养老与救助',
    departmentCode: 'CIVIL_AFFAIRS',
    categoryCodes: ['LIVELIHOOD_ELDERLY', 'LIVELIHOOD_ASSISTANCE'],
  },
  { name: '市场监管', departmentCode: 'MARKET_REG', categoryCodes: ['MARKET'] },
  { name: '营商环境', departmentCode: 'COMMERCE', categoryCodes: ['ECONOMY_BUSINESS_ENV'] },
  { name: '税费', departmentCode: 'TAX', categoryCodes: ['ECONOMY_TAX'] },
  {
    name: '生态环境',
    departmentCode: 'ECOLOGY_BUREAU',
    categoryCodes: ['ECOLOGY_AIR', 'ECOLOGY_NOISE', 'ECOLOGY_WATER'],
  },
  {
    name: '垃圾分类与道路设施',
    departmentCode: 'URBAN_MGMT',
    categoryCodes: ['ECOLOGY_WASTE', 'URBAN_ROADS'],
  },
  { name: '公交运营', departmentCode: 'BUS_CO', categoryCodes: ['TRANSPORT_BUS'] },
  { name: '出租车网约车', departmentCode: 'TRANSPORT_BUREAU', categoryCodes: ['TRANSPORT_TAXI'] },
  {
    name: '交通秩序与停车',
    departmentCode: 'PUBLIC_SECURITY',
    categoryCodes: ['TRANSPORT_PARKING', 'TRANSPORT_SIGNALS', 'PUBLIC_HOUSEHOLD_REG', 'PUBLIC_SAFETY'],
  },
  { name: '政务服务', departmentCode: 'GOV_SERVICE', categoryCodes: ['PUBLIC_GOV_SERVICES'] },
  { name: '文化体育', departmentCode: 'CULTURE', categoryCodes: ['PUBLIC_CULTURE_SPORTS'] },
];

/** Demands a sub-district handles in its own communities. */
export const SUB_DISTRICT_CATEGORIES = ['HOUSING_PROPERTY_MGMT', 'HOUSING_REPAIR', 'URBAN_SANITATION'];

export const DEMO_PASSWORD = 'hotline-demo-2024';
export const DEMO_EMAIL_DOMAIN = 'demo.hotline';
