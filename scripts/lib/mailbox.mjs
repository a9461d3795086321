// A mailbox for the demos and tests: a real SMTP server (the `smtp-server` package, on loopback) that
// keeps every message it accepts, parsed with `mailparser`, and a small web page that shows them — so
// a person trying `npm run demo:server` reads the reminder mails MentorKit's server sends, with their
// headers, in both parts, and can follow the unsubscribe link. Nothing leaves this machine.
//
//   const mailbox = await startMailbox();
//   mailbox.smtpUrl   smtp://127.0.0.1:<port>      give it to the server (MENTORKIT_SMTP_URL)
//   mailbox.url       http://127.0.0.1:<port>/     the page (newest first); /mails.json the same as JSON
//   await mailbox.waitFor((mail) => mail.to.includes('maria@…'))
import http from 'node:http';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** `text` with &, <, >, " and ' escaped, for HTML text and attribute values. */
function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character]);
}

/** A header as it was sent (mailparser turns List-* headers into objects), unfolded. */
function rawHeader(parsed, name) {
  return (
    parsed.headerLines
      .find((line) => line.key === name.toLowerCase())
      ?.line.replace(/\r?\n[ \t]+/g, ' ')
      .replace(/^[^:]*:\s*/, '') ?? ''
  );
}

const addressesOf = (field) =>
  (Array.isArray(field) ? field : field ? [field] : []).flatMap((entry) => entry.value.map((value) => value.address ?? '')).filter(Boolean);

/**
 * One received message, as the page and the tests read it.
 * @typedef {{ id: number, receivedAt: string, from: string, to: string[], subject: string, date: string | null,
 *   messageId: string, language: string, nudge: string, listUnsubscribe: string, listUnsubscribePost: string,
 *   unsubscribeUrl: string | null, text: string, html: string, parsed: import('mailparser').ParsedMail }} MailboxMail
 */

/**
 * Starts the SMTP server and the page. Stop both with `close()`.
 * @param {{ host?: string, smtpPort?: number, httpPort?: number, log?: (line: string) => void, maxMails?: number }} [options]
 */
export async function startMailbox(options = {}) {
  const host = options.host ?? '127.0.0.1';
  const maxMails = options.maxMails ?? 500;
  const log = options.log ?? (() => undefined);
  /** @type {MailboxMail[]} */
  const mails = [];
  const waiters = new Set();
  let nextId = 1;

  const receive = (parsed) => {
    const listUnsubscribe = rawHeader(parsed, 'List-Unsubscribe');
    const mail = {
      id: nextId++,
      receivedAt: new Date().toISOString(),
      from: parsed.from?.text ?? '',
      to: addressesOf(parsed.to),
      subject: parsed.subject ?? '',
      date: parsed.date ? parsed.date.toISOString() : null,
      messageId: parsed.messageId ?? '',
      language: rawHeader(parsed, 'Content-Language'),
      nudge: rawHeader(parsed, 'X-MentorKit-Nudge'),
      listUnsubscribe,
      listUnsubscribePost: rawHeader(parsed, 'List-Unsubscribe-Post'),
      unsubscribeUrl: /<(https?:[^>]+)>/.exec(listUnsubscribe)?.[1] ?? null,
      text: parsed.text ?? '',
      html: typeof parsed.html === 'string' ? parsed.html : '',
      parsed,
    };
    mails.push(mail);
    if (mails.length > maxMails) mails.shift();
    log(`mailbox: received "${mail.subject}" for ${mail.to.length} recipient(s)`);
    for (const waiter of waiters) waiter();
  };

  const smtp = new SMTPServer({
    authOptional: true,
    // Loopback only: no TLS to offer and no accounts to check.
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 10 * 1024 * 1024,
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (parsed) => {
          receive(parsed);
          callback();
        },
        (error) => callback(error),
      );
    },
  });
  await new Promise((resolve, reject) => {
    smtp.once('error', reject);
    smtp.listen(options.smtpPort ?? 0, host, () => resolve());
  });
  const smtpPort = smtp.server.address().port;

  const page = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://mailbox.invalid');
    const headers = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { ...headers, allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }).end('GET only.\n');
      return;
    }
    if (url.pathname === '/mails.json') {
      response.writeHead(200, { ...headers, 'content-type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify(mails.map(({ parsed, ...mail }) => mail)));
      return;
    }
    const part = /^\/mails\/(\d+)\.html$/.exec(url.pathname);
    if (part) {
      const mail = mails.find((candidate) => candidate.id === Number(part[1]));
      if (!mail || !mail.html) {
        response.writeHead(404, { ...headers, 'content-type': 'text/plain; charset=utf-8' }).end('No such message, or it has no HTML part.\n');
        return;
      }
      // The mail's own HTML, as a mail client shows it: no scripts, no requests, links open a new tab.
      response.writeHead(200, {
        ...headers,
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': "sandbox allow-popups allow-popups-to-escape-sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:",
      });
      response.end(mail.html.replace(/<head>/i, '<head><base target="_blank">'));
      return;
    }
    if (url.pathname !== '/') {
      response.writeHead(404, { ...headers, 'content-type': 'text/plain; charset=utf-8' }).end('Not found: the mailbox is at /.\n');
      return;
    }
    response.writeHead(200, {
      ...headers,
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
    });
    response.end(renderPage(mails, `smtp://${host}:${smtpPort}`));
  });
  await new Promise((resolve, reject) => {
    page.once('error', reject);
    page.listen(options.httpPort ?? 0, host, () => resolve());
  });
  const url = `http://${host}:${page.address().port}/`;

  return {
    smtpUrl: `smtp://${host}:${smtpPort}`,
    url,
    /** Every message received so far, oldest first (at most `maxMails`). */
    mails,
    /**
     * The first message `holds` accepts, waiting for it when none has come yet.
     * @param {(mail: MailboxMail) => boolean} holds
     * @param {number} [timeoutMs]
     * @returns {Promise<MailboxMail>}
     */
    waitFor(holds, timeoutMs = 30_000) {
      const found = mails.find(holds);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `no such mail within ${timeoutMs} ms; received: ${mails.map((mail) => `"${mail.subject}" to ${mail.to.join(', ')}`).join('; ') || 'nothing'}`,
            ),
          );
        }, timeoutMs);
        const check = () => {
          const mail = mails.find(holds);
          if (!mail) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(mail);
        };
        waiters.add(check);
      });
    },
    async close() {
      await new Promise((resolve) => smtp.close(() => resolve()));
      page.closeAllConnections?.();
      await new Promise((resolve) => page.close(() => resolve()));
    },
  };
}

function renderPage(mails, smtpUrl) {
  const time = (iso) =>
    iso
      ? new Date(iso)
          .toISOString()
          .replace('T', ' ')
          .replace(/\.\d+Z$/, ' UTC')
      : '—';
  const items = [...mails]
    .reverse()
    .map(
      (mail) => `
<article aria-labelledby="mail-${mail.id}">
  <h2 id="mail-${mail.id}">${escapeHtml(mail.subject || '(no subject)')}</h2>
  <dl>
    <dt>To</dt><dd>${escapeHtml(mail.to.join(', '))}</dd>
    <dt>From</dt><dd>${escapeHtml(mail.from)}</dd>
    <dt>Sent</dt><dd><time datetime="${escapeHtml(mail.date ?? '')}">${escapeHtml(time(mail.date))}</time></dd>
    ${mail.language ? `<dt>Language</dt><dd>${escapeHtml(mail.language)}</dd>` : ''}
    ${mail.nudge ? `<dt>Reminder</dt><dd>${escapeHtml(mail.nudge)}</dd>` : ''}
    ${mail.listUnsubscribe ? `<dt>List-Unsubscribe</dt><dd>${escapeHtml(mail.listUnsubscribe)}${mail.listUnsubscribePost ? ` (${escapeHtml(mail.listUnsubscribePost)})` : ''}</dd>` : ''}
  </dl>
  <pre>${escapeHtml(mail.text)}</pre>
  ${mail.html ? `<p><a href="/mails/${mail.id}.html">The HTML part</a></p>` : ''}
  ${mail.unsubscribeUrl ? `<p><a href="${escapeHtml(mail.unsubscribeUrl)}">Unsubscribe (the page behind the mail's link)</a></p>` : ''}
</article>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><link rel="icon" href="data:,"><title>Demo mailbox (${mails.length})</title>
<style>
  body { font-family: system-ui, sans-serif; line-height: 1.5; max-width: 48rem; margin: 0 auto; padding: 1rem; color: #1a1a1a; }
  article { border: 1px solid #d4d4d4; border-radius: 0.5rem; padding: 0.75rem 1rem; margin: 1rem 0; overflow-wrap: anywhere; }
  h2 { font-size: 1.125rem; margin: 0 0 0.5rem; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 0 1rem; margin: 0; font-size: 0.875rem; }
  dt { font-weight: 600; }
  dd { margin: 0; }
  @media (max-width: 30rem) { dl { grid-template-columns: 1fr; } dd { margin-bottom: 0.25rem; } }
  pre { white-space: pre-wrap; background: #f5f5f5; padding: 0.75rem; border-radius: 0.375rem; }
  a { color: #1d4ed8; }
</style></head>
<body><main>
<h1>Demo mailbox</h1>
<p>Every mail sent to <code>${escapeHtml(smtpUrl)}</code> since the demo started, newest first. Nothing leaves this machine. <a href="/">Refresh</a></p>
${items || "<p>No mail yet. Reminders go out at each person's next working hour.</p>"}
</main></body></html>
`;
}
