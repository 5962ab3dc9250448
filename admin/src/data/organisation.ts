import { gql } from '../graphql/client';
import {
  ApiClientFields,
  AreaFields,
  CategoryFields,
  DepartmentFields,
  UserFields,
} from '../graphql/fragments';
import { graphql, type VariablesOf } from '../graphql/graphql';
import type { ApiClient, Department, User } from '../graphql/types';
import { updateUser, withDepartmentId } from '../users/user-accounts';
import { notFound, pageLocally, type ResourceHandlers, wholeListResource } from './resource';

const withParentId = (department: Department) => ({ ...department, parentId: department.parent?.id ?? null });

const DepartmentsQuery = graphql(`query Departments { departments { ...DepartmentFields } }`, [
  DepartmentFields,
]);

const CreateDepartment = graphql(
  `mutation CreateDepartment($input: DepartmentInput!) { createDepartment(input: $input) { ...DepartmentFields } }`,
  [DepartmentFields],
);

const UpdateDepartment = graphql(
  `mutation UpdateDepartment($id: ID!, $input: DepartmentInput!) {
    updateDepartment(id: $id, input: $input) { ...DepartmentFields }
  }`,
  [DepartmentFields],
);

const fetchDepartments = async () => (await gql(DepartmentsQuery, {})).departments.map(withParentId);

function departmentInput(data: Record<string, unknown>) {
  return {
    code: data.code,
    name: data.name,
    kind: data.kind,
    parentId: data.parentId || null,
    active: data.active ?? true,
  } as VariablesOf<typeof CreateDepartment>['input'];
}

export const departments: ResourceHandlers = {
  ...wholeListResource(fetchDepartments, ['name', 'code']),
  create: async ({ data }) => {
    const { createDepartment } = await gql(CreateDepartment, { input: departmentInput(data) });
    return { data: withParentId(createDepartment) };
  },
  update: async ({ id, data }) => {
    const { updateDepartment } = await gql(UpdateDepartment, {
      id: String(id),
      input: departmentInput(data),
    });
    return { data: withParentId(updateDepartment) };
  },
};

const CategoriesQuery = graphql(`query Categories { categories { ...CategoryFields } }`, [CategoryFields]);

export const categories: ResourceHandlers = wholeListResource(
  async () => (await gql(CategoriesQuery, {})).categories,
  ['name', 'code'],
);

const AreasQuery = graphql(`query Areas { areas { ...AreaFields } }`, [AreaFields]);

export const areas: ResourceHandlers = wholeListResource(
  async () => (await gql(AreasQuery, {})).areas,
  ['name', 'code'],
);

const UsersQuery = graphql(
  `query Users($departmentId: ID) { users(departmentId: $departmentId) { ...UserFields } }`,
  [UserFields],
);

const CreateUser = graphql(
  `mutation CreateUser($input: CreateUserInput!) { createUser(input: $input) { ...UserFields } }`,
  [UserFields],
);

/** Staff from the served `users` query (beyond the contract; ADMIN and MANAGER see everyone). */
async function fetchUsers(departmentId?: string | null): Promise<User[]> {
  return (await gql(UsersQuery, { departmentId: departmentId || null })).users;
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
    const { createUser } = await gql(CreateUser, {
      input: {
        email: data.email,
        name: data.name,
        password: data.password,
        role: data.role,
        departmentId: data.departmentId || null,
      } as VariablesOf<typeof CreateUser>['input'],
    });
    return { data: createUser };
  },
};

const ApiClientsQuery = graphql(`query ApiClients { apiClients { ...ApiClientFields } }`, [ApiClientFields]);

const CreateApiClient = graphql(
  `mutation CreateApiClient($input: ApiClientInput!) {
    createApiClient(input: $input) { key client { ...ApiClientFields } }
  }`,
  [ApiClientFields],
);

const RevokeApiClient = graphql(
  `mutation RevokeApiClient($id: ID!) { revokeApiClient(id: $id) { ...ApiClientFields } }`,
  [ApiClientFields],
);

/** The API clients the server lists (ADMIN only), revoked ones included. */
export const apiClients: ResourceHandlers = {
  ...wholeListResource(async () => (await gql(ApiClientsQuery, {})).apiClients),
  create: async ({ data }) => {
    const { createApiClient } = await gql(CreateApiClient, {
      input: {
        name: data.name,
        role: data.role,
        departmentId: data.departmentId || null,
      } as VariablesOf<typeof CreateApiClient>['input'],
    });
    return { data: { ...createApiClient.client, key: createApiClient.key } };
  },
};

export async function revokeApiClient(id: string): Promise<ApiClient> {
  return (await gql(RevokeApiClient, { id })).revokeApiClient;
}
