import { categories } from '@hotline/schema';
import type { Db } from '@hotline/schema/client';
import { asc } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.js';

/** One entry of GET services: a request type a citizen can report (GeoReport v2 "service"). */
export interface Open311Service {
  service_code: string;
  service_name: string;
  description: string;
  /** Whether GET services/{code} lists attributes to fill in. */
  metadata: boolean;
  /** Every request gets its id at once. */
  type: 'realtime';
  keywords: string;
  group: string;
}

/** GET services/{code}: the attributes a request of this type takes. */
export interface Open311ServiceDefinition {
  service_code: string;
  attributes: Open311Attribute[];
}

export interface Open311Attribute {
  variable: boolean;
  code: string;
  datatype: 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';
  required: boolean;
  datatype_description: string | null;
  order: number;
  description: string;
  values: { key: string; name: string }[];
}

interface CategoryNode {
  id: string;
  code: string;
  name: string;
  parentId: string | null;
}

/**
 * The category tree as Open311 services: every category without children is a service, grouped by
 * its top-level category; keywords are the names along its path (synonyms a client can match on).
 */
export async function listOpen311Services(db: Db): Promise<Open311Service[]> {
  const rows = await loadCategories(db);
  const byId = new Map(rows.map((row) => [row.id, row]));
  const parents = new Set(rows.map((row) => row.parentId).filter((id) => id !== null));
  return rows.filter((row) => !parents.has(row.id)).map((row) => toService(row, byId));
}

/**
 * The definition of one service. Categories carry no custom fields, so the attribute list is empty
 * (and `metadata` false in the list); any category code is a service, top-level ones included.
 */
export async function getOpen311ServiceDefinition(db: Db, code: string): Promise<Open311ServiceDefinition> {
  await requireOpen311Service(db, code);
  return { service_code: code, attributes: [] };
}

/** The service of a code, or NOT_FOUND (HTTP 404 "service_code not found"). */
export async function requireOpen311Service(db: Db, code: string): Promise<Open311Service> {
  const rows = await loadCategories(db);
  const byId = new Map(rows.map((row) => [row.id, row]));
  const row = rows.find((category) => category.code === code);
  if (!row) throw new AppError('NOT_FOUND', `service_code ${code} not found`);
  return toService(row, byId);
}

function loadCategories(db: Db): Promise<CategoryNode[]> {
  return db
    .select({
      id: categories.id,
      code: categories.code,
      name: categories.name,
      parentId: categories.parentId,
    })
    .from(categories)
    .orderBy(asc(categories.code));
}

function toService(row: CategoryNode, byId: Map<string, CategoryNode>): Open311Service {
  const path = lineage(row, byId);
  return {
    service_code: row.code,
    service_name: row.name,
    description: path.map((node) => node.name).join(' / '),
    metadata: false,
    type: 'realtime',
    keywords: [...new Set(path.map((node) => node.name))].join(', '),
    group: path[0]!.name,
  };
}

/** The category and its ancestors, root first (bounded against a cycle in bad data). */
function lineage(row: CategoryNode, byId: Map<string, CategoryNode>): CategoryNode[] {
  const path = [row];
  let parent = row.parentId ? byId.get(row.parentId) : undefined;
  while (parent && path.length < 20) {
    path.unshift(parent);
    parent = parent.parentId ? byId.get(parent.parentId) : undefined;
  }
  return path;
}
