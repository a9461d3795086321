import type http from 'node:http';
import type { Pool } from 'pg';
import { MentorKitError, isCalendarDate, isProgramAdmin } from '@mentorkit/core';
import { REPORT_TABLES, programmeReport, reportCsv, type ProgrammeReport, type ProgrammeReportInput, type ReportTable } from '@mentorkit/core/report';
import { loadPolicyContext } from './access.js';
import type { Caller } from './identity.js';
import { HttpError } from './input.js';

/**
 * The programme report on the server: `GET /programs/<programId>/report?from=YYYY-MM-DD&to=YYYY-MM-DD[&timeZone=…]`
 * answers core's `programmeReport` (the same computation the browser runs) over every stored record of the
 * programme, including the metadata of its messages (who sent one and when — never their text), which a
 * programme admin cannot read in the browser, so the median response time is available here.
 * `&format=csv&table=<summary|pairs|mentors|at-risk|rating-trend>` answers one table as an RFC 4180 CSV
 * attachment (core's `reportCsv`), for HR's spreadsheets and scripts.
 *
 * Only the programme's admins (and a service) may read it; for anyone else the programme does not exist
 * (404, the same answer as an unknown id).
 */
export interface ReportServiceOptions {
  pool: Pool;
  send(response: http.ServerResponse, status: number, body: unknown, headers?: Record<string, string>): void;
  now?: () => Date;
}

export interface ReportService {
  /** `/programs/<id>/report`. True when it answered. */
  handle(caller: Caller, segments: string[], method: string, url: URL, response: http.ServerResponse): Promise<boolean>;
}

type Row = { data: Record<string, unknown> };

const ALLOWED_PARAMETERS = new Set(['from', 'to', 'timeZone', 'format', 'table']);

export function createReportService(options: ReportServiceOptions): ReportService {
  const { pool, send } = options;
  const now = options.now ?? (() => new Date());

  const notFound = (programId: string) =>
    new HttpError(404, new MentorKitError('not-found', `There is no programme "${programId.slice(0, 100)}".`, { path: 'programId' }));

  const readInput = async (
    caller: Caller,
    programId: string,
    period: { from: string; to: string },
    timeZone: string | undefined,
  ): Promise<ProgrammeReportInput> => {
    const { rows: programs } = await pool.query<Row>("SELECT data FROM mk_records WHERE collection = 'programs' AND NOT deleted AND id = $1", [programId]);
    if (programs.length === 0) throw notFound(programId);
    if (caller.kind === 'person' && !isProgramAdmin(await loadPolicyContext(pool), caller.personId, programId)) throw notFound(programId);
    const { rows: pairingRows } = await pool.query<Row>(
      "SELECT data FROM mk_records WHERE collection = 'pairings' AND NOT deleted AND data->>'programId' = $1 ORDER BY id",
      [programId],
    );
    const pairings = pairingRows.map((row) => row.data);
    const pairingIds = pairings.map((pairing) => String(pairing.id));
    const personIds = [
      ...new Set(
        pairings
          .flatMap((pairing) => [pairing.menteeId, ...(Array.isArray(pairing.mentorIds) ? pairing.mentorIds : [])])
          .filter((id): id is string => typeof id === 'string'),
      ),
    ];
    const ofPairings = (collection: string) =>
      pool.query<Row>("SELECT data FROM mk_records WHERE collection = $1 AND NOT deleted AND data->>'pairingId' = ANY($2) ORDER BY id", [
        collection,
        pairingIds,
      ]);
    const [people, sessions, goals, feedback, agreements, concerns, messages] = await Promise.all([
      pool.query<Row>(
        "SELECT data FROM mk_records WHERE collection = 'people' AND NOT deleted AND (id = ANY($1) OR (data->'programIds')::jsonb @> to_jsonb($2::text)) ORDER BY id",
        [personIds, programId],
      ),
      ofPairings('sessions'),
      ofPairings('goals'),
      ofPairings('feedback'),
      ofPairings('agreements'),
      // Only the status and the pairing of a concern: what it says stays with the admins' queue.
      pool.query<{ pairingId: string | null; status: string | null }>(
        "SELECT data->>'pairingId' AS \"pairingId\", data->>'status' AS status FROM mk_records WHERE collection = 'concerns' AND NOT deleted AND data->>'pairingId' = ANY($1)",
        [pairingIds],
      ),
      // Who wrote and when, never the text.
      pool.query<{ id: string; pairingId: string; authorId: string; sentAt: string | null; createdAt: string | null }>(
        "SELECT id, data->>'pairingId' AS \"pairingId\", data->>'authorId' AS \"authorId\", data->>'sentAt' AS \"sentAt\", data->>'createdAt' AS \"createdAt\" FROM mk_records WHERE collection = 'messages' AND NOT deleted AND data->>'pairingId' = ANY($1) AND data->>'deletedAt' IS NULL ORDER BY id",
        [pairingIds],
      ),
    ]);
    const data = <T>(result: { rows: Row[] }) => result.rows.map((row) => row.data) as unknown as T;
    return {
      programId,
      period,
      ...(timeZone === undefined ? {} : { timeZone }),
      now: now().toISOString(),
      programs: data(programs.length ? { rows: programs } : { rows: [] }),
      people: data(people),
      pairings: pairings as unknown as ProgrammeReportInput['pairings'],
      sessions: data(sessions),
      goals: data(goals),
      feedback: data(feedback),
      agreements: data(agreements),
      concerns: concerns.rows
        .filter((row) => typeof row.status === 'string')
        .map((row) => ({ ...(row.pairingId ? { pairingId: row.pairingId } : {}), status: row.status! })),
      messages: messages.rows.map((row) => ({
        id: row.id,
        pairingId: row.pairingId,
        authorId: row.authorId,
        ...(row.sentAt ? { sentAt: row.sentAt } : {}),
        ...(row.createdAt ? { createdAt: row.createdAt } : {}),
      })),
    };
  };

  const parameters = (url: URL) => {
    for (const key of url.searchParams.keys()) {
      if (!ALLOWED_PARAMETERS.has(key))
        throw new MentorKitError(
          'invalid-input',
          `\`${key.slice(0, 50)}\` is not a parameter of the report; send from, to, and optionally timeZone, format and table.`,
          { path: key.slice(0, 50) },
        );
    }
    const date = (name: 'from' | 'to') => {
      const value = url.searchParams.get(name);
      if (value === null)
        throw new MentorKitError('invalid-input', `\`${name}\` is required: the ${name === 'from' ? 'first' : 'last'} day of the period, as YYYY-MM-DD.`, {
          path: name,
        });
      if (!isCalendarDate(value))
        throw new MentorKitError('invalid-input', `\`${name}\` must be a date as YYYY-MM-DD, got "${String(value).slice(0, 40)}".`, { path: name });
      return value;
    };
    const period = { from: date('from'), to: date('to') };
    const timeZone = url.searchParams.get('timeZone') ?? undefined;
    const format = url.searchParams.get('format') ?? 'json';
    if (format !== 'json' && format !== 'csv') throw new MentorKitError('invalid-input', '`format` must be "json" or "csv".', { path: 'format' });
    const table = url.searchParams.get('table');
    if (format === 'csv' && (table === null || !(REPORT_TABLES as readonly string[]).includes(table))) {
      throw new MentorKitError('invalid-input', `\`table\` must name the table to export as CSV: ${REPORT_TABLES.join(', ')}.`, { path: 'table' });
    }
    if (format === 'json' && table !== null)
      throw new MentorKitError('invalid-input', '`table` applies to format=csv only; the JSON report holds every table.', { path: 'table' });
    return { period, timeZone, format, table: table as ReportTable | null };
  };

  const fileName = (report: ProgrammeReport, table: string) =>
    `${report.programId}-${table}-${report.period.from}-${report.period.to}.csv`.replace(/[^A-Za-z0-9._-]/g, '_');

  return {
    async handle(caller, segments, method, url, response) {
      if (!(segments.length === 3 && segments[0] === 'programs' && segments[2] === 'report')) return false;
      if (method !== 'GET')
        throw new HttpError(405, new MentorKitError('unsupported', `${method} is not supported here; use GET.`, { path: 'method' }), { Allow: 'GET' });
      const programId = segments[1]!;
      const { period, timeZone, format, table } = parameters(url);
      const report = programmeReport(await readInput(caller, programId, period, timeZone));
      if (format === 'json') {
        send(response, 200, report);
        return true;
      }
      send(response, 200, reportCsv(report, table!), {
        'Content-Type': 'text/csv; charset=utf-8; header=present',
        'Content-Disposition': `attachment; filename="${fileName(report, table!)}"`,
      });
      return true;
    },
  };
}
