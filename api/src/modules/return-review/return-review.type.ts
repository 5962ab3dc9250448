import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../graphql/scalars.js';

@ObjectType({
  simpleResolvers: true,
  description: "A department's request to hand a ticket back, waiting for a manager (派单异议).",
})
export class ReturnRequest {
  @Field(() => ID)
  id!: string;
  @Field(() => String)
  reason!: string;
  @Field(() => DateTimeScalar, { description: 'When the department asked.' })
  createdAt!: Date;
}

@ObjectType({ simpleResolvers: true })
export class ReturnRequestPage {
  @Field(() => [ReturnRequest])
  nodes!: ReturnRequest[];
  totalCount!: () => Promise<number>;
}

@ObjectType({ simpleResolvers: true })
export class ReturnRequestCount {
  @Field(() => Int)
  count!: number;
}
