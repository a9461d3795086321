// Types for scripts/lib/mailbox.mjs, so TypeScript tests can import it.
import type { ParsedMail } from 'mailparser';

export interface MailboxMail {
  id: number;
  receivedAt: string;
  from: string;
  /** Every recipient address. */
  to: string[];
  subject: string;
  /** The mail's Date header (ISO), or null. */
  date: string | null;
  messageId: string;
  /** Content-Language. */
  language: string;
  /** X-MentorKit-Nudge: the reminder kind, or `digest`. */
  nudge: string;
  listUnsubscribe: string;
  listUnsubscribePost: string;
  unsubscribeUrl: string | null;
  text: string;
  html: string;
  parsed: ParsedMail;
}

export interface Mailbox {
  smtpUrl: string;
  url: string;
  mails: MailboxMail[];
  waitFor(holds: (mail: MailboxMail) => boolean, timeoutMs?: number): Promise<MailboxMail>;
  close(): Promise<void>;
}

export declare function startMailbox(options?: {
  host?: string;
  smtpPort?: number;
  httpPort?: number;
  log?: (line: string) => void;
  maxMails?: number;
}): Promise<Mailbox>;
