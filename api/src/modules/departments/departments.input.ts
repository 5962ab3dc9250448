import { Field, ID, InputType } from 'type-graphql';
import { CodedFields, DepartmentFields } from './departments.type.js';

@InputType()
export class DepartmentInput extends DepartmentFields {
  @Field(() => ID, { nullable: true })
  parentId?: string | null;
  @Field(() => Boolean, { nullable: true })
  active?: boolean | null;
}

/** Areas (sub-district > community) and categories share this shape. */
@InputType()
export class TreeNodeInput extends CodedFields {
  @Field(() => ID, { nullable: true })
  parentId?: string | null;
}
