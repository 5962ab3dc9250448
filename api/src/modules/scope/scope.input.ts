import { Field, InputType } from 'type-graphql';

@InputType()
export class ScopeRuleInput {
  @Field(() => String)
  name!: string;
  @Field(() => [String], { nullable: true })
  keywords?: string[] | null;
  @Field(() => [String], { nullable: true })
  categoryCodes?: string[] | null;
  @Field(() => String)
  advice!: string;
  @Field(() => String, { nullable: true })
  redirectTo?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Default true.' })
  enabled?: boolean | null;
}
