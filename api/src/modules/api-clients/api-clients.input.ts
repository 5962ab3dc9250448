import type { Role as RoleValue } from '@hotline/schema';
import { Field, ID, InputType, Int } from 'type-graphql';
import { Role } from '../../graphql/enums.js';

@InputType()
export class ApiClientInput {
  @Field(() => String)
  name!: string;
  @Field(() => Role)
  role!: RoleValue;
  @Field(() => ID, { nullable: true })
  departmentId?: string | null;
  @Field(() => Int, { nullable: true, description: 'Sustained requests a second; default 50.' })
  rateLimitPerSecond?: number | null;
  @Field(() => Int, { nullable: true, description: 'Burst size; default 200.' })
  rateLimitBurst?: number | null;
}
