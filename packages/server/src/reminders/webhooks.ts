import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { MentorKitError } from '@mentorkit/core';
import { requireProgramAdmin } from '../access.js';
import type { Caller } from '../identity.js';
import { HttpError } from '../input.js';
import { allowlistAllows } from '../outbound.js';
import type { ServerSecrets } from '../secrets.js';

/**
 * Programme webhooks for reminders (issue 15, docs/reminders.md "Webhooks"): per programme, Slack and
 * Microsoft Teams incoming webhooks and generic webhooks for hosts (signed with HMAC-SHA-256). The URL
 * and the signing secret are stored encrypted with the server's secrets, bound to the webhook's id;
 * the signing secret is shown once, in the answer to the POST that creates it.
 */

export const WEBHOOK_KINDS = ['slack', 'teams', 'generic'] as const;
export type WebhookKind = (typeof WEBHOOK_KINDS)[number];

/** The languages a webhook's messages are worded in (the mails' languages). */
export const WEBHOOK_LANGUAGES = ['en', 'es'] as const;
export type WebhookLanguage = (typeof WEBHOOK_LANGUAGES)[number];

/** The words around a nudge's sentence in a Slack or Teams message. */
const WEBHOOK_TEXTS: Record<WebhookLanguage, { reminderFor: string; open: string }> = {
  en: { reminderFor: 'Reminder for', open: 'Open MentorKit' },
  es: { reminderFor: 'Recordatorio para', open: 'Abrir MentorKit' },
};

export interface Webhook {
  id: string;
  programId: string;
  kind: WebhookKind;
  /** The language of its messages (default `en`). */
  language: WebhookLanguage;
  url: string;
  /** Generic webhooks only: the HMAC key. */
  secret?: string;
}

type WebhookRow = {
  id: string;
  program_id: string;
  kind: WebhookKind;
  language: WebhookLanguage;
  url_sealed: string;
  secret_sealed: string | null;
  description: string | null;
  created_at: Date;
  created_by: string;
};

/** What a nudge's webhook delivery carries. */
export interface WebhookMessage {
  deliveryId: string;
  kind: string;
  code: string;
  params: Record<string, string | number>;
  personId: string;
  personName: string;
  pairingId: string;
  programId: string;
  sendAt: string;
  message: string;
  appUrl: string;
}

/** Slack mrkdwn: &, < and > are its control characters (https://api.slack.com/reference/surfaces/formatting#escaping). */
export const escapeMrkdwn = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Teams MessageCard text is Markdown with HTML let through: escape both. */
const escapeTeams = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]#|])/g, '\\$1');

/** The signature header of a generic webhook: `sha256=<hex HMAC-SHA-256 of timestamp + "." + body>`. */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex')}`;
}

/** The request a webhook gets for one nudge. */
export function webhookRequest(webhook: Webhook, message: WebhookMessage, at: Date): { body: string; headers: Record<string, string> } {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'idempotency-key': message.deliveryId };
  const words = WEBHOOK_TEXTS[webhook.language] ?? WEBHOOK_TEXTS.en;
  if (webhook.kind === 'slack') {
    const text = `${words.reminderFor} ${escapeMrkdwn(message.personName)}: ${escapeMrkdwn(message.message)} <${escapeMrkdwn(message.appUrl)}|${words.open}>`;
    return { body: JSON.stringify({ text }), headers };
  }
  if (webhook.kind === 'teams') {
    const summary = `${words.reminderFor} ${message.personName}`.slice(0, 200);
    const text = `**${words.reminderFor} ${escapeTeams(message.personName)}**: ${escapeTeams(message.message)}`;
    return {
      body: JSON.stringify({
        '@type': 'MessageCard',
        '@context': 'https://schema.org/extensions',
        summary,
        text,
        potentialAction: [{ '@type': 'OpenUri', name: words.open, targets: [{ os: 'default', uri: message.appUrl }] }],
      }),
      headers,
    };
  }
  const body = JSON.stringify({
    id: message.deliveryId,
    kind: message.kind,
    code: message.code,
    params: message.params,
    personId: message.personId,
    pairingId: message.pairingId,
    programId: message.programId,
    sendAt: message.sendAt,
    message: message.message,
  });
  const timestamp = String(Math.floor(at.getTime() / 1000));
  return {
    body,
    headers: { ...headers, 'x-mentorkit-timestamp': timestamp, 'x-mentorkit-signature': webhookSignature(webhook.secret ?? '', timestamp, body) },
  };
}

/** Whether an HTTP status is worth another attempt (5xx, 408, 429); other 4xx are not. */
export const retryableStatus = (status: number) => status >= 500 || status === 408 || status === 429;

/** Retry-After in seconds (delta or HTTP date), or undefined. */
export function retryAfterSeconds(value: string | null, at: Date): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - at.getTime()) / 1000));
}

export interface WebhookStoreOptions {
  pool: Pool;
  secrets: ServerSecrets;
  allowHosts: readonly string[];
  send(response: import('node:http').ServerResponse, status: number, body: unknown, headers?: Record<string, string>): void;
  readJson(request: import('node:http').IncomingMessage, limitBytes: number): Promise<unknown>;
  log(line: string): void;
  now(): Date;
}

export function createWebhookStore(options: WebhookStoreOptions) {
  const { pool, secrets, send } = options;
  const urlContext = (id: string) => `mentorkit webhook url v1\u0000${id}`;
  const secretContext = (id: string) => `mentorkit webhook secret v1\u0000${id}`;

  const open = (row: WebhookRow): Webhook => ({
    id: row.id,
    programId: row.program_id,
    kind: row.kind,
    language: row.language ?? 'en',
    url: secrets.decrypt(row.url_sealed, urlContext(row.id)),
    ...(row.secret_sealed ? { secret: secrets.decrypt(row.secret_sealed, secretContext(row.id)) } : {}),
  });

  /** What GET shows: the host, never the path (a Slack or Teams URL is itself the credential). */
  const describe = (row: WebhookRow) => {
    let host = '';
    try {
      host = new URL(secrets.decrypt(row.url_sealed, urlContext(row.id))).host;
    } catch {
      host = '(unreadable: sealed with another key)';
    }
    return {
      id: row.id,
      programId: row.program_id,
      kind: row.kind,
      language: row.language ?? 'en',
      host,
      ...(row.description ? { description: row.description } : {}),
      createdAt: row.created_at.toISOString(),
      createdBy: row.created_by,
    };
  };

  const parseCreate = (body: unknown): { kind: WebhookKind; url: URL; description?: string; language: WebhookLanguage } => {
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw new MentorKitError(
        'invalid-input',
        'Send a JSON object: { "kind": "slack" | "teams" | "generic", "url": "https://…", "description"?: "…", "language"?: "en" | "es" }.',
        { path: 'body' },
      );
    const record = body as Record<string, unknown>;
    for (const key of Object.keys(record))
      if (!['kind', 'url', 'description', 'language'].includes(key))
        throw new MentorKitError('invalid-input', `\`${key.slice(0, 50)}\` is not a webhook field; send kind, url, description and language.`, {
          path: key.slice(0, 50),
        });
    if (record.language !== undefined && !(WEBHOOK_LANGUAGES as readonly unknown[]).includes(record.language))
      throw new MentorKitError('invalid-input', '`language` must be "en" (English, the default) or "es" (Spanish).', { path: 'language' });
    if (!(WEBHOOK_KINDS as readonly unknown[]).includes(record.kind))
      throw new MentorKitError('invalid-input', '`kind` must be "slack", "teams" or "generic".', { path: 'kind' });
    if (typeof record.url !== 'string' || record.url.length > 2000)
      throw new MentorKitError('invalid-input', "`url` must be the webhook's address (a string of at most 2000 characters).", { path: 'url' });
    let url: URL;
    try {
      url = new URL(record.url);
    } catch {
      throw new MentorKitError('invalid-input', '`url` is not a valid URL.', { path: 'url' });
    }
    if (url.username || url.password) throw new MentorKitError('invalid-input', '`url` must not hold a user name or password.', { path: 'url' });
    const allowed = allowlistAllows(options.allowHosts, url.hostname);
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && allowed))
      throw new MentorKitError('invalid-input', "`url` must be https:// (http:// only for a host in the operator's MENTORKIT_FETCH_ALLOW_HOSTS).", {
        path: 'url',
      });
    if (record.description !== undefined && (typeof record.description !== 'string' || record.description.length > 200))
      throw new MentorKitError('invalid-input', '`description` must be a string of at most 200 characters.', { path: 'description' });
    return {
      kind: record.kind as WebhookKind,
      url,
      language: (record.language as WebhookLanguage | undefined) ?? 'en',
      ...(typeof record.description === 'string' ? { description: record.description } : {}),
    };
  };

  const authorize = (caller: Caller, programId: string) => requireProgramAdmin(pool, caller, programId, 'manages its webhooks');

  return {
    /** Webhooks of these programmes (URL and secret opened), by programme. */
    async ofPrograms(programIds: string[]): Promise<Map<string, Array<{ id: string; kind: WebhookKind }>>> {
      const { rows } = await pool.query<{ id: string; program_id: string; kind: WebhookKind }>(
        'SELECT id, program_id, kind FROM mk_program_webhooks WHERE program_id = ANY($1) ORDER BY created_at, id',
        [programIds],
      );
      const found = new Map<string, Array<{ id: string; kind: WebhookKind }>>();
      for (const row of rows) found.set(row.program_id, [...(found.get(row.program_id) ?? []), { id: row.id, kind: row.kind }]);
      return found;
    },
    async get(id: string): Promise<Webhook | undefined> {
      const { rows } = await pool.query<WebhookRow>('SELECT * FROM mk_program_webhooks WHERE id = $1', [id]);
      return rows[0] ? open(rows[0]) : undefined;
    },
    /** `/programs/<id>/webhooks[/<webhookId>]`. True when it answered. */
    async handle(
      caller: Caller,
      segments: string[],
      method: string,
      request: import('node:http').IncomingMessage,
      response: import('node:http').ServerResponse,
    ): Promise<boolean> {
      if (!(segments[0] === 'programs' && segments[2] === 'webhooks' && (segments.length === 3 || segments.length === 4))) return false;
      const programId = segments[1]!;
      await authorize(caller, programId);
      if (segments.length === 4) {
        if (method !== 'DELETE')
          throw new HttpError(405, new MentorKitError('unsupported', `${method} is not supported here; use DELETE.`, { path: 'method' }), { Allow: 'DELETE' });
        const { rowCount } = await pool.query('DELETE FROM mk_program_webhooks WHERE id = $1 AND program_id = $2', [segments[3], programId]);
        if (rowCount !== 1)
          throw new HttpError(
            404,
            new MentorKitError('not-found', `Programme "${programId.slice(0, 100)}" has no webhook "${segments[3]!.slice(0, 100)}".`, { path: 'webhookId' }),
          );
        await pool.query(
          "UPDATE mk_notification_deliveries SET status = 'skipped', skipped_reason = 'webhook removed', updated_at = $2 WHERE webhook_id = $1 AND status IN ('queued', 'failed')",
          [segments[3], options.now()],
        );
        options.log(`reminders: webhook ${segments[3]} of programme ${programId} removed`);
        response.statusCode = 204;
        response.end();
        return true;
      }
      if (method === 'GET') {
        const { rows } = await pool.query<WebhookRow>('SELECT * FROM mk_program_webhooks WHERE program_id = $1 ORDER BY created_at, id', [programId]);
        send(response, 200, { programId, webhooks: rows.map(describe) });
        return true;
      }
      if (method !== 'POST')
        throw new HttpError(405, new MentorKitError('unsupported', `${method} is not supported here; use GET or POST.`, { path: 'method' }), {
          Allow: 'GET, POST',
        });
      const input = parseCreate(await options.readJson(request, 8192));
      const id = randomUUID();
      const secret = input.kind === 'generic' ? `whsec_${randomBytes(32).toString('base64url')}` : undefined;
      const createdBy = caller.kind === 'person' ? caller.personId : 'service';
      const { rows } = await pool.query<WebhookRow>(
        'INSERT INTO mk_program_webhooks (id, program_id, kind, url_sealed, secret_sealed, description, created_by, created_at, language) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *',
        [
          id,
          programId,
          input.kind,
          secrets.encrypt(input.url.toString(), urlContext(id)),
          secret ? secrets.encrypt(secret, secretContext(id)) : null,
          input.description ?? null,
          createdBy,
          options.now(),
          input.language,
        ],
      );
      options.log(`reminders: ${input.kind} webhook ${id} added to programme ${programId} (${input.url.host}) by ${createdBy}`);
      send(response, 201, { ...describe(rows[0]!), ...(secret ? { secret } : {}) });
      return true;
    },
  };
}

export type WebhookStore = ReturnType<typeof createWebhookStore>;
