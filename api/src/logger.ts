import pino, { type Logger } from 'pino';

/** JSON logs; personal data fields are redacted wherever they appear. */
export function createLogger(level: string): Logger {
  return pino({
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
  });
}

export type { Logger };
