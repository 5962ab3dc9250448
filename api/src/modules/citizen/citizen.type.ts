import type { CallerLanguage as CallerLanguageValue, NotificationEvent as EventValue } from '@hotline/schema';
import { Field, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { CallerLanguage, NotificationChannel, NotificationEvent } from './citizen.enums.js';

@ObjectType({
  simpleResolvers: true,
  description: 'The wording of one notification to callers in one language (MANAGER, ADMIN).',
})
export class NotificationTemplate {
  @Field(() => NotificationEvent)
  event!: EventValue;
  @Field(() => CallerLanguage)
  language!: CallerLanguageValue;
  @Field(() => String, { description: 'E-mail subject.' })
  subject!: string;
  @Field(() => String, {
    description:
      'SMS text and e-mail body. Placeholders: {number} {code} {statusUrl} {feedbackUrl} {department} {dueAt} {reply} {note}.',
  })
  body!: string;
  @Field(() => Boolean, { description: 'True while the built-in wording applies.' })
  isDefault!: boolean;
  @Field(() => DateTimeScalar, { nullable: true })
  updatedAt!: Date | null;
}

@ObjectType({
  simpleResolvers: true,
  description: 'One message to the caller of a ticket and how its attempts went.',
})
export class CallerNotification {
  @Field(() => String)
  id!: string;
  @Field(() => NotificationEvent)
  event!: string;
  @Field(() => NotificationChannel)
  channel!: string;
  @Field(() => String, { description: 'Masked: 138****5678, a***@example.com.' })
  recipient!: string;
  @Field(() => Int)
  attempts!: number;
  @Field(() => String, { nullable: true })
  lastError!: string | null;
  @Field(() => DateTimeScalar, { nullable: true })
  deliveredAt!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Null once delivered or given up.' })
  nextAttemptAt!: Date | null;
  @Field(() => DateTimeScalar)
  createdAt!: Date;
}
