import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireSignedIn } from '../../auth/viewer.js';
import type { GraphQLContext } from '../../graphql/context.js';
import { Department } from '../departments/departments.type.js';
import { CreateUserInput } from './users.input.js';
import * as service from './users.service.js';
import { Session, User, Viewer } from './users.type.js';

@Resolver(() => User)
export class UserResolver {
  @Mutation(() => Session)
  login(
    @Arg('email', () => String) email: string,
    @Arg('password', () => String) password: string,
    @Ctx() ctx: GraphQLContext,
  ) {
    const attempt = () => service.login(ctx, ctx.signer, email, password);
    return ctx.loginThrottle
      ? ctx.loginThrottle.guard(email, ctx.clientAddress ?? 'unknown', attempt)
      : attempt();
  }

  @Mutation(() => User)
  createUser(@Arg('input', () => CreateUserInput) input: CreateUserInput, @Ctx() ctx: GraphQLContext) {
    return service.createUser(ctx, input);
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
