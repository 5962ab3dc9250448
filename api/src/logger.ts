import pino, { type DestinationStream, type Logger } from 'pino';
import { redactText, serializeError } from './log-redaction.js';

/**
 * JSON logs; personal data fields are redacted wherever they appear, errors lose their query
 * parameters, and phone-like digit runs in messages and errors are masked.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      redact: {
        paths: [
          'callerPhone',
          '*.callerPhone',
          '*.*.callerPhone',
          'phone',
          '*.phone',
          'password',
          '*.password',
          'req.headers.authorization',
          'headers.authorization',
        ],
        censor: '[redacted]',
      },
      serializers: { err: serializeError },
      hooks: {
        logMethod(args, method) {
          const redacted = args.map((arg) => (typeof arg === 'string' ? redactText(arg) : arg));
          return method.apply(this, redacted as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}

export type { Logger };
