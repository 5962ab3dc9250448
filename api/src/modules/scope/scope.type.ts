import { Field, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/node.js';

@ObjectType({
  simpleResolvers: true,
  implements: Node,
  description: 'A kind of demand the hotline redirects instead of dispatching.',
})
export class ScopeRule extends Node {
  @Field(() => String)
  name!: string;
  @Field(() => [String], {
    description: 'Case-insensitive substrings of title or description; any of them matches.',
  })
  keywords!: string[];
  @Field(() => [String], {
    description: 'Category codes (a parent code covers its children); any of them matches.',
  })
  categoryCodes!: string[];
  @Field(() => String, { description: 'Why it is out of scope, as the agent may tell the caller.' })
  advice!: string;
  @Field(() => String, { nullable: true, description: 'Where to redirect the caller, e.g. 12315 or 110.' })
  redirectTo!: string | null;
  @Field(() => Boolean)
  enabled!: boolean;
}

@ObjectType({
  simpleResolvers: true,
  description: 'Screening hint: the demand looks out of scope. The agent decides.',
})
export class ScopeAdvice {
  @Field(() => ScopeRule)
  rule!: ScopeRule;
  @Field(() => String)
  advice!: string;
  @Field(() => String, { nullable: true })
  redirectTo!: string | null;
  @Field(() => [String], { description: 'The keywords found in the text (empty when the category matched).' })
  matchedKeywords!: string[];
}
