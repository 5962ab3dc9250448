import type { NoteVisibility as Visibility } from '@hotline/schema';
import { Field, ID, InputType, Int } from 'type-graphql';
import { NoteVisibility } from '../../graphql/enums.js';

@InputType({ description: 'A file to be uploaded to a ticket; the server checks the bytes against it.' })
export class CreateAttachmentUploadInput {
  @Field(() => ID)
  ticketId!: string;
  @Field(() => String, {
    description: 'Shown and offered on download; folders are dropped; at most 200 characters.',
  })
  fileName!: string;
  @Field(() => String, {
    description:
      'MIME type: image/jpeg, image/png, image/webp, image/heic, application/pdf, audio/mpeg, audio/mp4 (m4a), audio/wav, audio/amr.',
  })
  declaredType!: string;
  @Field(() => Int, {
    description: 'Bytes to be sent: at most ATTACHMENT_MAX_BYTES, and within the ticket quota.',
  })
  size!: number;
  @Field(() => NoteVisibility, { description: 'API clients may add PUBLIC files only.' })
  visibility!: Visibility;
  @Field(() => ID, {
    nullable: true,
    description: 'A ticket event the file documents, e.g. the RESOLVED reply.',
  })
  eventId?: string | null;
}
