import type { DepartmentKind as DepartmentKindValue } from '@hotline/schema';
import { Field, ID, InputType } from 'type-graphql';
import { DepartmentKind } from '../../graphql/enums.js';

@InputType()
export class DepartmentInput {
  @Field(() => String)
  code!: string;
  @Field(() => String)
  name!: string;
  @Field(() => DepartmentKind)
  kind!: DepartmentKindValue;
  @Field(() => ID, { nullable: true })
  parentId?: string | null;
  @Field(() => Boolean, { nullable: true })
  active?: boolean | null;
}

/** Areas (sub-district > community) and categories share this shape. */
@InputType()
export class TreeNodeInput {
  @Field(() => String)
  code!: string;
  @Field(() => String)
  name!: string;
  @Field(() => ID, { nullable: true })
  parentId?: string | null;
}
