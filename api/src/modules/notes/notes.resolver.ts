import type { TicketRow, NoteVisibility as Visibility } from '@hotline/schema';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { NoteVisibility } from '../../graphql/enums.js';
import { Ticket, TicketEvent } from '../tickets/tickets.type.js';
import { User } from '../users/users.type.js';
import { addNote } from './add-note.js';
import { listNotes, listPublicNotes, type TicketNoteRow } from './notes.service.js';
import { TicketNote } from './notes.type.js';

@Resolver(() => Ticket)
export class TicketNotesResolver {
  @Mutation(() => Ticket, {
    description:
      "A note at any time, in any status: INTERNAL (staff only) or PUBLIC (also integrations, the feed and the ticket.note_added webhook). AGENT, MANAGER, ADMIN; a HANDLER on its department's tickets. Raises version.",
  })
  addNote(
    @Arg('ticketId', () => ID) ticketId: string,
    @Arg('body', () => String) body: string,
    @Arg('visibility', () => NoteVisibility) visibility: Visibility,
    @Ctx() ctx: GraphQLContext,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
    @Arg('attachmentIds', () => [ID], {
      nullable: true,
      description:
        'Files uploaded to this ticket beforehand that the note carries (TicketEvent.attachments); as for resolveTicket.',
    })
    attachmentIds?: string[] | null,
  ) {
    return addNote(ctx, { id: ticketId, body, visibility, expectedVersion, attachmentIds });
  }

  @FieldResolver(() => [TicketNote], {
    description: 'The notes the viewer may read, oldest first: API clients see only PUBLIC ones.',
  })
  notes(@Root() ticket: TicketRow, @Ctx() ctx: GraphQLContext) {
    return listNotes(ctx, ticket.id).then(toNotes);
  }

  @FieldResolver(() => [TicketNote], {
    description: "PUBLIC notes only, oldest first: what the caller's side reads.",
  })
  publicNotes(@Root() ticket: TicketRow, @Ctx() ctx: GraphQLContext) {
    return listPublicNotes(ctx.db, ticket.id).then(toNotes);
  }
}

function toNotes(rows: TicketNoteRow[]) {
  return rows.map((row) => ({ ...row, id: String(row.id) }));
}

@Resolver(() => TicketNote)
export class TicketNoteResolver {
  @FieldResolver(() => User, {
    nullable: true,
    description: 'The staff user who wrote it; null for an API client.',
  })
  author(@Root() note: TicketNoteRow, @Ctx() ctx: GraphQLContext) {
    return note.authorId ? ctx.loaders.user.load(note.authorId) : null;
  }
}

@Resolver(() => TicketEvent)
export class TicketEventVisibilityResolver {
  @FieldResolver(() => NoteVisibility, { nullable: true, description: 'NOTE_ADDED: who may read the note.' })
  visibility(@Root() event: { visibility: Visibility | null }) {
    return event.visibility;
  }
}
