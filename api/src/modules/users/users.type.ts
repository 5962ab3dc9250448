import type { Role as RoleValue } from '@hotline/schema';
import { Field, ObjectType } from 'type-graphql';
import { Role } from '../../graphql/enums.js';
import { Node } from '../../graphql/node.js';
import { Department } from '../departments/departments.type.js';

@ObjectType({ simpleResolvers: true, implements: Node })
export class User extends Node {
  @Field(() => String)
  email!: string;
  @Field(() => String)
  name!: string;
  @Field(() => Role)
  role!: RoleValue;
  @Field(() => Boolean, { description: 'False once deactivated: the user can no longer sign in.' })
  active!: boolean;
  departmentId!: string | null;
}

@ObjectType({ simpleResolvers: true })
export class Viewer {
  @Field(() => User, { nullable: true })
  user!: User | null;
  @Field(() => Role)
  role!: RoleValue;
  @Field(() => Department, { nullable: true })
  department!: Department | null;
}

@ObjectType({ simpleResolvers: true })
export class Session {
  @Field(() => String)
  token!: string;
  @Field(() => User)
  user!: User;
}
