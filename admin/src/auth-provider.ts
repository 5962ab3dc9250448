import type { AuthProvider } from 'react-admin';
import { currentViewer, forgetSession, isTokenExpired, storeViewer } from './auth/auth-store';
import { canRoleAccess } from './auth/permissions';
import { GraphQLRequestError, gql, tokenStore } from './graphql/client';
import { UserFields } from './graphql/fragments';
import { graphql } from './graphql/graphql';

const Login = graphql(
  `mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) { token user { ...UserFields } }
  }`,
  [UserFields],
);

function isAuthenticationError(error: unknown): boolean {
  if (error instanceof GraphQLRequestError) return error.code === 'UNAUTHENTICATED' || error.status === 401;
  return (error as { status?: number } | undefined)?.status === 401;
}

export const authProvider: AuthProvider = {
  login: async ({ username, email, password }: { username?: string; email?: string; password: string }) => {
    forgetSession();
    const { login } = await gql(Login, { email: email ?? username ?? '', password });
    tokenStore.set(login.token);
    storeViewer({ user: login.user, role: login.user.role, department: login.user.department });
  },
  logout: async () => {
    forgetSession();
  },
  checkAuth: async () => {
    const token = tokenStore.get();
    if (!token || isTokenExpired(token)) {
      forgetSession();
      throw new Error('ra.auth.auth_check_error');
    }
  },
  checkError: async (error) => {
    if (isAuthenticationError(error)) {
      forgetSession();
      throw new Error('ra.notification.logged_out');
    }
  },
  getIdentity: async () => {
    const viewer = await currentViewer();
    return {
      id: viewer.user?.id ?? viewer.role,
      fullName: viewer.user?.name ?? viewer.role,
      role: viewer.role,
      department: viewer.department,
    };
  },
  getPermissions: async () => (await currentViewer()).role,
  canAccess: async ({ resource, action }) => {
    if (!tokenStore.get()) return false;
    const viewer = await currentViewer().catch(() => undefined);
    return canRoleAccess(viewer?.role, resource, action);
  },
};
