import { invalidInput } from '../model/validate.js';
import { REPORT_TABLES, type ProgrammeReport, type ReportTable } from './types.js';

/** The CSV columns of each table, in order. Stable: extend at the end, never rename. */
const COLUMNS = {
  summary: [
    'program_id',
    'program_name',
    'period_from',
    'period_to',
    'time_zone',
    'generated_at',
    'pairs_total',
    'pairs_proposed',
    'pairs_active',
    'pairs_paused',
    'pairs_closed',
    'sessions_held',
    'sessions_missed',
    'sessions_cancelled',
    'sessions_scheduled',
    'mentoring_minutes',
    'goals_set',
    'goals_achieved',
    'goals_missed',
    'feedback_notes',
    'average_rating',
    'response_median_minutes',
    'response_replies',
    'pairs_at_risk',
  ],
  pairs: [
    'pairing_id',
    'status',
    'mentee_id',
    'mentee_name',
    'mentor_ids',
    'mentor_names',
    'sessions_held',
    'sessions_missed',
    'mentoring_minutes',
    'goals_set',
    'goals_achieved',
    'goals_missed',
    'average_rating',
    'last_activity_at',
    'at_risk',
  ],
  mentors: ['mentor_id', 'name', 'active_mentees', 'capacity', 'sessions_held', 'mentoring_minutes', 'average_rating', 'notes'],
  'at-risk': ['pairing_id', 'mentee_id', 'mentor_ids', 'reasons', 'quiet_days', 'sessions_missed', 'average_rating', 'goals_missed', 'concerns_open'],
  'rating-trend': ['month', 'notes', 'average_rating'],
} as const satisfies Record<ReportTable, readonly string[]>;

function checkTable(table: unknown): ReportTable {
  if (!(REPORT_TABLES as readonly unknown[]).includes(table))
    invalidInput('table', `\`table\` must be one of ${REPORT_TABLES.map((name) => `"${name}"`).join(', ')} (got ${JSON.stringify(table)}).`);
  return table as ReportTable;
}

/** The stable snake_case column names of a report table's CSV, in order. */
export function reportColumns(table: ReportTable): readonly string[] {
  return COLUMNS[checkTable(table)];
}

type Cell = string | number | boolean | null | undefined;

/** Several values in one cell: `; ` between them. */
const LIST_SEPARATOR = '; ';

/**
 * One CSV field: numbers plain (`.` decimal), null as empty; text that a spreadsheet would run as a
 * formula (starting with `=`, `+`, `-`, `@`, tab or CR) is prefixed with `'`; fields with `,`, `"`,
 * CR or LF are quoted with quotes doubled (RFC 4180).
 */
export function csvField(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function rowsOf(report: ProgrammeReport, table: ReportTable): Cell[][] {
  switch (table) {
    case 'summary': {
      const { totals } = report;
      return [
        [
          report.programId,
          report.programName,
          report.period.from,
          report.period.to,
          report.timeZone,
          report.generatedAt,
          totals.pairs.total,
          totals.pairs.proposed,
          totals.pairs.active,
          totals.pairs.paused,
          totals.pairs.closed,
          totals.sessions.held,
          totals.sessions.missed,
          totals.sessions.cancelled,
          totals.sessions.scheduled,
          totals.mentoringMinutes,
          totals.goals.set,
          totals.goals.achieved,
          totals.goals.missed,
          totals.feedback.notes,
          totals.feedback.averageRating,
          totals.responseTime?.medianMinutes,
          totals.responseTime?.replies,
          totals.pairsAtRisk,
        ],
      ];
    }
    case 'pairs':
      return report.pairs.map((pair) => [
        pair.pairingId,
        pair.status,
        pair.menteeId,
        pair.menteeName,
        pair.mentorIds.join(LIST_SEPARATOR),
        pair.mentorNames.join(LIST_SEPARATOR),
        pair.sessionsHeld,
        pair.sessionsMissed,
        pair.mentoringMinutes,
        pair.goalsSet,
        pair.goalsAchieved,
        pair.goalsMissed,
        pair.averageRating,
        pair.lastActivityAt,
        pair.atRisk.join(LIST_SEPARATOR),
      ]);
    case 'mentors':
      return report.mentors.map((mentor) => [
        mentor.mentorId,
        mentor.name,
        mentor.activeMentees,
        mentor.capacity,
        mentor.sessionsHeld,
        mentor.mentoringMinutes,
        mentor.averageRating,
        mentor.notes,
      ]);
    case 'at-risk':
      return report.atRisk.map((pair) => {
        const reason = (code: string) => pair.reasons.find((candidate) => candidate.code === code);
        return [
          pair.pairingId,
          pair.menteeId,
          pair.mentorIds.join(LIST_SEPARATOR),
          pair.reasons.map((candidate) => candidate.code).join(LIST_SEPARATOR),
          reason('quiet')?.days,
          reason('sessions-missed')?.count,
          reason('low-rating')?.averageRating,
          reason('goals-missed')?.count,
          reason('concern-open') === undefined ? 0 : (reason('concern-open')?.count ?? 1),
        ];
      });
    case 'rating-trend':
      return report.ratingTrend.map((month) => [month.month, month.notes, month.averageRating]);
  }
}

function checkReport(report: unknown): ProgrammeReport {
  const candidate = report as Partial<ProgrammeReport> | null;
  if (
    typeof candidate !== 'object' ||
    candidate === null ||
    typeof candidate.totals !== 'object' ||
    !Array.isArray(candidate.pairs) ||
    !Array.isArray(candidate.mentors) ||
    !Array.isArray(candidate.atRisk) ||
    !Array.isArray(candidate.ratingTrend)
  ) {
    invalidInput('report', '`report` must be a report made by `programmeReport`.');
  }
  return candidate as ProgrammeReport;
}

/** One table of the report as CSV: RFC 4180, CRLF line ends, a header row of `reportColumns(table)`, UTF-8 text (no byte-order mark). */
export function reportCsv(report: ProgrammeReport, table: ReportTable): string {
  const checked = checkReport(report);
  const columns = reportColumns(table);
  const lines = [columns.join(','), ...rowsOf(checked, table).map((row) => row.map(csvField).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

/** The whole report as stable, pretty JSON (two-space indent, the report's own key order, a final newline). */
export function reportJson(report: ProgrammeReport): string {
  const checked = checkReport(report);
  const ordered: ProgrammeReport = {
    programId: checked.programId,
    programName: checked.programName,
    period: { from: checked.period.from, to: checked.period.to },
    timeZone: checked.timeZone,
    generatedAt: checked.generatedAt,
    totals: checked.totals,
    ratingTrend: checked.ratingTrend,
    atRisk: checked.atRisk,
    mentors: checked.mentors,
    pairs: checked.pairs,
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}
