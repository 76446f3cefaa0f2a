import nodemailer, { type NodemailerError } from 'nodemailer';
import type { Attachment } from './outbox.js';

/** One message as the worker hands it to SMTP. */
export interface OutgoingMail {
  /** Stable per outbox row, so a receiver can tell a resend after a lost answer from a new mail. */
  messageId: string;
  from: string;
  to: { name: string; address: string };
  subject: string;
  text: string;
  html: string;
  attachments: Attachment[];
}

/** The SMTP server's answer to an accepted message. */
export interface SendResult {
  response: string;
}

/** Sends one message; throws a `SendFailure` when it was not accepted. */
export interface MailTransport {
  send(mail: OutgoingMail): Promise<SendResult>;
  close(): void;
}

/** Why a message was not accepted, and whether another attempt could succeed. */
export class SendFailure extends Error {
  constructor(
    message: string,
    /** The server's refusal (e.g. `550 5.1.1 No such user`), when it gave one. */
    readonly smtpResponse: string | null,
    /** True when the server refused this message for good (5xx): retrying gets the same answer. */
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = 'SendFailure';
  }
}

/**
 * The nodemailer SMTP transport for `SMTP_URL`. Timeouts stay well below the worker's lease, so
 * an attempt always ends (accepted or failed) before another instance may take the message over.
 */
export function createSmtpTransport(smtpUrl: string): MailTransport {
  // Settings in the URL's query (`?socketTimeout=…`) win over these defaults.
  const transporter = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
  return {
    async send(mail) {
      try {
        const info = await transporter.sendMail({
          messageId: mail.messageId,
          from: mail.from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          attachments: mail.attachments.map((a) => ({
            filename: a.filename,
            contentType: a.contentType,
            content: a.content,
          })),
        });
        return { response: info.response };
      } catch (err) {
        const failure = err as NodemailerError;
        throw new SendFailure(failure.message, failure.response ?? null, failure.permanent === true);
      }
    },
    close: () => transporter.close(),
  };
}
