import { randomBytes } from 'node:crypto';
import type http from 'node:http';
import type { Pool } from 'pg';
import { MentorKitError } from '@mentorkit/core';
import { certificateEligibility, type CertificateEligibility } from '@mentorkit/core/certificates';
import type { Caller } from '../identity.js';
import { HttpError } from '../input.js';
import { queryRecords, readRecord } from '../store.js';
import { CERTIFICATE_WORDS, certificatePdf, formatDay, formatHours, type CertificateFacts, type CertificateLanguage } from './pdf.js';

/**
 * Certificates of participation (docs/certificates.md): who may have one for a finished pairing
 * (core's `certificateEligibility` over the stored records), issuing them (by the person when
 * eligible, by a programme admin at any time with a reason), the PDF, the public verification page
 * and revocation. The facts printed are frozen at issue time in `mk_certificates`.
 *
 *   GET    /pairings/<pairingId>/certificates   members: their own entry; programme admins: every member's
 *   POST   /pairings/<pairingId>/certificates   { personId, reason? }: 201 issued, 200 already issued
 *   GET    /certificates/<id>.pdf              the holder or a programme admin
 *   DELETE /certificates/<id>                  a programme admin revokes it
 *   GET    /verify/<id>                        anyone, no sign-in: HTML, or JSON with Accept: application/json
 */

export interface CertificateServiceOptions {
  pool: Pool;
  log: (line: string) => void;
  send: (response: http.ServerResponse, status: number, body: unknown, headers?: Record<string, string>) => void;
  /** Answers with bytes or text as they are (the PDF, the verification page). */
  sendBody: (response: http.ServerResponse, status: number, body: string | Uint8Array, headers: Record<string, string>) => void;
  readJson: (request: http.IncomingMessage, limitBytes: number) => Promise<unknown>;
  /** MENTORKIT_PUBLIC_URL: the base of the addresses printed on certificates; else the request's own host. */
  publicUrl?: string;
  now?: () => Date;
}

interface CertificateRow {
  id: string;
  program_id: string;
  pairing_id: string;
  person_id: string;
  issued_at: Date;
  issued_by: string;
  reason: string | null;
  revoked_at: Date | null;
  revoked_by: string | null;
  facts: CertificateFacts;
}

type PairingRecord = {
  id: string;
  programId: string;
  menteeId: string;
  mentorIds: string[];
  status: string;
  startedOn?: string;
  endedOn?: string;
  createdAt?: string;
};
type ProgramRecord = { id: string; name: string; adminIds?: string[]; certificateSessions?: number };

const CERTIFICATE_ID = /^[A-Za-z0-9_-]{22}$/;
const REASON_LIMIT = 500;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

export function createCertificateService(options: CertificateServiceOptions) {
  const { pool } = options;
  const now = options.now ?? (() => new Date());

  const baseUrl = (request: http.IncomingMessage) => {
    if (options.publicUrl) return options.publicUrl.replace(/\/+$/, '');
    const host = String(request.headers.host ?? 'localhost').replace(/[^A-Za-z0-9.:[\]-]/g, '');
    return `http://${host}`;
  };
  const linksOf = (request: http.IncomingMessage, id: string) => ({
    pdfUrl: `${baseUrl(request)}/certificates/${id}.pdf`,
    verifyUrl: `${baseUrl(request)}/verify/${id}`,
  });
  const summaryOf = (request: http.IncomingMessage, row: CertificateRow) => ({
    id: row.id,
    issuedAt: row.issued_at.toISOString(),
    ...(row.reason ? { reason: row.reason, issuedBy: row.issued_by } : {}),
    ...linksOf(request, row.id),
  });

  const notFound = (what: string) => new HttpError(404, new MentorKitError('not-found', what, { path: 'url' }));

  /** The pairing, its programme and what the caller is to it; 404 for anyone who is neither member nor admin. */
  const pairingFor = async (caller: Caller, pairingId: string) => {
    const pairing = (await readRecord(pool, 'pairings', pairingId)) as unknown as PairingRecord | undefined;
    const program = pairing ? ((await readRecord(pool, 'programs', pairing.programId)) as unknown as ProgramRecord | undefined) : undefined;
    const members = pairing ? [pairing.menteeId, ...pairing.mentorIds] : [];
    const isAdmin = caller.kind === 'service' || (!!program && (program.adminIds ?? []).includes(caller.personId));
    const isMember = caller.kind === 'person' && members.includes(caller.personId);
    if (!pairing || !program || !(isAdmin || isMember)) throw notFound(`There is no pairing "${pairingId.slice(0, 100)}" you may see.`);
    return { pairing, program, members, isAdmin, isMember };
  };

  const eligibilityOf = async (pairing: PairingRecord, program: ProgramRecord, personIds: readonly string[]): Promise<Map<string, CertificateEligibility>> => {
    const [sessions, feedback, goals, agreements] = await Promise.all([
      queryRecords(pool, 'sessions', { pairingId: pairing.id }),
      queryRecords(pool, 'feedback', { pairingId: pairing.id }),
      queryRecords(pool, 'goals', { pairingId: pairing.id }),
      queryRecords(pool, 'agreements', { pairingId: pairing.id }),
    ]);
    const agreement = agreements[0] as unknown as { pairingId: string; plannedSessions?: number } | undefined;
    return new Map(
      personIds.map((personId) => [
        personId,
        certificateEligibility({
          pairing: pairing as never,
          personId,
          sessions: sessions as never,
          feedback: feedback as never,
          goals: goals as never,
          program: program as never,
          ...(agreement ? { agreement } : {}),
        }),
      ]),
    );
  };

  const activeCertificates = async (pairingId: string): Promise<CertificateRow[]> =>
    (await pool.query<CertificateRow>('SELECT * FROM mk_certificates WHERE pairing_id = $1 AND revoked_at IS NULL ORDER BY issued_at', [pairingId])).rows;

  const readCertificate = async (id: string): Promise<CertificateRow | undefined> => {
    if (!CERTIFICATE_ID.test(id)) return undefined;
    return (await pool.query<CertificateRow>('SELECT * FROM mk_certificates WHERE id = $1', [id])).rows[0];
  };

  const mayAdminister = async (caller: Caller, programId: string) => {
    if (caller.kind === 'service') return true;
    const program = (await readRecord(pool, 'programs', programId)) as unknown as ProgramRecord | undefined;
    return !!program && (program.adminIds ?? []).includes(caller.personId);
  };

  const nameOf = async (personId: string) => {
    const person = (await readRecord(pool, 'people', personId)) as unknown as { displayName?: string } | undefined;
    return typeof person?.displayName === 'string' && person.displayName.trim() !== '' ? person.displayName : personId;
  };

  // ─── routes ───────────────────────────────────────────────────────────────────────────────────

  const list = async (caller: Caller, pairingId: string, request: http.IncomingMessage, response: http.ServerResponse) => {
    const { pairing, program, members, isAdmin } = await pairingFor(caller, pairingId);
    const shown = isAdmin ? members : [(caller as { personId: string }).personId];
    const eligibility = await eligibilityOf(pairing, program, shown);
    const certificates = await activeCertificates(pairing.id);
    options.send(
      response,
      200,
      shown.map((personId) => {
        const certificate = certificates.find((row) => row.person_id === personId);
        return { personId, eligibility: eligibility.get(personId), ...(certificate ? { certificate: summaryOf(request, certificate) } : {}) };
      }),
    );
  };

  const issue = async (caller: Caller, pairingId: string, request: http.IncomingMessage, response: http.ServerResponse) => {
    const { pairing, program, members, isAdmin } = await pairingFor(caller, pairingId);
    const body = await options.readJson(request, 4096);
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw new MentorKitError(
        'invalid-input',
        'Send a JSON object: { "personId": "<a member of the pairing>", "reason"?: "<why, when an admin issues it by hand>" }.',
        { path: 'body' },
      );
    const { personId, reason } = body as { personId?: unknown; reason?: unknown };
    if (typeof personId !== 'string' || personId === '')
      throw new MentorKitError('invalid-input', '`personId` must be the id of a member of the pairing.', { path: 'personId' });
    if (reason !== undefined && (typeof reason !== 'string' || reason.trim() === '' || reason.length > REASON_LIMIT))
      throw new MentorKitError('invalid-input', `\`reason\` must be text of 1–${REASON_LIMIT} characters saying why the certificate is issued by hand.`, {
        path: 'reason',
      });
    if (!isAdmin && personId !== (caller as { personId: string }).personId)
      throw new HttpError(
        403,
        new MentorKitError('forbidden', 'You can only ask for your own certificate; a programme admin issues one for someone else.', { path: 'personId' }),
      );
    if (!members.includes(personId))
      throw new MentorKitError('invalid-input', `"${personId.slice(0, 100)}" is not a member of this pairing: certificates are for its mentee and mentor(s).`, {
        path: 'personId',
      });

    const existing = (await activeCertificates(pairing.id)).find((row) => row.person_id === personId);
    if (existing) return options.send(response, 200, summaryOf(request, existing));

    const eligibility = (await eligibilityOf(pairing, program, [personId])).get(personId)!;
    const byHand = !eligibility.eligible;
    if (byHand && !isAdmin) {
      throw new HttpError(
        403,
        new MentorKitError(
          'forbidden',
          `No certificate yet: ${eligibility.missing.map((code) => (code === 'pairing-not-ended' ? 'the pairing has not ended' : code === 'sessions' ? `${eligibility.sessionsHeld} of ${eligibility.required} sessions held` : `feedback given in ${eligibility.sessionsWithFeedback} of ${eligibility.required} sessions`)).join('; ')}.`,
          { path: 'personId', details: { missing: eligibility.missing } },
        ),
      );
    }
    if (byHand && typeof reason !== 'string')
      throw new MentorKitError(
        'invalid-input',
        `${personId.slice(0, 100)} is not eligible yet (${eligibility.missing.join(', ')}): say why you issue the certificate by hand in \`reason\`.`,
        { path: 'reason' },
      );

    const facts: CertificateFacts = {
      personName: await nameOf(personId),
      role: personId === pairing.menteeId ? 'mentee' : personId === pairing.mentorIds[0] ? 'mentor' : 'co-mentor',
      programName: program.name,
      from: eligibility.from,
      to: eligibility.to,
      sessionsHeld: eligibility.sessionsHeld,
      mentoringMinutes: eligibility.mentoringMinutes,
      goalsAchieved: eligibility.goalsAchieved,
    };
    const id = randomBytes(16).toString('base64url');
    const issuedBy = caller.kind === 'service' ? 'service' : caller.personId;
    // One live certificate per person and pairing (a unique index): a request racing this one gets the same certificate.
    const inserted = await pool.query<CertificateRow>(
      `INSERT INTO mk_certificates (id, program_id, pairing_id, person_id, issued_at, issued_by, reason, facts) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (pairing_id, person_id) WHERE revoked_at IS NULL DO NOTHING RETURNING *`,
      [id, program.id, pairing.id, personId, now(), issuedBy, typeof reason === 'string' ? reason.trim() : null, JSON.stringify(facts)],
    );
    const row = inserted.rows[0] ?? (await activeCertificates(pairing.id)).find((candidate) => candidate.person_id === personId);
    if (!row) throw new MentorKitError('storage-error', 'The certificate could not be stored; try again.');
    if (inserted.rows[0])
      options.log(`certificates: ${row.id} issued to ${personId} for pairing ${pairing.id} by ${issuedBy}${row.reason ? ' (by hand)' : ''}`);
    options.send(response, inserted.rows[0] ? 201 : 200, summaryOf(request, row));
  };

  const languageOf = (request: http.IncomingMessage, url: URL): CertificateLanguage => {
    const asked = url.searchParams.get('lang') ?? String(request.headers['accept-language'] ?? '');
    return /^\s*es\b/i.test(asked) ? 'es' : 'en';
  };

  const pdf = async (caller: Caller, id: string, request: http.IncomingMessage, url: URL, response: http.ServerResponse) => {
    const row = await readCertificate(id);
    const allowed = row && ((caller.kind === 'person' && caller.personId === row.person_id) || (await mayAdminister(caller, row.program_id)));
    if (!row || !allowed) throw notFound(`There is no certificate "${id.slice(0, 100)}" you may download.`);
    if (row.revoked_at) throw notFound('This certificate was revoked; it can no longer be downloaded.');
    const bytes = await certificatePdf({
      id: row.id,
      facts: row.facts,
      issuedAt: row.issued_at.toISOString(),
      verifyUrl: linksOf(request, row.id).verifyUrl,
      language: languageOf(request, url),
    });
    options.sendBody(response, 200, bytes, {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="certificate-${row.id}.pdf"`,
      'Cache-Control': 'private, no-store',
    });
  };

  const revoke = async (caller: Caller, id: string, request: http.IncomingMessage, response: http.ServerResponse) => {
    const row = await readCertificate(id);
    if (!row || !(await mayAdminister(caller, row.program_id))) throw notFound(`There is no certificate "${id.slice(0, 100)}" you may revoke.`);
    const by = caller.kind === 'service' ? 'service' : caller.personId;
    const updated = (
      await pool.query<CertificateRow>(
        'UPDATE mk_certificates SET revoked_at = COALESCE(revoked_at, $2), revoked_by = COALESCE(revoked_by, $3) WHERE id = $1 RETURNING *',
        [id, now(), by],
      )
    ).rows[0]!;
    if (!row.revoked_at) options.log(`certificates: ${id} revoked by ${by}`);
    options.send(response, 200, { ...summaryOf(request, updated), revokedAt: updated.revoked_at!.toISOString() });
  };

  const verify = async (id: string, request: http.IncomingMessage, url: URL, response: http.ServerResponse) => {
    const row = await readCertificate(id);
    const wantsJson = /application\/json/i.test(String(request.headers.accept ?? ''));
    const language = languageOf(request, url);
    const pageWords = VERIFY_WORDS[language];
    if (!row) {
      if (wantsJson) throw notFound('There is no certificate with this id.');
      return options.sendBody(response, 404, verifyPage(language, pageWords.unknownTitle, `<p>${escapeHtml(pageWords.unknown)}</p>`), HTML_HEADERS);
    }
    const { facts } = row;
    const status = row.revoked_at ? 'revoked' : 'valid';
    if (wantsJson) {
      return options.send(response, 200, {
        id: row.id,
        status,
        valid: status === 'valid',
        name: facts.personName,
        role: facts.role,
        programme: facts.programName,
        from: facts.from,
        to: facts.to,
        sessionsHeld: facts.sessionsHeld,
        mentoringMinutes: facts.mentoringMinutes,
        goalsAchieved: facts.goalsAchieved,
        issuedAt: row.issued_at.toISOString(),
        ...(row.revoked_at ? { revokedAt: row.revoked_at.toISOString() } : {}),
      });
    }
    const words = CERTIFICATE_WORDS[language];
    const rows: Array<[string, string]> = [
      [pageWords.name, facts.personName],
      [pageWords.programme, facts.programName],
      ...(facts.from && facts.to ? [[pageWords.dates, words.period(formatDay(facts.from, language), formatDay(facts.to, language))] as [string, string]] : []),
      [pageWords.hours, words.hours(formatHours(facts.mentoringMinutes, language), facts.sessionsHeld)],
      [pageWords.issuedOn, formatDay(row.issued_at.toISOString(), language)],
    ];
    const goals =
      facts.goalsAchieved.length > 0
        ? `<h2>${escapeHtml(words.goals)}</h2><ul>${facts.goalsAchieved.map((goal) => `<li>${escapeHtml(goal)}</li>`).join('')}</ul>`
        : '';
    const verdict = row.revoked_at
      ? `<p class="revoked" role="status"><strong>${escapeHtml(pageWords.revoked(formatDay(row.revoked_at.toISOString(), language)))}</strong></p>`
      : `<p class="valid" role="status"><strong>${escapeHtml(pageWords.valid)}</strong></p>`;
    const body = `${verdict}<dl>${rows.map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd>${escapeHtml(value)}</dd>`).join('')}</dl>${goals}`;
    options.sendBody(response, 200, verifyPage(language, words.title, body), HTML_HEADERS);
  };

  /** `/verify/<id>`: no sign-in. True when it answered. */
  const handlePublic = async (segments: string[], method: string, request: http.IncomingMessage, url: URL, response: http.ServerResponse): Promise<boolean> => {
    if (!(segments.length === 2 && segments[0] === 'verify')) return false;
    if (method !== 'GET' && method !== 'HEAD')
      throw new HttpError(405, new MentorKitError('unsupported', `${method} is not supported here; use GET.`, { path: 'method' }), { Allow: 'GET' });
    await verify(segments[1]!, request, url, response);
    return true;
  };

  /** `/pairings/<id>/certificates`, `/certificates/<id>.pdf`, `/certificates/<id>`. True when it answered. */
  const handle = async (
    caller: Caller,
    segments: string[],
    method: string,
    request: http.IncomingMessage,
    url: URL,
    response: http.ServerResponse,
  ): Promise<boolean> => {
    if (segments.length === 3 && segments[0] === 'pairings' && segments[2] === 'certificates') {
      if (method === 'GET' || method === 'HEAD') return (await list(caller, segments[1]!, request, response), true);
      if (method === 'POST') return (await issue(caller, segments[1]!, request, response), true);
      throw new HttpError(405, new MentorKitError('unsupported', `${method} is not supported here; use GET or POST.`, { path: 'method' }), {
        Allow: 'GET, POST',
      });
    }
    if (segments.length === 2 && segments[0] === 'certificates') {
      const name = segments[1]!;
      if (name.endsWith('.pdf')) {
        if (method !== 'GET' && method !== 'HEAD')
          throw new HttpError(405, new MentorKitError('unsupported', `${method} is not supported here; use GET.`, { path: 'method' }), { Allow: 'GET' });
        await pdf(caller, name.slice(0, -4), request, url, response);
        return true;
      }
      if (method !== 'DELETE')
        throw new HttpError(405, new MentorKitError('unsupported', `${method} is not supported here; use DELETE (or GET …/<id>.pdf).`, { path: 'method' }), {
          Allow: 'DELETE',
        });
      await revoke(caller, name, request, response);
      return true;
    }
    return false;
  };

  return { handle, handlePublic };
}

export type CertificateService = ReturnType<typeof createCertificateService>;

const HTML_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

const VERIFY_WORDS = {
  en: {
    valid: 'This certificate is valid.',
    revoked: (date: string) => `This certificate was revoked on ${date}; it is no longer valid.`,
    unknownTitle: 'Certificate not found',
    unknown: 'No certificate has this address. Check that it was copied in full.',
    name: 'Name',
    programme: 'Programme',
    dates: 'Dates',
    hours: 'Mentoring',
    issuedOn: 'Issued on',
  },
  es: {
    valid: 'Este certificado es válido.',
    revoked: (date: string) => `Este certificado fue revocado el ${date}; ya no es válido.`,
    unknownTitle: 'Certificado no encontrado',
    unknown: 'Ningún certificado tiene esta dirección. Compruebe que se copió completa.',
    name: 'Nombre',
    programme: 'Programa',
    dates: 'Fechas',
    hours: 'Mentoría',
    issuedOn: 'Emitido el',
  },
} as const;

function verifyPage(language: CertificateLanguage, title: string, body: string): string {
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 0; padding: 1rem; color: #1f2433; background: #fff; line-height: 1.5; }
  main { max-width: 40rem; margin: 2rem auto; }
  .valid { color: #14532d; } .revoked { color: #8a1c1c; }
  dt { font-weight: 600; } dd { margin: 0 0 0.75rem; overflow-wrap: anywhere; }
  @media (prefers-color-scheme: dark) { body { background: #111827; color: #f3f4f6; } .valid { color: #86efac; } .revoked { color: #fca5a5; } }
</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
${body}
</main>
</body>
</html>
`;
}
