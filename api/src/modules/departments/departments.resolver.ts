import { areas, categories } from '@hotline/schema';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { DepartmentInput, TreeNodeInput } from './departments.input.js';
import * as service from './departments.service.js';
import { Area, Category, Department } from './departments.type.js';

@Resolver(() => Department)
export class DepartmentResolver {
  @Query(() => [Department])
  departments(@Ctx() ctx: GraphQLContext) {
    return service.listDepartments(ctx);
  }

  @FieldResolver(() => Department, { nullable: true })
  parent(@Root() department: Department, @Ctx() ctx: GraphQLContext) {
    return department.parentId ? ctx.loaders.department.load(department.parentId) : null;
  }

  @Mutation(() => Department)
  createDepartment(@Arg('input', () => DepartmentInput) input: DepartmentInput, @Ctx() ctx: GraphQLContext) {
    return service.createDepartment(ctx, input);
  }

  @Mutation(() => Department)
  updateDepartment(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => DepartmentInput) input: DepartmentInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return service.updateDepartment(ctx, id, input);
  }
}

@Resolver(() => Category)
export class CategoryResolver {
  @Query(() => [Category])
  categories(@Ctx() ctx: GraphQLContext) {
    return service.listCategories(ctx);
  }

  @FieldResolver(() => Category, { nullable: true })
  parent(@Root() category: Category, @Ctx() ctx: GraphQLContext) {
    return category.parentId ? ctx.loaders.category.load(category.parentId) : null;
  }

  @Mutation(() => Category)
  createCategory(@Arg('input', () => TreeNodeInput) input: TreeNodeInput, @Ctx() ctx: GraphQLContext) {
    return service.saveTreeNode(ctx, categories, null, input);
  }

  @Mutation(() => Category)
  updateCategory(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => TreeNodeInput) input: TreeNodeInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return service.saveTreeNode(ctx, categories, id, input);
  }
}

@Resolver(() => Area)
export class AreaResolver {
  @Query(() => [Area])
  areas(@Ctx() ctx: GraphQLContext) {
    return service.listAreas(ctx);
  }

  @FieldResolver(() => Area, { nullable: true })
  parent(@Root() area: Area, @Ctx() ctx: GraphQLContext) {
    return area.parentId ? ctx.loaders.area.load(area.parentId) : null;
  }

  @Mutation(() => Area)
  createArea(@Arg('input', () => TreeNodeInput) input: TreeNodeInput, @Ctx() ctx: GraphQLContext) {
    return service.saveTreeNode(ctx, areas, null, input);
  }

  @Mutation(() => Area)
  updateArea(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => TreeNodeInput) input: TreeNodeInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return service.saveTreeNode(ctx, areas, id, input);
  }
}
