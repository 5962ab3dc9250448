import { gql } from '../graphql/client';
import { UserFields } from '../graphql/fragments';
import { graphql, type VariablesOf } from '../graphql/graphql';
import type { User } from '../graphql/types';

/**
 * The account changes that end a user's sessions (the server raises its session version): the
 * user signs in again on its next request.
 */

/** The form's flat `departmentId` from the user's department. */
export const withDepartmentId = (user: User) => ({ ...user, departmentId: user.department?.id ?? null });

const UpdateUser = graphql(
  `mutation UpdateUser($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { ...UserFields } }`,
  [UserFields],
);

const DeactivateUser = graphql(
  `mutation DeactivateUser($id: ID!) { deactivateUser(id: $id) { ...UserFields } }`,
  [UserFields],
);

const ResetPassword = graphql(
  `mutation ResetPassword($id: ID!, $password: String!) { resetPassword(id: $id, password: $password) { ...UserFields } }`,
  [UserFields],
);

const ChangePassword = graphql(
  `mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) { ...UserFields }
  }`,
  [UserFields],
);

export async function updateUser(id: string, input: { role: unknown; departmentId: string | null }) {
  const { updateUser: user } = await gql(UpdateUser, {
    id,
    input: input as VariablesOf<typeof UpdateUser>['input'],
  });
  return withDepartmentId(user);
}

export async function deactivateUser(id: string): Promise<User> {
  return (await gql(DeactivateUser, { id })).deactivateUser;
}

export async function resetPassword(id: string, password: string): Promise<User> {
  return (await gql(ResetPassword, { id, password })).resetPassword;
}

/** The signed-in user's own password; its token stops working, so sign in again with the new one. */
export async function changePassword(currentPassword: string, newPassword: string): Promise<User> {
  return (await gql(ChangePassword, { currentPassword, newPassword })).changePassword;
}
