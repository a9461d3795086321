/**
 * The concerns collection's access rule. It is not in every client's first load: the concerns
 * feature brings it (`defineFeature({ policy })`, registered when the feature is installed), and
 * `BUILT_IN_POLICIES` (built-in.ts), which servers import, registers it with every other rule.
 * Until then a client reads and writes no concerns (a collection without its rule is refused).
 */
import { Collections } from '../model/collections.js';
import type { PolicyContext, PolicyRole } from './context.js';
import { onDemandPolicy } from './registry.js';
import { appendedEntries, changedFields, isMember, listOf, plausibleInstant, type CollectionPolicy, type PolicyRecord } from './rules.js';

/**
 * A concern about a pairing or one of its messages (docs/concerns.md). The reporter and the
 * programme's admins read it — an admin who is also a member of that pairing does not (the concern
 * may be about them), and neither does anyone else of the pairing. Everything the reporter wrote
 * never changes; its trail only grows, one entry at a time, each under its writer's own name.
 */
const CONCERN_READ = "Only the person who raised this concern and the programme's admins can see it.";
/** Whether the actor is one of the programme admins who handle a concern: an admin of its pairing's programme who is not in the pairing. */
const handlesConcern = (roles: readonly PolicyRole[]) => roles.includes('admin') && !isMember(roles);
const historyOf = (record: PolicyRecord) => listOf(record.history) as Array<{ at?: unknown; by?: unknown; action?: unknown; status?: unknown; note?: unknown }>;

function concernChange(context: PolicyContext, actorId: string, roles: readonly PolicyRole[], previous: PolicyRecord, record: PolicyRecord): true | string {
  const reporter = previous.reporterId === actorId;
  if (!reporter && !handlesConcern(roles)) return "Only the programme's admins handle a concern; the person who raised it may add a note.";
  const added = appendedEntries(previous.history, record.history) as ReturnType<typeof historyOf> | undefined;
  if (!added || added.length !== 1) return 'A concern keeps its whole trail: every change adds one entry at its end.';
  const entry = added[0]!;
  if (entry.by !== actorId) return "Entries of a concern's trail are written under your own name.";
  if (!plausibleInstant(context, entry.at, 1)) return 'A new entry of the trail is stamped about now.';
  const changed = changedFields(previous, record, reporter ? ['history'] : ['history', 'status']);
  if (changed.length > 0) return `What the reporter wrote never changes (${changed.map((key) => `\`${key}\``).join(', ')}).`;
  if (reporter) {
    if (entry.action === 'note') return typeof entry.note === 'string' ? true : 'A note needs its text.';
    if (entry.action === 'paused') {
      if (previous.pauseRequested !== true) return 'The trail records a pause only when the reporter asked for one.';
      return historyOf(previous).some((old) => old.action === 'paused')
        ? 'The pause is already in the trail.'
        : entry.status === undefined && entry.note === undefined
          ? true
          : 'A pause entry says only who and when.';
    }
    return 'You can add a note to the concern you raised; its admins change its status.';
  }
  if (entry.action === 'note')
    return typeof entry.note === 'string' && record.status === previous.status ? true : 'A note needs its text, and changes nothing else.';
  if (entry.action === 'status') {
    if (record.status === previous.status) return 'A status entry moves the concern to another status.';
    return entry.status === record.status ? true : 'The status entry names the status the concern moves to.';
  }
  return "An admin adds status changes and notes to a concern's trail.";
}

/** The built-in rule of `concerns` (marked as one that loads on demand, so the concerns feature may bring it). */
export const concernsPolicy: CollectionPolicy & { readonly collection: typeof Collections.concerns } = onDemandPolicy({
  collection: Collections.concerns,
  scope: 'pairing',
  writableWhenClosed: true,
  reusableIds: false,
  immutable: ['programId', 'reporterId', 'about', 'messageId', 'quote', 'text', 'pauseRequested', 'raisedAt'],
  appendOnly: ['history'],
  read: ({ actorId, roles, target }) => (target.reporterId === actorId || handlesConcern(roles) ? true : CONCERN_READ),
  create: ({ context, actorId, roles, record, pairing }) => {
    if (!isMember(roles)) return 'Only the mentee and mentors of a pairing can raise a concern about it.';
    if (record.reporterId !== actorId) return 'You raise a concern under your own name.';
    if (record.programId !== pairing?.programId) return "A concern belongs to its pairing's programme.";
    if ((record.status ?? 'open') !== 'open') return 'A new concern is open.';
    if (!plausibleInstant(context, record.raisedAt, 1)) return '`raisedAt` must be about now.';
    const history = historyOf(record);
    if (
      history.length !== 1 ||
      history[0]!.action !== 'raised' ||
      history[0]!.by !== actorId ||
      history[0]!.at !== record.raisedAt ||
      history[0]!.note !== undefined ||
      history[0]!.status !== undefined
    )
      return "A new concern's trail holds one entry: raised, by you, when it was raised.";
    return true;
  },
  update: ({ context, actorId, roles, record, previous }) => concernChange(context, actorId, roles, previous!, record),
  delete: () => 'Concerns are never removed: their trail is the record of what was done.',
});
