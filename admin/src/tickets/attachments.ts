import { gql } from '../graphql/client';
import { graphql, type ResultOf } from '../graphql/graphql';

const TicketAttachments = graphql(`
  query TicketAttachments($id: ID!) {
    ticket(id: $id) {
      id
      attachments {
        id visibility fileName contentType media bytes width height createdAt downloadUrl thumbnailUrl linksExpireAt
      }
    }
  }
`);

const CreateUpload = graphql(`
  mutation CreateAttachmentUpload($input: CreateAttachmentUploadInput!) {
    createAttachmentUpload(input: $input) { attachmentId uploadUrl expiresAt maxBytes }
  }
`);

export type TicketAttachment = NonNullable<
  ResultOf<typeof TicketAttachments>['ticket']
>['attachments'][number];

/** A ticket's files with fresh signed links (they expire after minutes: fetch again to open later). */
export const fetchAttachments = (id: string): Promise<TicketAttachment[]> =>
  gql(TicketAttachments, { id }).then((data) => data.ticket?.attachments ?? []);

/** The error an upload URL answered, with its stable reason (TYPE_MISMATCH, UNSUPPORTED_TYPE, TOO_LARGE, ...). */
export class UploadError extends Error {
  constructor(
    message: string,
    readonly reason: string | undefined,
  ) {
    super(message);
    this.name = 'UploadError';
  }
}

/** The MIME type of a file, from the browser or (when it gives none, as for .amr or .heic) its name. */
function typeOf(file: File): string {
  if (file.type) return file.type;
  const extension = file.name.split('.').pop()?.toLowerCase() ?? '';
  const byExtension: Record<string, string> = {
    heic: 'image/heic',
    heif: 'image/heif',
    amr: 'audio/amr',
    m4a: 'audio/mp4',
    mp3: 'audio/mpeg',
    wav: 'audio/wav',
    pdf: 'application/pdf',
  };
  return byExtension[extension] ?? 'application/octet-stream';
}

/**
 * Uploads one file to a ticket: reserves it (createAttachmentUpload, which checks type, size and scope),
 * then sends the bytes to the one-use upload URL, reporting progress from 0 to 1. Answers the
 * attachment's id (an action may then carry it: resolveTicket's attachmentIds) and the ticket's version
 * after the upload.
 */
export async function uploadAttachment(
  ticketId: string,
  file: File,
  visibility: 'INTERNAL' | 'PUBLIC',
  onProgress: (fraction: number) => void,
): Promise<{ id: string; ticketVersion: number }> {
  const { createAttachmentUpload } = await gql(CreateUpload, {
    input: { ticketId, fileName: file.name, declaredType: typeOf(file), size: file.size, visibility },
  });
  const ticketVersion = await new Promise<number>((done, fail) => {
    const request = new XMLHttpRequest();
    request.open('PUT', createAttachmentUpload.uploadUrl);
    // The upload URL is the permission; the session token is not needed, nor sent, there.
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      if (request.status >= 200 && request.status < 300) {
        onProgress(1);
        done((JSON.parse(request.responseText) as { ticketVersion: number }).ticketVersion);
        return;
      }
      try {
        const body = JSON.parse(request.responseText) as {
          errors?: { message: string; extensions?: { reason?: string } }[];
        };
        const error = body.errors?.[0];
        fail(new UploadError(error?.message ?? `HTTP ${request.status}`, error?.extensions?.reason));
      } catch {
        fail(new UploadError(`HTTP ${request.status}`, undefined));
      }
    };
    request.onerror = () => fail(new UploadError('Network error', 'NETWORK'));
    request.send(file);
  });
  return { id: createAttachmentUpload.attachmentId, ticketVersion };
}
