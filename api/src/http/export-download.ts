import type { Db } from '@hotline/schema/client';
import { Queue } from 'bullmq';
import type { RequestHandler } from 'express';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import { AppError } from '../errors/app-error.js';
import { readChunks } from '../modules/exports/export-chunks.js';
import { CONTENT_TYPES, type ExportFormat } from '../modules/exports/export-writer.js';
import { EXPORT_QUEUE, takeExportDownload } from '../modules/exports/exports.service.js';
import type { RequestLocals } from './request-log.js';

/** The queue the API puts large exports on; the workers' `export` job family takes them. */
export function openExportQueue(redis: Redis, prefix: string, log: Logger) {
  let queue: Queue | undefined;
  return {
    enqueue: async (exportId: string) => {
      queue ??= new Queue(EXPORT_QUEUE, { connection: redis.duplicate(), prefix });
      queue.on('error', (error) => log.warn({ err: error }, 'export queue connection error'));
      // The job id is the export id: queuing twice (the workers' sweep) is harmless.
      await queue.add('export', { exportId }, { jobId: exportId, removeOnComplete: true, removeOnFail: 100 });
    },
    close: async () => {
      await queue?.close();
    },
  };
}

/**
 * `GET /exports/:id/download?token=...`: the finished file, streamed chunk by chunk from PostgreSQL,
 * for a token from `createExportDownload` (spent on use). Errors answer JSON with the contract's codes.
 */
export function exportDownloadHandler(db: Db, clock: Clock): RequestHandler {
  return async (req, res) => {
    const token = typeof req.query.token === 'string' ? req.query.token : '';
    try {
      const job = await takeExportDownload(db, clock, String(req.params.id), token);
      res.status(200);
      res.attachment(job.fileName);
      res.type(CONTENT_TYPES[job.format as ExportFormat]);
      res.setHeader('Content-Length', String(job.bytes));
      res.setHeader('Cache-Control', 'no-store');
      (res.locals as RequestLocals).log?.info({ exportId: job.id, viewer: job.ownerId }, 'export downloaded');
      for await (const chunk of readChunks(db, job.id)) {
        if (!res.write(chunk)) await new Promise((drained) => res.once('drain', drained));
      }
      res.end();
    } catch (error) {
      if (res.headersSent) {
        res.destroy(error as Error);
        return;
      }
      if (error instanceof AppError) {
        res.status(error.code === 'NOT_FOUND' ? 404 : 403).json({
          errors: [{ message: error.message, extensions: { code: error.code } }],
        });
        return;
      }
      (res.locals as RequestLocals).log?.error({ err: error }, 'export download failed');
      res.status(500).json({
        errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
      });
    }
  };
}
