import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { savedViewLists, VIEW_VISIBILITIES } from './saved-view-lists.js';

export const SavedViewList = Object.fromEntries(savedViewLists.map((list) => [list, list]));
registerEnumType(SavedViewList, { name: 'SavedViewList', description: 'A list whose views can be saved.' });

export const ViewVisibility = Object.fromEntries(VIEW_VISIBILITIES.map((value) => [value, value]));
registerEnumType(ViewVisibility, {
  name: 'ViewVisibility',
  description: "PRIVATE: the owner only; DEPARTMENT: the owner's department; CENTRE: every staff user.",
});

/** Maps onto a saved_views row; `owner`, `department` and `mine` are field resolvers. */
@ObjectType({ simpleResolvers: true, description: "A list's filters, sort and columns saved under a name." })
export class SavedView {
  @Field(() => ID)
  id!: string;
  @Field(() => SavedViewList)
  list!: string;
  @Field(() => String)
  name!: string;
  @Field(() => GraphQLJSONObject, { description: "The list's filter input, e.g. a TicketFilter." })
  filters!: Record<string, unknown>;
  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description: "The list's order input, e.g. a TicketOrder; null: the list's default.",
  })
  sort!: Record<string, unknown> | null;
  @Field(() => [String], { description: 'The columns shown, in order; empty: the default columns.' })
  columns!: string[];
  @Field(() => ViewVisibility)
  visibility!: string;
  @Field(() => DateTimeScalar)
  createdAt!: Date;
  @Field(() => DateTimeScalar)
  updatedAt!: Date;
  ownerId!: string;
  departmentId!: string | null;
}
