import type { NoteVisibility as Visibility } from '@hotline/schema';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { NoteVisibility } from '../../graphql/enums.js';
import { DateTimeScalar } from '../../graphql/scalars.js';

export enum AttachmentMedia {
  IMAGE = 'IMAGE',
  DOCUMENT = 'DOCUMENT',
  AUDIO = 'AUDIO',
}
registerEnumType(AttachmentMedia, {
  name: 'AttachmentMedia',
  description: 'IMAGE: jpeg, png, webp, heic; DOCUMENT: pdf; AUDIO: mp3, m4a, wav, amr (call recordings).',
});

@ObjectType({
  simpleResolvers: true,
  description:
    'A photo, document or call recording on a ticket. Links are short-lived and signed: ask for the attachment again for fresh ones.',
})
export class Attachment {
  @Field(() => ID)
  id!: string;
  @Field(() => ID, {
    nullable: true,
    description: 'The ticket event it documents (e.g. the RESOLVED reply); null: the ticket.',
  })
  eventId!: string | null;
  @Field(() => NoteVisibility, {
    description: "INTERNAL: staff only. PUBLIC: also the caller's side and integrations.",
  })
  visibility!: Visibility;
  @Field(() => String)
  fileName!: string;
  @Field(() => String, {
    description: 'Sniffed from the bytes (image/jpeg, application/pdf, audio/mpeg, ...).',
  })
  contentType!: string;
  @Field(() => AttachmentMedia)
  media!: AttachmentMedia;
  @Field(() => Int)
  bytes!: number;
  @Field(() => Int, {
    nullable: true,
    description: 'Pixels, upright; null for documents, recordings and undecodable photos.',
  })
  width!: number | null;
  @Field(() => Int, { nullable: true })
  height!: number | null;
  @Field(() => DateTimeScalar, { description: 'When the upload completed.' })
  createdAt!: Date;
  @Field(() => String, {
    nullable: true,
    description:
      'Signed link to the file: staff get the original; API clients the copy without EXIF/GPS (null for a photo no such copy could be made of, e.g. HEIC).',
  })
  downloadUrl!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Signed link to a JPEG thumbnail (images sharp decodes).',
  })
  thumbnailUrl!: string | null;
  @Field(() => DateTimeScalar, { description: 'When downloadUrl and thumbnailUrl stop working.' })
  linksExpireAt!: Date;
}

@ObjectType({ simpleResolvers: true, description: 'An upload reserved by createAttachmentUpload.' })
export class AttachmentUpload {
  @Field(() => ID, { description: 'The attachment it becomes once the bytes arrive.' })
  attachmentId!: string;
  @Field(() => String, {
    description:
      'PUT or POST the raw bytes here once (no GraphQL, no Authorization needed) before expiresAt.',
  })
  uploadUrl!: string;
  @Field(() => DateTimeScalar)
  expiresAt!: Date;
  @Field(() => Int, { description: 'The most bytes the upload may have (the size declared).' })
  maxBytes!: number;
}
