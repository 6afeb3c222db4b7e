// SMTP through nodemailer. Without SMTP_URL there is no mailer and messages stay in the outbox,
// readable in the admin, so the product works without a mail server.
import nodemailer from 'nodemailer';
import type { Attachment } from './outbox.repo.ts';

export type Mail = { to: string; subject: string; text: string; messageId: string; attachments?: Attachment[] };
export type Mailer = { send: (mail: Mail) => Promise<void>; close: () => void };

export const FROM = '"Benchmark Eén tegen eenzaamheid" <benchmark@eentegeneenzaamheid.example>';

export function createMailer(smtpUrl: string | undefined, from = FROM): Mailer | undefined {
  if (!smtpUrl) return undefined;
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(mail) {
      await transport.sendMail({
        from, to: mail.to, subject: mail.subject, text: mail.text, messageId: mail.messageId,
        attachments: mail.attachments?.map((a) => ({ filename: a.filename, contentType: a.contentType, content: Buffer.from(a.base64, 'base64') })),
      });
    },
    close: () => transport.close(),
  };
}
