import type { DepartmentKind as DepartmentKindValue } from '@hotline/schema';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { DepartmentKind } from '../../graphql/enums.js';
import { Node } from '../../graphql/node.js';

// Read (ObjectType) and written (InputType) alike: departments.input.ts extends these bases.

/** What departments, areas and categories share, as read and as written. */
@ObjectType({ simpleResolvers: true })
@InputType()
export abstract class CodedFields {
  @Field(() => String)
  code!: string;
  @Field(() => String)
  name!: string;
}

@ObjectType({ simpleResolvers: true })
@InputType()
export abstract class DepartmentFields extends CodedFields {
  @Field(() => DepartmentKind)
  kind!: DepartmentKindValue;
}

@ObjectType({ simpleResolvers: true, implements: Node })
export class Department extends DepartmentFields implements Node {
  @Field(() => ID)
  id!: string;
  @Field(() => Boolean)
  active!: boolean;
  /** Resolved through the loader in the resolver. */
  parentId!: string | null;
}

/** Areas (sub-district > community) and categories: two-level trees of code and name. */
@ObjectType({ simpleResolvers: true })
export abstract class TreeNode extends CodedFields implements Node {
  @Field(() => ID)
  id!: string;
  parentId!: string | null;
}

@ObjectType({ simpleResolvers: true, implements: Node })
export class Category extends TreeNode {}

@ObjectType({ simpleResolvers: true, implements: Node })
export class Area extends TreeNode {}
