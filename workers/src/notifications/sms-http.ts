import type { NotificationSender, OutgoingMessage } from './channel.js';

const TIMEOUT_MS = 10_000;

export interface HttpSmsOptions {
  /** SMS_PROVIDER_URL: the provider (or a gateway in front of it) that takes the JSON below. */
  url: string;
  /** SMS_PROVIDER_TOKEN, sent as `Authorization: Bearer <token>`. */
  token?: string;
}

/**
 * The HTTP SMS adapter (docs/integration.md, "Notifications"): one POST per message with
 * `{"to", "text", "language", "reference"}`; any 2xx means accepted, anything else is retried.
 * The answer's body is not read: a provider may echo the number back.
 */
export function httpSmsSender(options: HttpSmsOptions): NotificationSender {
  return {
    channel: 'SMS',
    async send(message: OutgoingMessage) {
      const response = await fetch(options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'hotline-notifications/1',
          'idempotency-key': message.reference,
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        },
        body: JSON.stringify({
          to: message.to,
          text: message.body,
          language: message.language,
          reference: message.reference,
        }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      await response.body?.cancel();
      if (!response.ok) throw new Error(`SMS provider answered HTTP ${response.status}`);
    },
  };
}
