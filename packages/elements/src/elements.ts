/**
 * The list of MentorKit's elements: one row per element folder. Everything else that lists the
 * elements is generated from this table by `generate-elements.ts` — the imports of `define-all.ts`,
 * the CDN autoloader's tag → module map (`cdn/autoloader.ts`), the catalogue list the tests and stories
 * use (`testing/catalogues.ts`) and the Spanish entry (`locales/es.ts`) — so that bundlers see literal
 * import paths (the CDN loads each element lazily; `define-all` and `index` stay tree-shakeable).
 * After adding or changing a row, run
 *
 *   npx tsx packages/elements/src/generate-elements.ts
 *
 * (`packages/elements/test/elements-registry.test.ts` fails while a generated file is out of date, and
 * holds the table to the element folders and `index.ts` to the class names). Not part of the public API.
 */
export interface ElementRow {
  /** The tag its `define.ts` registers. */
  readonly tag: `mk-${string}`;
  /** Its class, in `<folder>/<folder>.ts` and exported from the package's `index.ts`. */
  readonly className: `Mk${string}`;
  /** Its folder under `src/`: `<folder>/<folder>.ts`, `.styles.ts`, `define.ts`, `.messages.ts`, `.test.ts`. */
  readonly folder: string;
  /**
   * The name its catalogue's exports start with (`<catalogue>Messages`, `<catalogue>Languages` in
   * `<folder>.messages.ts`, `<catalogue>MessagesEs` in `<folder>.messages.es.ts`).
   */
  readonly catalogue: string;
  /** Whether it has a Spanish catalogue, `<folder>.messages.es.ts` (every element has one; a test checks them complete). */
  readonly spanish: boolean;
  /**
   * Only the provider: defined at once by the CDN entry and first by `define-all` (not loaded lazily),
   * and not a widget — it stays out of the widget lists (catalogues, the Spanish entry, the gallery).
   */
  readonly provider?: true;
  /** Tags it renders in its shadow root without importing them; the CDN autoloader loads them together. */
  readonly companions?: readonly `mk-${string}`[];
}

/**
 * Every element, the provider first (elements already in the page then find it as they upgrade), then
 * in the order they were added — new rows go last: the Spanish entry is written in this order, and
 * reordering it changes how well its bundle compresses (the autoloader and catalogue lists sort by tag).
 */
export const ELEMENTS: readonly ElementRow[] = [
  { tag: 'mk-provider', className: 'MkProvider', folder: 'provider', catalogue: 'provider', spanish: true, provider: true },
  { tag: 'mk-agreement', className: 'MkAgreement', folder: 'agreement', catalogue: 'agreement', spanish: true },
  { tag: 'mk-calendar-connections', className: 'MkCalendarConnections', folder: 'calendar-connections', catalogue: 'calendarConnections', spanish: true },
  { tag: 'mk-celebration', className: 'MkCelebration', folder: 'celebration', catalogue: 'celebration', spanish: true },
  { tag: 'mk-certificate', className: 'MkCertificate', folder: 'certificate', catalogue: 'certificate', spanish: true },
  { tag: 'mk-checkin', className: 'MkCheckin', folder: 'checkin', catalogue: 'checkin', spanish: true },
  { tag: 'mk-coaching-flow', className: 'MkCoachingFlow', folder: 'coaching-flow', catalogue: 'coachingFlow', spanish: true },
  { tag: 'mk-escalation-ladder', className: 'MkEscalationLadder', folder: 'escalation-ladder', catalogue: 'escalationLadder', spanish: true },
  { tag: 'mk-feedback-insights', className: 'MkFeedbackInsights', folder: 'feedback-insights', catalogue: 'feedbackInsights', spanish: true },
  { tag: 'mk-goal-editor', className: 'MkGoalEditor', folder: 'goal-editor', catalogue: 'goalEditor', spanish: true },
  { tag: 'mk-goal-tracker', className: 'MkGoalTracker', folder: 'goal-tracker', catalogue: 'goalTracker', spanish: true, companions: ['mk-celebration'] },
  { tag: 'mk-icebreaker', className: 'MkIcebreaker', folder: 'icebreaker', catalogue: 'icebreaker', spanish: true },
  {
    tag: 'mk-notification-preferences',
    className: 'MkNotificationPreferences',
    folder: 'notification-preferences',
    catalogue: 'notificationPreferences',
    spanish: true,
  },
  { tag: 'mk-pairing-board', className: 'MkPairingBoard', folder: 'pairing-board', catalogue: 'pairingBoard', spanish: true },
  { tag: 'mk-pairing-card', className: 'MkPairingCard', folder: 'pairing-card', catalogue: 'pairingCard', spanish: true },
  { tag: 'mk-programme-report', className: 'MkProgrammeReport', folder: 'programme-report', catalogue: 'programmeReport', spanish: true },
  { tag: 'mk-scheduler', className: 'MkScheduler', folder: 'scheduler', catalogue: 'scheduler', spanish: true },
  { tag: 'mk-session-feedback', className: 'MkSessionFeedback', folder: 'session-feedback', catalogue: 'sessionFeedback', spanish: true },
  { tag: 'mk-thread', className: 'MkThread', folder: 'thread', catalogue: 'thread', spanish: true },
  { tag: 'mk-raise-concern', className: 'MkRaiseConcern', folder: 'raise-concern', catalogue: 'raiseConcern', spanish: true },
  { tag: 'mk-concern-queue', className: 'MkConcernQueue', folder: 'concern-queue', catalogue: 'concernQueue', spanish: true },
];

/** Catalogues several elements share, registered under a tag of their own (no element has it): the forms' length counters and field errors. */
export const SHARED_CATALOGUES: readonly Pick<ElementRow, 'tag' | 'folder' | 'catalogue' | 'spanish'>[] = [
  { tag: 'mk-text-limit', folder: 'text-limit', catalogue: 'textLimit', spanish: true },
  { tag: 'mk-field-errors', folder: 'field-errors', catalogue: 'fieldError', spanish: true },
];
