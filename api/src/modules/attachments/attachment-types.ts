import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '../../errors/app-error.js';

/** The kinds of file a ticket takes, by the extension file-type reports for their bytes. */
const KINDS = {
  jpg: { mime: 'image/jpeg', image: true },
  png: { mime: 'image/png', image: true },
  webp: { mime: 'image/webp', image: true },
  heic: { mime: 'image/heic', image: true },
  pdf: { mime: 'application/pdf', image: false },
  mp3: { mime: 'audio/mpeg', image: false },
  m4a: { mime: 'audio/mp4', image: false },
  wav: { mime: 'audio/wav', image: false },
  amr: { mime: 'audio/amr', image: false },
} as const;

export type AttachmentKind = keyof typeof KINDS;

/** The MIME types clients declare (browsers and phones spell some several ways), by kind. */
const DECLARED: Record<string, AttachmentKind> = {
  'image/jpeg': 'jpg',
  'image/jpg': 'jpg',
  'image/pjpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/heic': 'heic',
  'image/heif': 'heic',
  'application/pdf': 'pdf',
  'audio/mpeg': 'mp3',
  'audio/mp3': 'mp3',
  'audio/mp4': 'm4a',
  'audio/m4a': 'm4a',
  'audio/x-m4a': 'm4a',
  'audio/aac': 'm4a',
  'audio/wav': 'wav',
  'audio/wave': 'wav',
  'audio/x-wav': 'wav',
  'audio/vnd.wave': 'wav',
  'audio/amr': 'amr',
};

/** The declared types accepted, for messages and documentation. */
export const ACCEPTED_TYPES = Object.keys(DECLARED);

/** The kind of a declared MIME type; BAD_USER_INPUT (reason UNSUPPORTED_TYPE) for any other. */
export function declaredKind(declaredType: string): AttachmentKind {
  const kind = DECLARED[declaredType.trim().toLowerCase()];
  if (!kind) {
    throw new AppError('BAD_USER_INPUT', `Files of type ${declaredType} are not taken`, {
      field: 'declaredType',
      reason: 'UNSUPPORTED_TYPE',
    });
  }
  return kind;
}

/** The canonical MIME type a file of this kind is stored and served as. */
export function mimeOf(kind: AttachmentKind): string {
  return KINDS[kind].mime;
}

export function isImage(kind: AttachmentKind): boolean {
  return KINDS[kind].image;
}

/**
 * The kind of the bytes, sniffed from their signature (never from the name or the declared type):
 * BAD_USER_INPUT with reason UNSUPPORTED_TYPE when the bytes are none of the kinds taken, TYPE_MISMATCH
 * when they are another kind than the one declared.
 */
export async function sniffKind(bytes: Uint8Array, declared: AttachmentKind): Promise<AttachmentKind> {
  const sniffed = await fileTypeFromBuffer(bytes);
  const kind = sniffed && sniffed.ext in KINDS ? (sniffed.ext as AttachmentKind) : null;
  if (!kind) {
    throw new AppError('BAD_USER_INPUT', 'The file is none of the types taken', {
      reason: 'UNSUPPORTED_TYPE',
      sniffedType: sniffed?.mime ?? null,
    });
  }
  if (kind !== declared) {
    throw new AppError('BAD_USER_INPUT', `The file was declared ${mimeOf(declared)} but is ${mimeOf(kind)}`, {
      reason: 'TYPE_MISMATCH',
      sniffedType: mimeOf(kind),
    });
  }
  return kind;
}
