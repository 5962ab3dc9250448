import type { SupervisionLevel as Level, SupervisionRow, TicketRow } from '@hotline/schema';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { SupervisionLevel } from '../../graphql/enums.js';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { Department } from '../departments/departments.type.js';
import { Ticket } from '../tickets/tickets.type.js';
import { User } from '../users/users.type.js';
import { replySupervision, superviseTicket } from './supervise-ticket.js';
import { Supervision } from './supervision.type.js';
import { isOverdue, repliedLate } from './supervision-state.js';

@Resolver(() => Ticket)
export class SupervisionResolver {
  @Mutation(() => Ticket, {
    description:
      'MANAGER, ADMIN: supervise a running case (DISPATCHED, IN_PROGRESS, ON_HOLD) with a level, a note and the time by which the responsible department must reply: give exactly one of replyDueAt and replyWithinHours (at most 720 hours ahead). A case already supervised gets the new supervision (the old one SUPERSEDED). SUPERVISED event, ticket.supervised webhook.',
  })
  superviseTicket(
    @Arg('id', () => ID) id: string,
    @Arg('level', () => SupervisionLevel) level: Level,
    @Arg('note', () => String) note: string,
    @Ctx() ctx: GraphQLContext,
    @Arg('replyDueAt', () => DateTimeScalar, { nullable: true }) replyDueAt?: Date,
    @Arg('replyWithinHours', () => Int, { nullable: true }) replyWithinHours?: number,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
  ) {
    return superviseTicket(ctx, { id, level, note, replyDueAt, replyWithinHours, expectedVersion });
  }

  @Mutation(() => Ticket, {
    description:
      'The responsible department (a HANDLER of it) or a MANAGER, ADMIN answers the open supervision: REPLIED, SUPERVISION_REPLIED event, ticket.supervision_replied webhook. Resolving the case answers it too.',
  })
  replySupervision(
    @Arg('id', () => ID) id: string,
    @Arg('reply', () => String) reply: string,
    @Ctx() ctx: GraphQLContext,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
    @Arg('attachmentIds', () => [ID], {
      nullable: true,
      description:
        'Files uploaded to this ticket beforehand that the reply carries (TicketEvent.attachments); as for resolveTicket.',
    })
    attachmentIds?: string[] | null,
  ) {
    return replySupervision(ctx, { id, reply, expectedVersion, attachmentIds });
  }

  @FieldResolver(() => Supervision, {
    nullable: true,
    description:
      'The latest supervision (督办/催办) of the case, open or answered; null if never supervised.',
  })
  supervision(@Root() ticket: TicketRow, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.latestSupervision.load(ticket.id);
  }
}

@Resolver(() => Supervision)
export class SupervisionFieldsResolver {
  @FieldResolver(() => Boolean, { description: 'OPEN and past its reply deadline now.' })
  overdue(@Root() supervision: SupervisionRow, @Ctx() ctx: GraphQLContext) {
    return isOverdue(supervision, ctx.clock.now());
  }

  @FieldResolver(() => Boolean, { description: 'Answered after its reply deadline.' })
  repliedLate(@Root() supervision: SupervisionRow) {
    return repliedLate(supervision);
  }

  @FieldResolver(() => Department, { description: 'The department responsible when it was supervised.' })
  department(@Root() supervision: SupervisionRow, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.department.load(supervision.departmentId);
  }

  @FieldResolver(() => User, { nullable: true, description: 'The manager who supervised the case.' })
  supervisedBy(@Root() supervision: SupervisionRow, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.user.load(supervision.supervisedById);
  }

  @FieldResolver(() => User, {
    nullable: true,
    description: 'Who replied; null for an API client or unanswered.',
  })
  repliedBy(@Root() supervision: SupervisionRow, @Ctx() ctx: GraphQLContext) {
    return supervision.repliedById ? ctx.loaders.user.load(supervision.repliedById) : null;
  }
}
