import type { DepartmentKind as DepartmentKindValue } from '@hotline/schema';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { DepartmentKind } from '../../graphql/enums.js';
import { Node } from '../../graphql/node.js';

// Read (ObjectType) and written (InputType) alike: departments.input.ts extends these bases.

/** What departments, areas and categories share, as read and as written. */
@ObjectType()
@InputType()
export abstract class CodedFields {
  @Field(() => String)
  code!: string;
  @Field(() => String)
  name!: string;
}

@ObjectType()
@InputType()
export abstract class DepartmentFields extends CodedFields {
  @Field(() => DepartmentKind)
  kind!: DepartmentKindValue;
}

@ObjectType({ implements: Node })
export class Department extends DepartmentFields implements Node {
  @Field(() => ID)
  id!: string;
  @Field(() => Boolean)
  active!: boolean;
  /** Resolved through the loader in the resolver. */
  parentId!: string | null;
}

/** Areas (sub-district > community) and categories: two-level trees of code and name. */
@ObjectType()
export abstract class TreeNode extends CodedFields implements Node {
  @Field(() => ID)
  id!: string;
  parentId!: string | null;
}

@ObjectType({ implements: Node })
export class Category extends TreeNode {}

@ObjectType({ implements: Node })
export class Area extends TreeNode {}
