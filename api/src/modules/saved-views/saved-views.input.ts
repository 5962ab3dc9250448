import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, InputType } from 'type-graphql';
import type { SavedViewList as List, ViewVisibility as Visibility } from './saved-view-lists.js';
import { SavedViewList, ViewVisibility } from './saved-views.type.js';

@InputType()
export class SavedViewInput {
  @Field(() => SavedViewList)
  list!: List;
  @Field(() => String)
  name!: string;
  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description: "A value of the list's filter input (TicketFilter for TICKETS); default none.",
  })
  filters?: Record<string, unknown> | null;
  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description: "A value of the list's order input (TicketOrder for TICKETS); default the list's.",
  })
  sort?: Record<string, unknown> | null;
  @Field(() => [String], {
    nullable: true,
    description: "Column names, in order; default the list's columns.",
  })
  columns?: string[] | null;
  @Field(() => ViewVisibility, { nullable: true, description: 'Default PRIVATE.' })
  visibility?: Visibility | null;
}

@InputType({ description: 'Absent fields stay as they are.' })
export class SavedViewChangesInput {
  @Field(() => GraphQLJSONObject, { nullable: true })
  filters?: Record<string, unknown> | null;
  @Field(() => GraphQLJSONObject, { nullable: true, description: "null: back to the list's default order." })
  sort?: Record<string, unknown> | null;
  @Field(() => [String], { nullable: true })
  columns?: string[] | null;
  @Field(() => ViewVisibility, { nullable: true })
  visibility?: Visibility | null;
}
