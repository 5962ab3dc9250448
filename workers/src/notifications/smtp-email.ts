import nodemailer from 'nodemailer';
import type { NotificationSender, OutgoingMessage } from './channel.js';

export interface SmtpOptions {
  /** SMTP_URL: smtp://user:pass@host:587 (STARTTLS when offered) or smtps://host:465. */
  url: string;
  /** SMTP_FROM. */
  from: string;
}

/** E-mail over SMTP with nodemailer, one pooled transport per worker process. */
export function smtpEmailSender(options: SmtpOptions): NotificationSender {
  const transport = nodemailer.createTransport(options.url, { from: options.from });
  return {
    channel: 'EMAIL',
    async send(message: OutgoingMessage) {
      await transport.sendMail({
        from: options.from,
        to: message.to,
        subject: message.subject,
        text: message.body,
        headers: { 'X-Hotline-Reference': message.reference },
      });
    },
    async close() {
      transport.close();
    },
  };
}
