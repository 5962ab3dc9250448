import type { AttachmentRow, TicketRow } from '@hotline/schema';
import DataLoader from 'dataloader';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import type { TicketEventRow } from '../tickets/tickets.query.js';
import { Ticket, TicketEvent } from '../tickets/tickets.type.js';
import type { AttachmentSettings } from './attachment-settings.js';
import { CreateAttachmentUploadInput } from './attachments.input.js';
import { getAttachment, listAttachments, listEventAttachments, withLinks } from './attachments.service.js';
import { Attachment, AttachmentMedia, AttachmentUpload } from './attachments.type.js';
import { createAttachmentUpload } from './create-attachment-upload.js';

function settingsOf(ctx: GraphQLContext): AttachmentSettings {
  if (!ctx.attachments) throw new Error('attachments are not configured in this process');
  return ctx.attachments;
}

function toAttachment(row: AttachmentRow, ctx: GraphQLContext): Attachment {
  const view = withLinks(row, ctx.viewer, settingsOf(ctx), ctx.clock.now());
  const type = row.contentType ?? '';
  return {
    ...view,
    eventId: row.eventId == null ? null : String(row.eventId),
    contentType: type,
    media: type.startsWith('image/')
      ? AttachmentMedia.IMAGE
      : type.startsWith('audio/')
        ? AttachmentMedia.AUDIO
        : AttachmentMedia.DOCUMENT,
    createdAt: row.readyAt ?? row.createdAt,
  };
}

@Resolver(() => Attachment)
export class AttachmentResolver {
  @Mutation(() => AttachmentUpload, {
    description:
      'Reserves a file on a ticket and returns a one-use upload URL (docs/integration.md, "Attachments"). AGENT, MANAGER, ADMIN; a HANDLER on its department\'s tickets; an INTEGRATION on tickets it sees, PUBLIC only. BAD_USER_INPUT with extensions.reason UNSUPPORTED_TYPE, TOO_LARGE or TICKET_QUOTA.',
  })
  async createAttachmentUpload(
    @Arg('input', () => CreateAttachmentUploadInput) input: CreateAttachmentUploadInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AttachmentUpload> {
    const upload = await createAttachmentUpload(ctx, settingsOf(ctx), input);
    return {
      attachmentId: upload.attachment.id,
      uploadUrl: upload.uploadUrl,
      expiresAt: upload.expiresAt,
      maxBytes: upload.attachment.bytes,
    };
  }

  @Query(() => Attachment, {
    nullable: true,
    description:
      'An attachment with fresh links; null when its ticket is out of your scope or it is INTERNAL and you are an API client.',
  })
  async attachment(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    const row = await getAttachment(ctx, id);
    return row ? toAttachment(row, ctx) : null;
  }
}

@Resolver(() => Ticket)
export class TicketAttachmentsResolver {
  @FieldResolver(() => [Attachment], {
    description: 'Photos, documents and recordings, oldest first: API clients see PUBLIC ones only.',
  })
  async attachments(@Root() ticket: TicketRow, @Ctx() ctx: GraphQLContext) {
    const [rows = []] = await listAttachments(ctx, [ticket.id]);
    return rows.map((row) => toAttachment(row, ctx));
  }
}

/** Per request: the files of every event a response lists, in one query. */
const eventAttachmentLoaders = new WeakMap<GraphQLContext, DataLoader<number, AttachmentRow[]>>();

function eventAttachmentLoader(ctx: GraphQLContext): DataLoader<number, AttachmentRow[]> {
  let loader = eventAttachmentLoaders.get(ctx);
  if (!loader) {
    loader = new DataLoader((eventIds: readonly number[]) => listEventAttachments(ctx, eventIds));
    eventAttachmentLoaders.set(ctx, loader);
  }
  return loader;
}

@Resolver(() => TicketEvent)
export class TicketEventAttachmentsResolver {
  @FieldResolver(() => [Attachment], {
    description:
      'The files the action carried (attachmentIds of resolveTicket or addNote, or createAttachmentUpload with this eventId), oldest first: API clients see PUBLIC ones only.',
  })
  async attachments(@Root() event: TicketEventRow, @Ctx() ctx: GraphQLContext) {
    const rows = await eventAttachmentLoader(ctx).load(event.id);
    return rows.map((row) => toAttachment(row, ctx));
  }
}
