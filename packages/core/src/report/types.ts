import type { Agreement } from '../model/agreement.js';
import type { Feedback } from '../model/feedback.js';
import type { Goal } from '../model/goal.js';
import type { Pairing, PairingStatus } from '../model/pairing.js';
import type { Person } from '../model/person.js';
import type { Program } from '../model/program.js';
import type { Session } from '../model/session.js';

/** The programme report's types (the contract shared by core, `<mk-programme-report>` and the server). */

/** Calendar dates `YYYY-MM-DD`, both inclusive, read in the report's `timeZone`. */
export interface ReportPeriod {
  from: string;
  to: string;
}

/** Message metadata the report needs (never the text). */
export interface ReportMessageMeta {
  id: string;
  pairingId: string;
  authorId: string;
  sentAt?: string | undefined;
  createdAt?: string | undefined;
  threadId?: string | undefined;
  replyTo?: string | undefined;
}

/** A concern raised in the programme; only its status (and pairing) is used. */
export interface ReportConcernMeta {
  pairingId?: string | undefined;
  status: string;
}

export interface ProgrammeReportInput {
  programId: string;
  period: ReportPeriod;
  /** IANA zone the period's dates are read in; default 'UTC'. */
  timeZone?: string | undefined;
  /** ISO instant (for "quiet" and current load). */
  now: string;
  programs: readonly Program[];
  people: readonly Person[];
  pairings: readonly Pairing[];
  sessions: readonly Session[];
  goals: readonly Goal[];
  feedback: readonly Feedback[];
  agreements?: readonly Agreement[] | undefined;
  /** Message metadata only (no text needed). Omitted → responseTime is null ("not available": admins cannot read messages in the browser; the server supplies it). */
  messages?: readonly ReportMessageMeta[] | undefined;
  /** Concerns raised in the programme (status only is used): open or in-review ones make a pair at risk. */
  concerns?: readonly ReportConcernMeta[] | undefined;
}

export type AtRiskCode = 'quiet' | 'sessions-missed' | 'low-rating' | 'goals-missed' | 'concern-open';

export interface AtRiskReason {
  code: AtRiskCode;
  days?: number | undefined;
  count?: number | undefined;
  averageRating?: number | undefined;
}

export interface ReportTotals {
  pairs: { total: number; proposed: number; active: number; paused: number; closed: number };
  sessions: { held: number; missed: number; cancelled: number; scheduled: number };
  mentoringMinutes: number;
  goals: { set: number; achieved: number; missed: number };
  feedback: { notes: number; averageRating: number | null };
  /** null = not available (no message metadata was given). */
  responseTime: { medianMinutes: number | null; replies: number } | null;
  pairsAtRisk: number;
}

export interface ReportRatingMonth {
  /** YYYY-MM */
  month: string;
  notes: number;
  averageRating: number | null;
}

export interface ReportAtRiskPair {
  pairingId: string;
  menteeId: string;
  mentorIds: string[];
  reasons: AtRiskReason[];
}

export interface ReportMentorRow {
  mentorId: string;
  name: string;
  activeMentees: number;
  capacity: number;
  sessionsHeld: number;
  mentoringMinutes: number;
  averageRating: number | null;
  notes: number;
}

export interface ReportPairRow {
  pairingId: string;
  status: PairingStatus;
  menteeId: string;
  menteeName: string;
  mentorIds: string[];
  mentorNames: string[];
  sessionsHeld: number;
  sessionsMissed: number;
  mentoringMinutes: number;
  goalsSet: number;
  goalsAchieved: number;
  goalsMissed: number;
  averageRating: number | null;
  lastActivityAt: string | null;
  atRisk: AtRiskCode[];
}

export interface ProgrammeReport {
  programId: string;
  programName: string;
  period: ReportPeriod;
  timeZone: string;
  generatedAt: string;
  totals: ReportTotals;
  ratingTrend: ReportRatingMonth[];
  /** Worst first. */
  atRisk: ReportAtRiskPair[];
  mentors: ReportMentorRow[];
  pairs: ReportPairRow[];
}

export const REPORT_TABLES = ['summary', 'pairs', 'mentors', 'at-risk', 'rating-trend'] as const;
export type ReportTable = (typeof REPORT_TABLES)[number];
