import { hashPassword, seedDefaults } from '@hotline/api/services';
import {
  areas,
  categories,
  type DepartmentKind,
  departments,
  routingRules,
  slaPolicies,
  type TicketPriority,
  users,
} from '@hotline/schema';
import { openDatabase } from '@hotline/schema/client';

/** The ids the data generator and the load generators need. */
export interface Reference {
  departments: { id: string; code: string }[];
  /** Leaf areas (communities) with their sub-district's department. */
  communities: { id: string; code: string }[];
  /** Leaf categories with the department their routing rule sends them to. */
  categories: { id: string; code: string; departmentId: string }[];
  policies: Record<TicketPriority, { id: string; acceptHours: number; resolveHours: number }>;
  agentId: string;
  managerId: string;
  credentials: { agent: Login; manager: Login; admin: Login };
}

export interface Login {
  email: string;
  password: string;
}

const PASSWORD = 'bench-password-1';

const BUREAUS: [string, string, DepartmentKind][] = [
  ['HOUSING_BUREAU', '住房和城乡建设委员会', 'BUREAU'],
  ['HR_SOCIAL', '人力资源和社会保障局', 'BUREAU'],
  ['EDUCATION', '教育委员会', 'BUREAU'],
  ['HEALTH', '卫生健康委员会', 'BUREAU'],
  ['TRANSPORT_BUREAU', '交通委员会', 'BUREAU'],
  ['MARKET_REGULATION', '市场监督管理局', 'BUREAU'],
  ['ECOLOGY_BUREAU', '生态环境局', 'BUREAU'],
  ['CITY_MANAGEMENT', '城市管理委员会', 'BUREAU'],
  ['CIVIL_AFFAIRS', '民政局', 'BUREAU'],
  ['TAX', '税务局', 'BUREAU'],
  ['PUBLIC_SECURITY', '公安局', 'BUREAU'],
  ['CULTURE', '文化和旅游局', 'BUREAU'],
  ['WATER_UTILITY', '自来水集团', 'UTILITY'],
  ['POWER_UTILITY', '供电公司', 'UTILITY'],
  ['GAS_UTILITY', '燃气集团', 'UTILITY'],
  ['HEAT_UTILITY', '热力集团', 'UTILITY'],
];

const SUB_DISTRICTS = [
  '朝阳',
  '和平',
  '建国',
  '新华',
  '东风',
  '解放',
  '胜利',
  '光明',
  '幸福',
  '团结',
  '振兴',
  '长安',
];

/** Which department a category's routing rule names (by category code prefix). */
const ROUTE_BY_PREFIX: [string, string][] = [
  ['URBAN_WATER', 'WATER_UTILITY'],
  ['URBAN_POWER', 'POWER_UTILITY'],
  ['URBAN_GAS', 'GAS_UTILITY'],
  ['URBAN_HEATING', 'HEAT_UTILITY'],
  ['HOUSING', 'HOUSING_BUREAU'],
  ['LIVELIHOOD_SOCIAL', 'HR_SOCIAL'],
  ['LIVELIHOOD_MEDICAL', 'HEALTH'],
  ['LIVELIHOOD_EDUCATION', 'EDUCATION'],
  ['LIVELIHOOD', 'CIVIL_AFFAIRS'],
  ['ECONOMY_TAX', 'TAX'],
  ['ECONOMY', 'HR_SOCIAL'],
  ['URBAN', 'CITY_MANAGEMENT'],
  ['TRANSPORT', 'TRANSPORT_BUREAU'],
  ['MARKET', 'MARKET_REGULATION'],
  ['ECOLOGY', 'ECOLOGY_BUREAU'],
  ['PUBLIC_CULTURE', 'CULTURE'],
  ['PUBLIC', 'PUBLIC_SECURITY'],
];

/**
 * A district's reference data: the default taxonomy and SLA policies (the app's own seeder), 16
 * bureaus and utilities, 12 sub-districts of 8 communities, one routing rule per leaf category, and
 * the AGENT and MANAGER the load generators sign in as.
 */
export async function seedReference(url: string): Promise<Reference> {
  const database = await openDatabase({ url, max: 2 });
  const db = database.db;
  try {
    await seedDefaults(db, { email: 'admin@bench.local', password: PASSWORD });
    const departmentRows = await db
      .insert(departments)
      .values([
        ...BUREAUS.map(([code, name, kind]) => ({ code, name, kind })),
        ...SUB_DISTRICTS.map((name, index) => ({
          code: `SUBDISTRICT_${index + 1}`,
          name: `${name}街道办事处`,
          kind: 'SUB_DISTRICT' as const,
        })),
      ])
      .returning({ id: departments.id, code: departments.code });
    const byCode = new Map(departmentRows.map((row) => [row.code, row.id]));

    const districts = await db
      .insert(areas)
      .values(SUB_DISTRICTS.map((name, index) => ({ code: `SD${index + 1}`, name: `${name}街道` })))
      .returning({ id: areas.id, code: areas.code });
    const communities = await db
      .insert(areas)
      .values(
        districts.flatMap((district) =>
          Array.from({ length: 8 }, (_, index) => ({
            code: `${district.code}_C${index + 1}`,
            name: `第${index + 1}社区`,
            parentId: district.id,
          })),
        ),
      )
      .returning({ id: areas.id, code: areas.code });

    const allCategories = await db
      .select({ id: categories.id, code: categories.code, parentId: categories.parentId })
      .from(categories);
    const leaves = allCategories
      .filter((row) => row.parentId !== null)
      .map((row) => {
        const target =
          ROUTE_BY_PREFIX.find(([prefix]) => row.code.startsWith(prefix))?.[1] ?? 'CITY_MANAGEMENT';
        return { id: row.id, code: row.code, departmentId: byCode.get(target)! };
      });
    await db.insert(routingRules).values(
      leaves.map((leaf, index) => ({
        name: `按类别: ${leaf.code}`,
        position: index + 1,
        conditions: {
          categoryCodes: [leaf.code],
          areaCodes: [],
          keywords: [],
          demandTypes: [],
          channels: [],
        },
        departmentId: leaf.departmentId,
      })),
    );

    const passwordHash = await hashPassword(PASSWORD);
    const [agent, manager] = await db
      .insert(users)
      .values([
        { email: 'agent@bench.local', name: '话务员', role: 'AGENT' as const, passwordHash },
        { email: 'manager@bench.local', name: '值班长', role: 'MANAGER' as const, passwordHash },
      ])
      .returning({ id: users.id });

    const policyRows = await db.select().from(slaPolicies);
    const hours = (duration: string) => {
      const match = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?)?$/.exec(duration);
      return Number(match?.[1] ?? 0) * 24 + Number(match?.[2] ?? 0);
    };
    const policies = Object.fromEntries(
      policyRows.map((row) => [
        row.priority,
        { id: row.id, acceptHours: hours(row.acceptWithin), resolveHours: hours(row.resolveWithin) },
      ]),
    ) as Reference['policies'];

    return {
      departments: departmentRows,
      communities,
      categories: leaves,
      policies,
      agentId: agent!.id,
      managerId: manager!.id,
      credentials: {
        agent: { email: 'agent@bench.local', password: PASSWORD },
        manager: { email: 'manager@bench.local', password: PASSWORD },
        admin: { email: 'admin@bench.local', password: PASSWORD },
      },
    };
  } finally {
    await database.close();
  }
}
