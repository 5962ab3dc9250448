import {
  areas,
  categories,
  departments,
  knowledgeArticles,
  type Role,
  routingRules,
  tickets,
  users,
} from '@hotline/schema';
import type { Db } from '@hotline/schema/client';
import { queryRows } from '@hotline/schema/client';
import { deferIndexes, rebuildDeferredIndexes, SEED_LOAD } from '@hotline/schema/deferred-indexes';
import { inArray, sql } from 'drizzle-orm';
import { hashPassword } from '../auth/passwords.js';
import type { Viewer } from '../auth/viewer.js';
import { ManualClock } from '../clock.js';
import { createCannedReply } from '../modules/knowledge/canned-replies.service.js';
import { createKnowledgeArticle } from '../modules/knowledge/knowledge.service.js';
import { createRoutingRule } from '../modules/routing/routing.service.js';
import { seedScopeRules } from '../modules/scope/scope-defaults.js';
import {
  communityCode,
  DEMO_DEPARTMENTS,
  DEMO_EMAIL_DOMAIN,
  DEMO_PASSWORD,
  DEMO_RULES,
  type DemoRule,
  SUB_DISTRICT_CATEGORIES,
  SUB_DISTRICTS,
} from './demo-district.js';
import { seedDemoIncident } from './demo-incident.js';
import { DEMO_ARTICLES, DEMO_CANNED_REPLIES } from './demo-knowledge.js';
import { seedAttachmentSettings } from './demo-photos.js';
import { planTickets } from './demo-plan.js';
import { type DemoActors, playTicket } from './demo-run.js';

export interface SeedDemoOptions {
  /** Days of tickets, ending today. */
  days: number;
  /** Same seed, same district and tickets. */
  seed: number;
  /** Tickets played at once (each its own transactions). */
  concurrency: number;
  /** The end of the simulation (now). */
  end: Date;
  /** Called as tickets finish. */
  onProgress?: (done: number, total: number) => void;
  /**
   * On a database without tickets, build the secondary indexes of the ticket tables after the load
   * instead of row by row (PostgreSQL only). They are rebuilt even when the load fails, and by the
   * next migration run when the process is killed.
   */
  deferIndexes?: boolean;
  /** Called before the deferred indexes are built. */
  onIndexing?: () => void;
}

export interface SeedDemoResult {
  users: { email: string; role: Role; department: string | null }[];
  ticketsCreated: number;
  ticketsSkipped: boolean;
  failures: string[];
}

const AGENTS = 8;

/** Builds the demo district; idempotent: what exists is kept, tickets are added only once. */
export async function seedDemo(db: Db, options: SeedDemoOptions): Promise<SeedDemoResult> {
  const departmentIds = await ensureDepartments(db);
  await ensureAreas(db);
  const demoUsers = await ensureUsers(db, departmentIds);
  const byEmail = new Map(demoUsers.map((user) => [user.email, user]));
  const viewerOf = (email: string): Viewer => {
    const user = byEmail.get(email)!;
    return { kind: 'user', id: user.id, role: user.role, departmentId: user.departmentId };
  };
  await ensureRules(db, departmentIds, viewerOf(`admin@${DEMO_EMAIL_DOMAIN}`), options.end);
  await db.transaction((tx) => seedScopeRules(tx));
  await ensureKnowledge(db, departmentIds, viewerOf(`manager@${DEMO_EMAIL_DOMAIN}`), options.end);

  const agents = Array.from({ length: AGENTS }, (_, i) => viewerOf(agentEmail(i)));
  const summary = demoUsers.map((user) => ({
    email: user.email,
    role: user.role,
    department: [...departmentIds].find(([, id]) => id === user.departmentId)?.[0] ?? null,
  }));
  const [existing] = await db
    .select({ id: tickets.id })
    .from(tickets)
    .where(
      inArray(
        tickets.createdById,
        agents.map((agent) => agent.id!),
      ),
    )
    .limit(1);
  if (existing) return { users: summary, ticketsCreated: 0, ticketsSkipped: true, failures: [] };

  const actors: DemoActors = {
    agents,
    manager: viewerOf(`manager@${DEMO_EMAIL_DOMAIN}`),
    handlers: new Map(
      demoUsers
        .filter((user) => user.role === 'HANDLER')
        .map((user) => [user.departmentId!, viewerOf(user.email)]),
    ),
    subDistricts: new Map(SUB_DISTRICTS.map((sub) => [sub.code, departmentIds.get(sub.code)!])),
    fallbackDepartmentId: departmentIds.get('URBAN_MGMT')!,
    attachments: seedAttachmentSettings(db),
  };
  const plans = planTickets(options.days, options.seed, options.end);
  const [{ outboxBefore }] = (await queryRows<{ outboxBefore: string }>(
    db,
    sql`select coalesce(max(id), 0)::bigint as "outboxBefore" from outbox`,
  )) as [{ outboxBefore: string }];
  const created = new Map<number, Promise<string | null>>();
  const failures: string[] = [];
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < plans.length) {
      const plan = plans[next++]!;
      try {
        await playTicket(db, actors, plan, options.end, created);
      } catch (error) {
        failures.push(
          `ticket ${plan.index} (${plan.kind}): ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      options.onProgress?.(++done, plans.length);
    }
  };
  const [anyTicket] = await db.select({ id: tickets.id }).from(tickets).limit(1);
  const deferred = options.deferIndexes && !anyTicket ? await deferIndexes(db, SEED_LOAD) : 0;
  try {
    await Promise.all(Array.from({ length: options.concurrency }, worker));
  } finally {
    if (deferred > 0) {
      options.onIndexing?.();
      // Builds the indexes and gathers planner statistics of the tables that just grew from nothing.
      await rebuildDeferredIndexes(db, 2);
    }
  }
  const waterCompany = departmentIds.get('WATER_CO');
  if (waterCompany) {
    await seedDemoIncident(db, actors, options.end, waterCompany).catch((error: unknown) => {
      failures.push(`incident: ${error instanceof Error ? error.message : String(error)}`);
    });
  }
  // History needs no delivery: nobody subscribed while it "happened".
  await db.execute(
    sql`update outbox set relayed_at = ${options.end.toISOString()}::timestamptz where id > ${outboxBefore} and relayed_at is null`,
  );
  return { users: summary, ticketsCreated: plans.length - failures.length, ticketsSkipped: false, failures };
}

async function ensureDepartments(db: Db): Promise<Map<string, string>> {
  const rows = [
    ...DEMO_DEPARTMENTS.map(([code, name, kind]) => ({ code, name, kind })),
    ...SUB_DISTRICTS.map((sub) => ({
      code: sub.code,
      name: `${sub.name}办事处`,
      kind: 'SUB_DISTRICT' as const,
    })),
  ];
  await db.insert(departments).values(rows).onConflictDoNothing({ target: departments.code });
  const all = await db.select({ id: departments.id, code: departments.code }).from(departments);
  return new Map(all.map((row) => [row.code, row.id]));
}

async function ensureAreas(db: Db): Promise<void> {
  await db
    .insert(areas)
    .values(SUB_DISTRICTS.map((sub) => ({ code: sub.code, name: sub.name })))
    .onConflictDoNothing({ target: areas.code });
  const parents = await db.select({ id: areas.id, code: areas.code }).from(areas);
  const parentId = new Map(parents.map((row) => [row.code, row.id]));
  const communities = SUB_DISTRICTS.flatMap((sub) =>
    sub.communities.map((name, index) => ({
      code: communityCode(sub.code, index),
      name: `${name}社区`,
      parentId: parentId.get(sub.code)!,
    })),
  );
  await db.insert(areas).values(communities).onConflictDoNothing({ target: areas.code });
}

const agentEmail = (index: number) => `agent${String(index + 1).padStart(2, '0')}@${DEMO_EMAIL_DOMAIN}`;

/** One user per role (an AGENT pool, a HANDLER per department); one scrypt hash for the shared demo password. */
async function ensureUsers(db: Db, departmentIds: Map<string, string>) {
  const hotline = departmentIds.get('HOTLINE') ?? null;
  const wanted: { email: string; name: string; role: Role; departmentId: string | null }[] = [
    { email: `admin@${DEMO_EMAIL_DOMAIN}`, name: '系统管理员', role: 'ADMIN', departmentId: null },
    { email: `manager@${DEMO_EMAIL_DOMAIN}`, name: '热线值班长', role: 'MANAGER', departmentId: hotline },
    {
      email: `integration@${DEMO_EMAIL_DOMAIN}`,
      name: '市级平台对接',
      role: 'INTEGRATION',
      departmentId: null,
    },
    ...Array.from({ length: AGENTS }, (_, i) => ({
      email: agentEmail(i),
      name: `话务员${i + 1}号`,
      role: 'AGENT' as const,
      departmentId: hotline,
    })),
    ...[...DEMO_DEPARTMENTS.map(([code]) => code), ...SUB_DISTRICTS.map((sub) => sub.code)].map((code) => ({
      email: `handler.${code.toLowerCase()}@${DEMO_EMAIL_DOMAIN}`,
      name: `${code} 承办人`,
      role: 'HANDLER' as const,
      departmentId: departmentIds.get(code)!,
    })),
  ];
  const emails = wanted.map((user) => user.email);
  const present = new Set(
    (await db.select({ email: users.email }).from(users).where(inArray(users.email, emails))).map(
      (row) => row.email,
    ),
  );
  const missing = wanted.filter((user) => !present.has(user.email));
  if (missing.length > 0) {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    await db
      .insert(users)
      .values(missing.map((user) => ({ ...user, passwordHash })))
      .onConflictDoNothing({ target: users.email });
  }
  return db
    .select({ id: users.id, email: users.email, role: users.role, departmentId: users.departmentId })
    .from(users)
    .where(inArray(users.email, emails));
}

/** The district's routing rules, created through the audited service, once. */
async function ensureRules(
  db: Db,
  departmentIds: Map<string, string>,
  admin: Viewer,
  at: Date,
): Promise<void> {
  const [any] = await db.select({ id: routingRules.id }).from(routingRules).limit(1);
  if (any) return;
  const ctx = { db, clock: new ManualClock(at), viewer: admin };
  const subDistrictRules: DemoRule[] = SUB_DISTRICTS.map((sub) => ({
    name: `${sub.name}属地事项`,
    departmentCode: sub.code,
    categoryCodes: SUB_DISTRICT_CATEGORIES,
    areaCodes: sub.communities.map((_, index) => communityCode(sub.code, index)),
  }));
  for (const rule of [...DEMO_RULES, ...subDistrictRules]) {
    await createRoutingRule(ctx, {
      name: rule.name,
      departmentId: departmentIds.get(rule.departmentCode)!,
      priority: rule.priority ?? null,
      conditions: {
        keywords: rule.keywords ?? [],
        categoryCodes: rule.categoryCodes ?? [],
        areaCodes: rule.areaCodes ?? [],
      },
    });
  }
}

const DAY_MS = 86_400_000;

/** The knowledge base and canned replies, written through the audited services, once. */
async function ensureKnowledge(
  db: Db,
  departmentIds: Map<string, string>,
  manager: Viewer,
  at: Date,
): Promise<void> {
  const [any] = await db.select({ id: knowledgeArticles.id }).from(knowledgeArticles).limit(1);
  if (any) return;
  const ctx = { db, clock: new ManualClock(at), viewer: manager };
  const categoryRows = await db.select({ id: categories.id, code: categories.code }).from(categories);
  const categoryIds = new Map(categoryRows.map((row) => [row.code, row.id]));
  for (const article of DEMO_ARTICLES) {
    await createKnowledgeArticle(ctx, {
      title: article.title,
      body: article.body,
      categoryId: categoryIds.get(article.categoryCode) ?? null,
      ownerDepartmentId: article.ownerCode ? (departmentIds.get(article.ownerCode) ?? null) : null,
      validFrom: new Date(at.getTime() - 365 * DAY_MS),
      reviewAt: new Date(at.getTime() + (article.reviewInDays ?? 180) * DAY_MS),
    });
  }
  for (const reply of DEMO_CANNED_REPLIES) {
    await createCannedReply(ctx, {
      title: reply.title,
      body: reply.body,
      departmentId: reply.departmentCode ? (departmentIds.get(reply.departmentCode) ?? null) : null,
    });
  }
}
