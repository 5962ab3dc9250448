import type { Db } from '@hotline/schema/client';
import { type RequestHandler, type Response, Router } from 'express';
import type { Clock } from '../clock.js';
import { AppError } from '../errors/app-error.js';
import { isVariant } from '../modules/attachments/attachment-links.js';
import type { AttachmentSettings } from '../modules/attachments/attachment-settings.js';
import { openAttachmentLink } from '../modules/attachments/attachments.service.js';
import { receiveAttachmentUpload } from '../modules/attachments/receive-attachment-upload.js';
import type { RequestLocals } from './request-log.js';

const STATUS: Partial<Record<string, number>> = {
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  BAD_USER_INPUT: 400,
  INVALID_TRANSITION: 409,
};

/**
 * `/attachments`: `PUT|POST /upload/:token` takes the raw bytes of an upload reserved by
 * createAttachmentUpload (no Authorization: the one-use token is the permission, so no CSRF surface on
 * /graphql opens); `GET /:id/:variant?expires&signature` serves a file for a signed, unexpired link.
 */
export function attachmentRoutes(deps: { db: Db; clock: Clock; settings: AttachmentSettings }): Router {
  const router = Router();
  const upload: RequestHandler = async (req, res) => {
    try {
      const bytes = await readCapped(req, deps.settings.maxBytes);
      if (!bytes) {
        answerError(
          res,
          new AppError('BAD_USER_INPUT', `A file may have at most ${deps.settings.maxBytes} bytes`, {
            reason: 'TOO_LARGE',
          }),
          413,
        );
        return;
      }
      const { attachment, ticketVersion } = await receiveAttachmentUpload(
        deps,
        String(req.params.token),
        bytes,
      );
      (res.locals as RequestLocals).log?.info(
        { attachmentId: attachment.id, ticketId: attachment.ticketId, bytes: attachment.bytes },
        'attachment uploaded',
      );
      res.status(201).json({
        attachment: {
          id: attachment.id,
          status: attachment.status,
          contentType: attachment.contentType,
          bytes: attachment.bytes,
        },
        ticketVersion,
      });
    } catch (error) {
      failed(res, error);
    }
  };
  router.put('/upload/:token', upload);
  router.post('/upload/:token', upload);

  router.get('/:id/:variant', async (req, res) => {
    try {
      const variant = String(req.params.variant);
      if (!isVariant(variant)) throw new AppError('NOT_FOUND', 'Attachment not found');
      const file = await openAttachmentLink(
        deps.db,
        deps.settings,
        {
          id: String(req.params.id),
          variant,
          expires: typeof req.query.expires === 'string' ? req.query.expires : '',
          signature: typeof req.query.signature === 'string' ? req.query.signature : '',
        },
        deps.clock.now(),
      );
      const body = await deps.settings.storage.get(file.key);
      if (!body) throw new AppError('NOT_FOUND', 'Attachment not found');
      res.status(200);
      res.type(file.contentType);
      const name =
        variant === 'thumbnail' ? `thumbnail-${file.attachment.fileName}.jpg` : file.attachment.fileName;
      res.setHeader('Content-Disposition', `inline; filename*=UTF-8''${encodeURIComponent(name)}`);
      // The link itself expires; a browser may keep what it fetched only for itself.
      res.setHeader('Cache-Control', `private, max-age=${deps.settings.linkTtlSeconds}`);
      for await (const chunk of body) {
        if (!res.write(chunk)) await new Promise((drained) => res.once('drain', drained));
      }
      res.end();
    } catch (error) {
      failed(res, error);
    }
  });
  return router;
}

/** The request body, or null when it passes `max` bytes (the rest is not read). */
async function readCapped(req: AsyncIterable<Buffer>, max: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of req) {
    total += chunk.length;
    if (total > max) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, total);
}

function answerError(res: Response, error: AppError, status?: number) {
  res.status(status ?? STATUS[error.code] ?? 400).json({
    errors: [{ message: error.message, extensions: { code: error.code, ...error.details } }],
  });
}

function failed(res: Response, error: unknown) {
  if (res.headersSent) {
    res.destroy(error as Error);
    return;
  }
  if (error instanceof AppError) {
    answerError(res, error);
    return;
  }
  (res.locals as RequestLocals).log?.error({ err: error }, 'attachment request failed');
  res.status(500).json({
    errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
  });
}
