import {
  DeleteObjectsCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import type { AttachmentStorage } from './attachment-storage.js';

/** Where an S3-compatible bucket is and how to sign in to it (config S3_*, see README). */
export interface S3StorageOptions {
  bucket: string;
  /** e.g. `https://s3.cn-north-1.amazonaws.com.cn` or a MinIO/Ceph URL; unset: AWS's endpoint for the region. */
  endpoint?: string;
  region: string;
  /** Unset: the SDK's default chain (environment, instance or task role). */
  accessKeyId?: string;
  secretAccessKey?: string;
  /** `bucket` in the path instead of the host name: MinIO, Ceph and most self-hosted servers want it. */
  forcePathStyle: boolean;
}

/** One DeleteObjects request takes at most this many keys (S3's limit). */
const DELETE_BATCH = 1000;

/**
 * Attachment files in an S3-compatible bucket, one object per key (`<attachment id>/<variant>`). Downloads
 * still go through the API's own signed links, which stream the object: the bucket stays private and a
 * link means the same whichever storage holds the file.
 */
export class S3AttachmentStorage implements AttachmentStorage {
  private readonly client: S3Client;

  constructor(private readonly options: S3StorageOptions) {
    this.client = new S3Client({
      endpoint: options.endpoint,
      region: options.region,
      forcePathStyle: options.forcePathStyle,
      credentials:
        options.accessKeyId && options.secretAccessKey
          ? { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey }
          : undefined,
    });
  }

  async put(key: string, data: Buffer): Promise<void> {
    await this.client.send(new PutObjectCommand({ Bucket: this.options.bucket, Key: key, Body: data }));
  }

  async get(key: string): Promise<AsyncIterable<Buffer> | null> {
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: key }));
      // In Node the body is a Readable: it yields Buffers as they arrive, never the whole object at once.
      return (object.Body as AsyncIterable<Buffer> | undefined) ?? null;
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async deletePrefix(prefix: string): Promise<void> {
    let continuationToken: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({
          Bucket: this.options.bucket,
          Prefix: prefix,
          MaxKeys: DELETE_BATCH,
          ContinuationToken: continuationToken,
        }),
      );
      const keys = (page.Contents ?? []).flatMap((object) => (object.Key ? [{ Key: object.Key }] : []));
      if (keys.length > 0) {
        const result = await this.client.send(
          new DeleteObjectsCommand({ Bucket: this.options.bucket, Delete: { Objects: keys, Quiet: true } }),
        );
        const failed = result.Errors?.[0];
        if (failed) throw new Error(`S3 refused to delete ${failed.Key}: ${failed.Code} ${failed.Message}`);
      }
      continuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (continuationToken);
  }

  /** Closes the client's sockets (process shutdown, tests). */
  close(): void {
    this.client.destroy();
  }
}

function isMissing(error: unknown): boolean {
  if (error instanceof NoSuchKey) return true;
  // Some S3-compatible servers answer a bare 404 without the NoSuchKey code.
  return error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404;
}
