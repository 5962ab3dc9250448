import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { FailurePredicate } from '../../auth/login-throttle.js';
import { requireSignedIn } from '../../auth/viewer.js';
import { AppError } from '../../errors/app-error.js';
import type { GraphQLContext } from '../../graphql/context.js';
import { Department } from '../departments/departments.type.js';
import * as accounts from './user-accounts.service.js';
import { CreateUserInput, UpdateUserInput } from './users.input.js';
import * as service from './users.service.js';
import { Session, User, Viewer } from './users.type.js';

const wrongCurrentPassword: FailurePredicate = (error) =>
  error instanceof AppError && error.details.field === accounts.CURRENT_PASSWORD_FIELD;

/** Runs a password check through sign-in throttling (when limits are on). */
function throttled<T>(
  ctx: GraphQLContext,
  account: string,
  attempt: () => Promise<T>,
  isFailure?: FailurePredicate,
): Promise<T> {
  if (!ctx.loginThrottle) return attempt();
  return ctx.loginThrottle.guard(account, ctx.clientAddress ?? 'unknown', attempt, isFailure);
}

@Resolver(() => User)
export class UserResolver {
  @Mutation(() => Session, {
    description:
      'Signs in. The only field of its operation (QUERY_TOO_COMPLEX otherwise); throttled per account and client address (RATE_LIMITED).',
  })
  login(
    @Arg('email', () => String) email: string,
    @Arg('password', () => String) password: string,
    @Ctx() ctx: GraphQLContext,
  ) {
    return throttled(ctx, email, () => service.login(ctx, ctx.signer, email, password));
  }

  @Mutation(() => User)
  createUser(@Arg('input', () => CreateUserInput) input: CreateUserInput, @Ctx() ctx: GraphQLContext) {
    return service.createUser(ctx, input);
  }

  @Mutation(() => User, { description: "ADMIN: a new role and/or department; ends the user's sessions." })
  updateUser(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateUserInput) input: UpdateUserInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return accounts.updateUser(ctx, id, input);
  }

  @Mutation(() => User, { description: "ADMIN: the user can no longer sign in; ends the user's sessions." })
  deactivateUser(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return accounts.deactivateUser(ctx, id);
  }

  @Mutation(() => User, { description: "ADMIN: sets a user's password; ends the user's sessions." })
  resetPassword(
    @Arg('id', () => ID) id: string,
    @Arg('password', () => String) password: string,
    @Ctx() ctx: GraphQLContext,
  ) {
    return accounts.resetPassword(ctx, id, password);
  }

  @Mutation(() => User, {
    description: 'The signed-in user changes its own password; ends its sessions, this one included.',
  })
  changePassword(
    @Arg('currentPassword', () => String) currentPassword: string,
    @Arg('newPassword', () => String) newPassword: string,
    @Ctx() ctx: GraphQLContext,
  ) {
    const attempt = () => accounts.changePassword(ctx, currentPassword, newPassword);
    if (ctx.viewer.kind !== 'user' || !ctx.viewer.id) return attempt();
    return throttled(ctx, `user:${ctx.viewer.id}`, attempt, wrongCurrentPassword);
  }

  @Query(() => [User], {
    description: "ADMIN, MANAGER: staff, optionally of one department; a HANDLER gets its own department's.",
  })
  users(
    @Ctx() ctx: GraphQLContext,
    @Arg('departmentId', () => ID, { nullable: true }) departmentId?: string,
  ) {
    return service.listUsers(ctx, departmentId ?? null);
  }

  @Query(() => Viewer)
  async me(@Ctx() ctx: GraphQLContext) {
    const viewer = ctx.viewer;
    requireSignedIn(viewer);
    return {
      user: viewer.kind === 'user' && viewer.id ? await ctx.loaders.user.load(viewer.id) : null,
      role: viewer.role,
      department: viewer.departmentId ? await ctx.loaders.department.load(viewer.departmentId) : null,
    };
  }

  @FieldResolver(() => Department, { nullable: true })
  department(@Root() user: User, @Ctx() ctx: GraphQLContext) {
    return user.departmentId ? ctx.loaders.department.load(user.departmentId) : null;
  }
}
