import type { Role as RoleValue } from '@hotline/schema';
import { Field, ID, InputType } from 'type-graphql';
import { Role } from '../../graphql/enums.js';

@InputType()
export class CreateUserInput {
  @Field(() => String)
  email!: string;
  @Field(() => String)
  name!: string;
  @Field(() => String)
  password!: string;
  @Field(() => Role)
  role!: RoleValue;
  @Field(() => ID, { nullable: true })
  departmentId?: string | null;
}

@InputType({ description: 'A field left out stays as it is.' })
export class UpdateUserInput {
  @Field(() => Role, { nullable: true })
  role?: RoleValue | null;
  @Field(() => ID, { nullable: true, description: 'null: no department.' })
  departmentId?: string | null;
}
