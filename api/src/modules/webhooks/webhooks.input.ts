import { Field, InputType } from 'type-graphql';

@InputType()
export class WebhookInput {
  @Field(() => String)
  url!: string;
  @Field(() => [String])
  events!: string[];
}
