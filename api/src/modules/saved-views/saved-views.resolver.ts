import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { Department } from '../departments/departments.type.js';
import { User } from '../users/users.type.js';
import { checkListInput } from './saved-view-inputs.js';
import type { SavedViewList as List } from './saved-view-lists.js';
import { SavedViewChangesInput, SavedViewInput } from './saved-views.input.js';
import * as service from './saved-views.service.js';
import { SavedView, SavedViewList } from './saved-views.type.js';

/** Checks filters and sort against the served schema's input types of the view's list. */
function checkerOf(info: GraphQLResolveInfo): service.ListInputCheck {
  return (list, part, value) => checkListInput(info.schema, list, part, value) ?? null;
}

@Resolver(() => SavedView)
export class SavedViewResolver {
  @Query(() => [SavedView], {
    description:
      "The viewer's own views of a list and those shared with it (its department's, the centre's).",
  })
  savedViews(@Arg('list', () => SavedViewList) list: List, @Ctx() ctx: GraphQLContext) {
    return service.listSavedViews(ctx, list);
  }

  @Mutation(() => SavedView, {
    description:
      'Saves a view. Staff users; DEPARTMENT needs a department (shared with it), CENTRE needs MANAGER or ADMIN.',
  })
  saveView(
    @Arg('input', () => SavedViewInput) input: SavedViewInput,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return service.saveView(ctx, input, checkerOf(info));
  }

  @Mutation(() => SavedView, { description: 'The owner only: filters, sort, columns or sharing.' })
  updateView(
    @Arg('id', () => ID) id: string,
    @Arg('changes', () => SavedViewChangesInput) changes: SavedViewChangesInput,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return service.updateView(ctx, id, changes, checkerOf(info));
  }

  @Mutation(() => SavedView, { description: 'The owner only.' })
  renameView(
    @Arg('id', () => ID) id: string,
    @Arg('name', () => String) name: string,
    @Ctx() ctx: GraphQLContext,
  ) {
    return service.renameView(ctx, id, name);
  }

  @Mutation(() => ID, { description: 'The owner only.' })
  deleteView(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return service.deleteView(ctx, id);
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who saved it.' })
  owner(@Root() view: SavedView, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.user.load(view.ownerId);
  }

  @FieldResolver(() => Boolean, { description: "The viewer's own view (which it may change)." })
  mine(@Root() view: SavedView, @Ctx() ctx: GraphQLContext) {
    return ctx.viewer.kind === 'user' && ctx.viewer.id === view.ownerId;
  }

  @FieldResolver(() => Department, {
    nullable: true,
    description: 'The department a DEPARTMENT view is shared with.',
  })
  department(@Root() view: SavedView, @Ctx() ctx: GraphQLContext) {
    return view.departmentId ? ctx.loaders.department.load(view.departmentId) : null;
  }
}
