import { gql } from '../graphql/client';
import { API_CLIENT_FIELDS, DEPARTMENT_FIELDS, USER_FIELDS } from '../graphql/fragments';
import type { ApiClient, Area, Category, Department, User } from '../graphql/types';
import { updateUser, withDepartmentId } from '../users/user-accounts';
import { recallCreated, rememberCreated } from './local-registry';
import { notFound, pageLocally, type ResourceHandlers, wholeListResource } from './resource';

const withParentId = (department: Department) => ({ ...department, parentId: department.parent?.id ?? null });

const fetchDepartments = async () =>
  (await gql<{ departments: Department[] }>(`{ departments { ${DEPARTMENT_FIELDS} } }`)).departments.map(
    withParentId,
  );

function departmentInput(data: Record<string, unknown>) {
  return {
    code: data.code,
    name: data.name,
    kind: data.kind,
    parentId: data.parentId || null,
    active: data.active ?? true,
  };
}

export const departments: ResourceHandlers = {
  ...wholeListResource(fetchDepartments, ['name', 'code']),
  create: async ({ data }) => {
    const { createDepartment } = await gql<{ createDepartment: Department }>(
      `mutation ($input: DepartmentInput!) { createDepartment(input: $input) { ${DEPARTMENT_FIELDS} } }`,
      { input: departmentInput(data) },
    );
    return { data: withParentId(createDepartment) };
  },
  update: async ({ id, data }) => {
    const { updateDepartment } = await gql<{ updateDepartment: Department }>(
      `mutation ($id: ID!, $input: DepartmentInput!) { updateDepartment(id: $id, input: $input) { ${DEPARTMENT_FIELDS} } }`,
      { id, input: departmentInput(data) },
    );
    return { data: withParentId(updateDepartment) };
  },
};

export const categories: ResourceHandlers = wholeListResource(
  async () =>
    (await gql<{ categories: Category[] }>('{ categories { id code name parent { id } } }')).categories,
  ['name', 'code'],
);

export const areas: ResourceHandlers = wholeListResource(
  async () => (await gql<{ areas: Area[] }>('{ areas { id code name parent { id } } }')).areas,
  ['name', 'code'],
);

/** Staff from the served `users` query (beyond the contract; ADMIN and MANAGER see everyone). */
export async function fetchUsers(departmentId?: string | null): Promise<User[]> {
  const { users } = await gql<{ users: User[] }>(
    `query Users($departmentId: ID) { users(departmentId: $departmentId) { ${USER_FIELDS} } }`,
    { departmentId: departmentId || null },
  );
  return users;
}

export const users: ResourceHandlers = {
  getList: async (params) => {
    const { departmentId, ...filter } = params.filter ?? {};
    return pageLocally(await fetchUsers(departmentId as string | undefined), { ...params, filter }, [
      'name',
      'email',
    ]);
  },
  getOne: async ({ id }) => {
    const found = (await fetchUsers()).find((user) => user.id === String(id));
    return { data: found ? withDepartmentId(found) : notFound() };
  },
  update: async ({ id, data }) => ({
    data: await updateUser(String(id), { role: data.role, departmentId: data.departmentId || null }),
  }),
  create: async ({ data }) => {
    const { createUser } = await gql<{ createUser: User }>(
      `mutation ($input: CreateUserInput!) { createUser(input: $input) { ${USER_FIELDS} } }`,
      {
        input: {
          email: data.email,
          name: data.name,
          password: data.password,
          role: data.role,
          departmentId: data.departmentId || null,
        },
      },
    );
    return { data: createUser };
  },
};

/** The contract lists no API clients: the list shows those created from this browser. */
export const apiClients: ResourceHandlers = {
  getList: async (params) => pageLocally(recallCreated<ApiClient>('api-clients'), params),
  create: async ({ data }) => {
    const { createApiClient } = await gql<{ createApiClient: { client: ApiClient; key: string } }>(
      `mutation ($input: ApiClientInput!) { createApiClient(input: $input) { key client { ${API_CLIENT_FIELDS} } } }`,
      { input: { name: data.name, role: data.role, departmentId: data.departmentId || null } },
    );
    rememberCreated('api-clients', createApiClient.client);
    return { data: { ...createApiClient.client, key: createApiClient.key } };
  },
};

export async function revokeApiClient(id: string): Promise<ApiClient> {
  const { revokeApiClient: client } = await gql<{ revokeApiClient: ApiClient }>(
    `mutation ($id: ID!) { revokeApiClient(id: $id) { ${API_CLIENT_FIELDS} } }`,
    { id },
  );
  rememberCreated('api-clients', client);
  return client;
}
