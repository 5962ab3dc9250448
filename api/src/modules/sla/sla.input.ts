import { Field, ID, InputType } from 'type-graphql';
import { EscalationStepFields, SlaPolicyFields } from './sla.type.js';

@InputType()
export class EscalationStepInput extends EscalationStepFields {
  @Field(() => ID, { nullable: true })
  notifyDepartmentId?: string | null;
}

@InputType()
export class SlaPolicyInput extends SlaPolicyFields {
  @Field(() => [EscalationStepInput])
  escalation!: EscalationStepInput[];
}
