import { join } from 'node:path';
import type { Db } from '@hotline/schema/client';
import type { Config } from '../../config.js';
import { type AttachmentStorage, PostgresAttachmentStorage } from './attachment-storage.js';
import { FileAttachmentStorage } from './file-attachment-storage.js';

export type AttachmentStorageConfig = Pick<
  Config,
  | 'ATTACHMENT_STORAGE'
  | 'DATA_DIR'
  | 'S3_ENDPOINT'
  | 'S3_BUCKET'
  | 'S3_REGION'
  | 'S3_ACCESS_KEY_ID'
  | 'S3_SECRET_ACCESS_KEY'
  | 'S3_FORCE_PATH_STYLE'
>;

/**
 * The storage ATTACHMENT_STORAGE names: PostgreSQL (the default, nothing else to run), a folder under
 * DATA_DIR, or an S3-compatible bucket. The AWS SDK is loaded only for `s3`, so the default start does not pay for it.
 */
export async function openAttachmentStorage(
  config: AttachmentStorageConfig | undefined,
  db: Db,
): Promise<AttachmentStorage> {
  if (config?.ATTACHMENT_STORAGE === 'filesystem') {
    return new FileAttachmentStorage(join(config.DATA_DIR, 'attachments'));
  }
  if (config?.ATTACHMENT_STORAGE !== 's3') return new PostgresAttachmentStorage(db);
  if (!config.S3_BUCKET) throw new Error('S3_BUCKET is required when ATTACHMENT_STORAGE=s3');
  const { S3AttachmentStorage } = await import('./s3-attachment-storage.js');
  return new S3AttachmentStorage({
    bucket: config.S3_BUCKET,
    endpoint: config.S3_ENDPOINT,
    region: config.S3_REGION,
    accessKeyId: config.S3_ACCESS_KEY_ID,
    secretAccessKey: config.S3_SECRET_ACCESS_KEY,
    forcePathStyle: config.S3_FORCE_PATH_STYLE,
  });
}
