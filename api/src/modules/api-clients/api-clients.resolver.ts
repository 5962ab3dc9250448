import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { Department } from '../departments/departments.type.js';
import { ApiClientInput } from './api-clients.input.js';
import * as service from './api-clients.service.js';
import { ApiClient, ApiClientCreated } from './api-clients.type.js';

@Resolver(() => ApiClient)
export class ApiClientResolver {
  @Query(() => [ApiClient], { description: 'ADMIN only.' })
  apiClients(@Ctx() ctx: GraphQLContext) {
    return service.listApiClients(ctx);
  }

  @Mutation(() => ApiClientCreated)
  createApiClient(@Arg('input', () => ApiClientInput) input: ApiClientInput, @Ctx() ctx: GraphQLContext) {
    return service.createApiClient(ctx, input);
  }

  @Mutation(() => ApiClient)
  revokeApiClient(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return service.revokeApiClient(ctx, id);
  }

  @FieldResolver(() => Department, { nullable: true })
  department(@Root() client: service.ApiClientRow, @Ctx() ctx: GraphQLContext) {
    return client.departmentId ? ctx.loaders.department.load(client.departmentId) : null;
  }
}
