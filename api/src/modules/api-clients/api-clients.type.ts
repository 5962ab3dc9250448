import type { Role as RoleValue } from '@hotline/schema';
import { Field, Int, ObjectType } from 'type-graphql';
import { Role } from '../../graphql/enums.js';
import { Node } from '../../graphql/node.js';

@ObjectType({ simpleResolvers: true, implements: Node })
export class ApiClient extends Node {
  @Field(() => String)
  name!: string;
  @Field(() => Role)
  role!: RoleValue;
  @Field(() => Boolean)
  active!: boolean;
  @Field(() => Int, {
    nullable: true,
    description: 'Sustained requests a second; null: the server default (50).',
  })
  rateLimitPerSecond!: number | null;
  @Field(() => Int, { nullable: true, description: 'Burst size; null: the server default (200).' })
  rateLimitBurst!: number | null;
  departmentId!: string | null;
}

@ObjectType({ simpleResolvers: true })
export class ApiClientCreated {
  @Field(() => ApiClient)
  client!: ApiClient;
  @Field(() => String, { description: 'Shown once; only a hash is stored.' })
  key!: string;
}
