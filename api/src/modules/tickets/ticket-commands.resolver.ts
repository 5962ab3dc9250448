import type * as enums from '@hotline/schema';
import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { CloseReason, Satisfaction } from '../../graphql/enums.js';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { acceptTicket } from './accept-ticket.js';
import { assignTicket } from './assign-ticket.js';
import { closeTicket } from './close-ticket.js';
import { createTicket } from './create-ticket.js';
import { decideExtension } from './decide-extension.js';
import { dispatchTicket, reassignTicket } from './dispatch-ticket.js';
import { holdTicket, resumeTicket } from './hold-ticket.js';
import { recordFeedback } from './record-feedback.js';
import { requestExtension } from './request-extension.js';
import { resolveTicket } from './resolve-ticket.js';
import { returnTicket } from './return-ticket.js';
import { CreateTicketInput } from './tickets.input.js';
import { Ticket } from './tickets.type.js';

/** The ticket mutations: each a call into its use case (one file per command beside this one). */
@Resolver(() => Ticket)
export class TicketCommandResolver {
  @Mutation(() => Ticket)
  createTicket(@Arg('input', () => CreateTicketInput) input: CreateTicketInput, @Ctx() ctx: GraphQLContext) {
    return createTicket(ctx, input);
  }

  @Mutation(() => Ticket, {
    description:
      'Without departmentId the routing rules decide; with no match BAD_USER_INPUT. coHandlingDepartmentIds names co-handling departments (协办), each replying by coHandlingDueAt (default: half way to the resolution deadline).',
  })
  dispatchTicket(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: GraphQLContext,
    @Arg('departmentId', () => ID, { nullable: true }) departmentId?: string,
    @Arg('note', () => String, { nullable: true }) note?: string,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
    @Arg('coHandlingDepartmentIds', () => [ID], { nullable: true }) coHandlingDepartmentIds?: string[],
    @Arg('coHandlingDueAt', () => DateTimeScalar, { nullable: true }) coHandlingDueAt?: Date,
  ) {
    return dispatchTicket(ctx, {
      id,
      departmentId,
      note,
      expectedVersion,
      coHandlingDepartmentIds,
      coHandlingDueAt,
    });
  }

  @Mutation(() => Ticket)
  acceptTicket(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: GraphQLContext,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
  ) {
    return acceptTicket(ctx, { id, expectedVersion });
  }

  @Mutation(() => Ticket, { description: "Names the responsible person: a user of the ticket's department." })
  assignTicket(
    @Arg('id', () => ID) id: string,
    @Arg('userId', () => ID) userId: string,
    @Ctx() ctx: GraphQLContext,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
  ) {
    return assignTicket(ctx, { id, userId, expectedVersion });
  }

  @Mutation(() => Ticket)
  returnTicket(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: GraphQLContext,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
  ) {
    return returnTicket(ctx, { id, reason, expectedVersion });
  }

  @Mutation(() => Ticket, {
    description:
      "coHandlingDepartmentIds names the new lead's co-handlers (as dispatchTicket); the open parts of the previous ones are CANCELLED.",
  })
  reassignTicket(
    @Arg('id', () => ID) id: string,
    @Arg('departmentId', () => ID) departmentId: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: GraphQLContext,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
    @Arg('coHandlingDepartmentIds', () => [ID], { nullable: true }) coHandlingDepartmentIds?: string[],
    @Arg('coHandlingDueAt', () => DateTimeScalar, { nullable: true }) coHandlingDueAt?: Date,
  ) {
    return reassignTicket(ctx, {
      id,
      departmentId,
      reason,
      expectedVersion,
      coHandlingDepartmentIds,
      coHandlingDueAt,
    });
  }

  @Mutation(() => Ticket)
  holdTicket(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: GraphQLContext,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
  ) {
    return holdTicket(ctx, { id, reason, expectedVersion });
  }

  @Mutation(() => Ticket)
  resumeTicket(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: GraphQLContext,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
  ) {
    return resumeTicket(ctx, { id, expectedVersion });
  }

  @Mutation(() => Ticket)
  requestExtension(
    @Arg('id', () => ID) id: string,
    @Arg('until', () => DateTimeScalar) until: Date,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: GraphQLContext,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
  ) {
    return requestExtension(ctx, { id, until, reason, expectedVersion });
  }

  @Mutation(() => Ticket)
  decideExtension(
    @Arg('id', () => ID) id: string,
    @Arg('approve', () => Boolean) approve: boolean,
    @Ctx() ctx: GraphQLContext,
    @Arg('note', () => String, { nullable: true }) note?: string,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
  ) {
    return decideExtension(ctx, { id, approve, note, expectedVersion });
  }

  @Mutation(() => Ticket)
  resolveTicket(
    @Arg('id', () => ID) id: string,
    @Arg('reply', () => String) reply: string,
    @Ctx() ctx: GraphQLContext,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
    @Arg('attachmentIds', () => [ID], {
      nullable: true,
      description:
        'Files uploaded to this ticket beforehand (createAttachmentUpload), e.g. photos before and after, that the RESOLVED event carries (TicketEvent.attachments). BAD_USER_INPUT with reason ATTACHMENT_NOT_AVAILABLE for one that is not a ready file of this ticket free to attach.',
    })
    attachmentIds?: string[] | null,
  ) {
    return resolveTicket(ctx, { id, reply, expectedVersion, attachmentIds });
  }

  @Mutation(() => Ticket, {
    description: 'DISSATISFIED reopens the ticket to its department; otherwise it closes.',
  })
  recordFeedback(
    @Arg('id', () => ID) id: string,
    @Arg('satisfaction', () => Satisfaction) satisfaction: enums.Satisfaction,
    @Ctx() ctx: GraphQLContext,
    @Arg('comment', () => String, { nullable: true }) comment?: string,
  ) {
    return recordFeedback(ctx, { id, satisfaction, comment });
  }

  @Mutation(() => Ticket)
  closeTicket(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => CloseReason) reason: enums.CloseReason,
    @Ctx() ctx: GraphQLContext,
    @Arg('note', () => String, { nullable: true }) note?: string,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
  ) {
    return closeTicket(ctx, { id, reason, note, expectedVersion });
  }
}
