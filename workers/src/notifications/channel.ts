import type { NotificationChannel } from '@hotline/schema';

/** One message to one caller, rendered. */
export interface OutgoingMessage {
  /** The delivery id: the provider's reference, the same on every attempt. */
  reference: string;
  /** Phone number (SMS) or e-mail address; never logged. */
  to: string;
  subject: string;
  body: string;
  language: string;
}

/**
 * A way to reach callers. `send` resolves once the provider accepted the message and rejects
 * otherwise; its error message must not contain the recipient (it is stored in the attempt log).
 */
export interface NotificationSender {
  channel: NotificationChannel;
  send(message: OutgoingMessage): Promise<void>;
  close?(): Promise<void>;
}

/** An error text without the recipient, without any e-mail address or phone-like digits. */
export function redactRecipient(text: string, recipient: string): string {
  return text
    .split(recipient)
    .join('[recipient]')
    .replace(/[^\s<>()"',;:]+@[^\s<>()"',;:]+/g, '[address]')
    .replace(/\d{7,}/g, '[digits]')
    .slice(0, 500);
}
