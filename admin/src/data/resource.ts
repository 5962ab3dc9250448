import type {
  CreateParams,
  CreateResult,
  DeleteParams,
  DeleteResult,
  GetListParams,
  GetListResult,
  GetManyParams,
  GetManyResult,
  GetOneParams,
  GetOneResult,
  UpdateParams,
  UpdateResult,
} from 'react-admin';
import { GraphQLRequestError } from '../graphql/client';

/** What one react-admin resource can do against the contract; a missing method is unsupported. */
export interface ResourceHandlers {
  getList?: (params: GetListParams) => Promise<GetListResult>;
  getOne?: (params: GetOneParams) => Promise<GetOneResult>;
  getMany?: (params: GetManyParams) => Promise<GetManyResult>;
  create?: (params: CreateParams) => Promise<CreateResult>;
  update?: (params: UpdateParams) => Promise<UpdateResult>;
  delete?: (params: DeleteParams) => Promise<DeleteResult>;
}

export function notFound(): never {
  throw new GraphQLRequestError('ra.notification.item_doesnt_exist', 'NOT_FOUND');
}

type Row = { id: string | number };

function valueAt(record: Row, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => {
    return value != null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  }, record as unknown);
}

function matches(record: Row, filter: Record<string, unknown>, searchFields: string[]): boolean {
  return Object.entries(filter).every(([key, expected]) => {
    if (expected === undefined || expected === '' || expected === null) return true;
    if (key === 'q') {
      const needle = String(expected).toLowerCase();
      return searchFields.some((field) =>
        String(valueAt(record, field) ?? '')
          .toLowerCase()
          .includes(needle),
      );
    }
    const actual = valueAt(record, key);
    if (Array.isArray(expected)) return expected.length === 0 || expected.includes(actual);
    return actual === expected;
  });
}

function compare(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a ?? '').localeCompare(String(b ?? ''), 'zh-CN');
}

/** Filters, sorts and pages a list that the contract returns whole (departments, rules, policies...). */
export function pageLocally<T extends Row>(
  rows: T[],
  params: GetListParams,
  searchFields: string[] = ['name'],
): GetListResult<T> {
  const filtered = rows.filter((row) => matches(row, params.filter ?? {}, searchFields));
  const { field, order } = params.sort ?? { field: '', order: 'ASC' };
  const sorted = field
    ? [...filtered].sort(
        (a, b) => compare(valueAt(a, field), valueAt(b, field)) * (order === 'DESC' ? -1 : 1),
      )
    : filtered;
  const { page, perPage } = params.pagination ?? { page: 1, perPage: sorted.length };
  const start = (page - 1) * perPage;
  return { data: sorted.slice(start, start + perPage), total: sorted.length };
}

/** Handlers for a resource whose whole list comes from one query. */
export function wholeListResource<T extends Row>(
  fetchAll: () => Promise<T[]>,
  searchFields?: string[],
): Required<Pick<ResourceHandlers, 'getList' | 'getOne' | 'getMany'>> {
  return {
    getList: async (params) => pageLocally(await fetchAll(), params, searchFields),
    getOne: async ({ id }) => {
      const found = (await fetchAll()).find((row) => String(row.id) === String(id));
      return { data: found ?? notFound() };
    },
    getMany: async ({ ids }) => {
      const wanted = new Set(ids.map(String));
      return { data: (await fetchAll()).filter((row) => wanted.has(String(row.id))) };
    },
  };
}
