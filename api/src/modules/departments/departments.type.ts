import type { DepartmentKind as DepartmentKindValue } from '@hotline/schema';
import { Field, ObjectType } from 'type-graphql';
import { DepartmentKind } from '../../graphql/enums.js';
import { Node } from '../../graphql/node.js';

@ObjectType({ implements: Node })
export class Department extends Node {
  @Field(() => String)
  code!: string;
  @Field(() => String)
  name!: string;
  @Field(() => DepartmentKind)
  kind!: DepartmentKindValue;
  @Field(() => Boolean)
  active!: boolean;
  /** Resolved through the loader in the resolver. */
  parentId!: string | null;
}

@ObjectType({ implements: Node })
export class Category extends Node {
  @Field(() => String)
  code!: string;
  @Field(() => String)
  name!: string;
  parentId!: string | null;
}

@ObjectType({ implements: Node })
export class Area extends Node {
  @Field(() => String)
  code!: string;
  @Field(() => String)
  name!: string;
  parentId!: string | null;
}
