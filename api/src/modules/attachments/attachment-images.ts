import sharp from 'sharp';
import type { AttachmentKind } from './attachment-types.js';

/** Longest side of a thumbnail, in pixels. */
export const THUMBNAIL_SIZE = 320;

export interface ImageVariants {
  /** The picture upright (EXIF orientation applied), same format, with no metadata: no EXIF, no GPS. */
  publicCopy: Buffer;
  /** A small JPEG for galleries, without metadata. */
  thumbnail: Buffer;
  width: number;
  height: number;
}

/**
 * The variants of an image, or null when sharp cannot decode it (HEIC: the prebuilt sharp reads AVIF
 * but not HEVC-coded HEIC; such photos are kept without thumbnail and without a stripped copy).
 */
export async function makeImageVariants(bytes: Buffer, kind: AttachmentKind): Promise<ImageVariants | null> {
  try {
    // sharp writes no metadata unless asked (keepMetadata/withMetadata): what it outputs has no EXIF or GPS.
    const upright = sharp(bytes, { failOn: 'error' }).rotate();
    const format = kind === 'png' ? 'png' : kind === 'webp' ? 'webp' : 'jpeg';
    const { data: publicCopy, info } = await upright
      .clone()
      .toFormat(format)
      .toBuffer({ resolveWithObject: true });
    const thumbnail = await upright
      .clone()
      .resize(THUMBNAIL_SIZE, THUMBNAIL_SIZE, { fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 75 })
      .toBuffer();
    return { publicCopy, thumbnail, width: info.width, height: info.height };
  } catch {
    return null;
  }
}
