import { gql } from '../graphql/client';
import { USER_FIELDS } from '../graphql/fragments';
import type { User } from '../graphql/types';

/**
 * The account changes that end a user's sessions (the server raises its session version): the
 * user signs in again on its next request.
 */

/** The form's flat `departmentId` from the user's department. */
export const withDepartmentId = (user: User) => ({ ...user, departmentId: user.department?.id ?? null });

export async function updateUser(id: string, input: { role: string; departmentId: string | null }) {
  const { updateUser: user } = await gql<{ updateUser: User }>(
    `mutation ($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { ${USER_FIELDS} } }`,
    { id, input },
  );
  return withDepartmentId(user);
}

export async function deactivateUser(id: string): Promise<User> {
  const { deactivateUser: user } = await gql<{ deactivateUser: User }>(
    `mutation ($id: ID!) { deactivateUser(id: $id) { ${USER_FIELDS} } }`,
    { id },
  );
  return user;
}

export async function resetPassword(id: string, password: string): Promise<User> {
  const { resetPassword: user } = await gql<{ resetPassword: User }>(
    `mutation ($id: ID!, $password: String!) { resetPassword(id: $id, password: $password) { ${USER_FIELDS} } }`,
    { id, password },
  );
  return user;
}

/** The signed-in user's own password; its token stops working, so sign in again with the new one. */
export async function changePassword(currentPassword: string, newPassword: string): Promise<User> {
  const { changePassword: user } = await gql<{ changePassword: User }>(
    `mutation ($currentPassword: String!, $newPassword: String!) {
      changePassword(currentPassword: $currentPassword, newPassword: $newPassword) { ${USER_FIELDS} }
    }`,
    { currentPassword, newPassword },
  );
  return user;
}
