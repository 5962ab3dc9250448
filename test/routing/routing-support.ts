import { makeDepartment } from '../support/factories.js';
import type { TestHotline } from '../support/hotline.js';

export const RULE_FIELDS = `id name position enabled priority department { id code }
  conditions { categoryCodes areaCodes keywords demandTypes channels }`;

export interface RuleView {
  id: string;
  name: string;
  position: number;
  enabled: boolean;
  priority: string | null;
  department: { id: string; code: string };
}

/** Creates a rule through GraphQL (as `token`), failing the test on any error. */
export async function makeRule(
  app: TestHotline,
  token: string,
  input: Record<string, unknown>,
): Promise<RuleView> {
  const data = await app.ok<{ createRoutingRule: RuleView }>(
    `mutation($input: RoutingRuleInput!) { createRoutingRule(input: $input) { ${RULE_FIELDS} } }`,
    { input: { conditions: {}, ...input } },
    token,
  );
  return data.createRoutingRule;
}

export async function listRules(app: TestHotline, token: string): Promise<RuleView[]> {
  const data = await app.ok<{ routingRules: RuleView[] }>(`{ routingRules { ${RULE_FIELDS} } }`, {}, token);
  return data.routingRules;
}

/** A sub-district area with communities, created through GraphQL. */
export async function makeAreas(app: TestHotline, code: string, communities: string[]) {
  const parent = await app.ok<{ createArea: { id: string } }>(
    'mutation($input: TreeNodeInput!) { createArea(input: $input) { id } }',
    { input: { code, name: `${code} 街道` } },
    app.adminToken,
  );
  for (const community of communities) {
    await app.ok(
      'mutation($input: TreeNodeInput!) { createArea(input: $input) { id } }',
      { input: { code: community, name: `${community} 社区`, parentId: parent.createArea.id } },
      app.adminToken,
    );
  }
}

export async function makeDepartments(app: TestHotline, codes: string[]) {
  const made: Record<string, string> = {};
  for (const code of codes) made[code] = (await makeDepartment(app, { code, name: `部门 ${code}` })).id;
  return made;
}
