import { MentorKitError } from '../model/errors.js';
import type { DomainEvent } from '../client/events.js';
import type { MentorKit } from '../client/client.js';
import { internalsOf } from '../client/internals.js';
import type { XapiActivity, XapiActor, XapiAgent, XapiContext, XapiContextAgent, XapiResult, XapiStatement, XapiVerb } from './statement-types.js';
import { isXapiIri, XAPI_VERSIONS, type XapiVersion } from './validate.js';
import { sessionMinutesHeld } from '../report/hours.js';

/**
 * Learning records: every meaningful domain event as one xAPI statement — 1.0.3 by default, xAPI 2.0
 * (IEEE 9274.1.1) with `options.version: '2.0.0'`.
 *
 * | event                     | verb key     | default verb                                   | object (under activityBase)              | result                          |
 * |---------------------------|--------------|------------------------------------------------|------------------------------------------|---------------------------------|
 * | `agreement-confirmed`     | `agreed`     | activitystrea.ms `accept` ("accepted")          | `/agreements/{id}`                       | —                               |
 * | `session-held`            | `attended`   | ADL `attended`                                  | `/sessions/{id}` (ADL type meeting)      | completion, duration            |
 * | `goal-set`                | `set`        | activitystrea.ms `create` ("created")           | `/goals/{id}` (ADL type objective)       | —                               |
 * | `milestone-completed`     | `completed`  | ADL `completed`                                 | `/goals/{goal}/milestones/{m}` (objective), parent: the goal | completion                   |
 * | `goal-progress-recorded`  | `progressed` | ADL `progressed`                                | `/goals/{id}`                            | score.scaled = percent / 100    |
 * | `goal-achieved`           | `achieved`   | ADL `completed`                                 | `/goals/{id}`                            | completion, success             |
 * | `goal-missed`             | `missed`     | ADL `failed`                                    | `/goals/{id}`                            | completion false, success false |
 * | `feedback-given`          | `commented`  | ADL `commented`                                 | `/sessions/{session}`                    | score: rating 1–5               |
 * | `coaching-run-completed`  | `coached`    | ADL `completed`                                 | `/coaching-runs/{id}`                    | completion                      |
 * | `pairing-started`         | `started`    | activitystrea.ms `start` ("started")            | `/pairings/{id}`                         | —                               |
 *
 * Actor: an account agent `{ account: { homePage, name: personId } }` — the person who acted, except
 * `session-held` and `pairing-started`, which record the mentee's learning (when `lookup.pairing`
 * knows the pairing). Context: `registration` (a UUID derived from the pairing id, so every statement
 * of one pairing shares it), `instructor` (the mentor; an anonymous Group when co-mentored),
 * `contextActivities.grouping` (the pairing and the programme), `parent` (the goal of a milestone),
 * `platform` "MentorKit", the event type as an extension. Statement ids are UUIDs derived from the
 * event, so sending the same event twice is harmless (an LRS keeps one). Free text (feedback notes,
 * goal descriptions) never leaves: only titles the host can also see, and ratings. `timestamp` is the
 * event's instant in UTC with milliseconds (`2026-10-01T10:30:00.000Z`), whatever offset `event.at`
 * had — which satisfies both versions (2.0 requires the time zone).
 *
 * xAPI 2.0 (`version: '2.0.0'`): the same statement (same id, actor, verb, object, result, and the
 * `instructor`, which 2.0 keeps), with `version: "2.0.0"` and — when `lookup.pairing` knows the
 * pairing — `context.contextAgents` naming every person of the pairing with their role: the mentee
 * (`relevantTypes: ["{activityBase}/roles/mentee"]`) and each mentor
 * (`["{activityBase}/roles/mentor"]`), the actor included. The role IRIs live under `activityBase`
 * like MentorKit's activity types and extensions, because xAPI wants IRIs their minter controls;
 * `options.relevantTypes` replaces them (e.g. with a profile's concepts). No `contextGroups`.
 */

/** Keys of the configurable verb map. */
export type XapiVerbKey = 'agreed' | 'attended' | 'set' | 'completed' | 'progressed' | 'achieved' | 'missed' | 'commented' | 'coached' | 'started';
export type VerbMap = Record<XapiVerbKey, XapiVerb>;

const ADL = 'http://adlnet.gov/expapi/verbs/';
const AS = 'http://activitystrea.ms/schema/1.0/';

/** The defaults: ADL verbs where they exist, Activity Streams verbs (in the xAPI registry) otherwise. */
export const DEFAULT_VERBS: Readonly<VerbMap> = Object.freeze({
  agreed: { id: `${AS}accept`, display: { 'en-US': 'accepted' } },
  attended: { id: `${ADL}attended`, display: { 'en-US': 'attended' } },
  set: { id: `${AS}create`, display: { 'en-US': 'created' } },
  completed: { id: `${ADL}completed`, display: { 'en-US': 'completed' } },
  progressed: { id: `${ADL}progressed`, display: { 'en-US': 'progressed' } },
  achieved: { id: `${ADL}completed`, display: { 'en-US': 'completed' } },
  missed: { id: `${ADL}failed`, display: { 'en-US': 'failed' } },
  commented: { id: `${ADL}commented`, display: { 'en-US': 'commented' } },
  coached: { id: `${ADL}completed`, display: { 'en-US': 'completed' } },
  started: { id: `${AS}start`, display: { 'en-US': 'started' } },
});

/** Which verb each supported event uses. */
export const XAPI_EVENT_VERBS = Object.freeze({
  'agreement-confirmed': 'agreed',
  'session-held': 'attended',
  'goal-set': 'set',
  'milestone-completed': 'completed',
  'goal-progress-recorded': 'progressed',
  'goal-achieved': 'achieved',
  'goal-missed': 'missed',
  'feedback-given': 'commented',
  'coaching-run-completed': 'coached',
  'pairing-started': 'started',
} as const satisfies Record<string, XapiVerbKey>);
export type XapiEventType = keyof typeof XAPI_EVENT_VERBS;

/** Whether `toXapiStatement` maps this event type (others are not learning records). */
export function isXapiEventType(type: unknown): type is XapiEventType {
  return typeof type === 'string' && Object.hasOwn(XAPI_EVENT_VERBS, type);
}

/** What the converter may look up to enrich a statement (names, mentors, titles). All optional. */
export interface XapiLookup {
  pairing?(id: string): { menteeId: string; mentorIds: readonly string[]; programId?: string } | undefined;
  person?(id: string): { displayName?: string } | undefined;
  goal?(id: string): { title?: string; milestones?: ReadonlyArray<{ id?: string; title?: string }> } | undefined;
  session?(id: string): { title?: string; start?: string; end?: string; heldMinutes?: number } | undefined;
}

export interface XapiOptions {
  /** The LMS's home page: agents are `{ account: { homePage, name: personId } }`. An http(s) URL. */
  homePage: string;
  /** Activities get ids under it, e.g. `https://lms.example.com/xapi/mentoring` → `…/goals/g1`. An http(s) URL. */
  activityBase: string;
  /** Replace some verbs, e.g. when the LRS accepts only a fixed list. */
  verbs?: Partial<VerbMap> | undefined;
  /** Enriches statements: mentor as instructor, names, titles. `createXapiLookup(kit)`-style adapters fit. */
  lookup?: XapiLookup | undefined;
  /** Language of names and displays (an RFC 5646 tag). Default `en-US`. */
  language?: string | undefined;
  /**
   * The xAPI version to produce. Default `'1.0.3'`. `'2.0.0'` (IEEE 9274.1.1) adds `contextAgents`
   * (the mentee and mentors of the pairing, with their roles) and sets `version: "2.0.0"`.
   */
  version?: XapiVersion | undefined;
  /**
   * xAPI 2.0 only: the `relevantTypes` of the pairing's people in `contextAgents`. Each a non-empty
   * list of IRIs. Defaults: `{activityBase}/roles/mentor`, `{activityBase}/roles/mentee`.
   */
  relevantTypes?: Partial<XapiRelevantTypes> | undefined;
}

/** The roles `contextAgents` gives the people of a pairing (xAPI 2.0). */
export interface XapiRelevantTypes {
  mentor: readonly string[];
  mentee: readonly string[];
}

// ─── ids ────────────────────────────────────────────────────────────────────────────────────────

/** 128 bits of a fast, stable string hash (cyrb128). */
function hash128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    h1 = h2 ^ Math.imul(h1 ^ code, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ code, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ code, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ code, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/**
 * A UUID (RFC 9562 version 8, "custom") derived from `name`: the same name always gives the same
 * UUID. Used for statement ids (so a resent event is the same statement) and registrations.
 */
export function stableUuid(name: string): string {
  const hex = hash128(name)
    .map((part) => part.toString(16).padStart(8, '0'))
    .join('');
  const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

// ─── validation of the inputs ───────────────────────────────────────────────────────────────────

const HTTP_URL = /^https?:\/\/[^\s/?#]+[^\s]*$/i;

function checkOptions(options: unknown): asserts options is XapiOptions {
  if (typeof options !== 'object' || options === null)
    throw new MentorKitError('invalid-input', 'toXapiStatement needs options: { homePage, activityBase }.', { path: 'options' });
  const { homePage, activityBase, verbs, language, lookup, version, relevantTypes } = options as Partial<XapiOptions>;
  if (typeof homePage !== 'string' || !HTTP_URL.test(homePage))
    throw new MentorKitError(
      'invalid-input',
      `\`homePage\` must be the LMS's http(s) address, e.g. https://lms.example.com (got ${JSON.stringify(homePage)}).`,
      { path: 'options.homePage' },
    );
  if (typeof activityBase !== 'string' || !HTTP_URL.test(activityBase))
    throw new MentorKitError(
      'invalid-input',
      `\`activityBase\` must be an http(s) address under which activity ids are made, e.g. https://lms.example.com/xapi/mentoring (got ${JSON.stringify(activityBase)}).`,
      { path: 'options.activityBase' },
    );
  if (language !== undefined && (typeof language !== 'string' || !/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(language)))
    throw new MentorKitError('invalid-input', '`language` must be a language tag such as "en-US".', { path: 'options.language' });
  if (lookup !== undefined && (typeof lookup !== 'object' || lookup === null))
    throw new MentorKitError('invalid-input', '`lookup` must be an object of optional functions (pairing, person, goal, session).', { path: 'options.lookup' });
  if (version !== undefined && !XAPI_VERSIONS.includes(version))
    throw new MentorKitError(
      'invalid-input',
      `\`version\` must be ${XAPI_VERSIONS.map((known) => `"${known}"`).join(' or ')} (got ${JSON.stringify(version)}).`,
      { path: 'options.version' },
    );
  if (relevantTypes !== undefined) {
    if (typeof relevantTypes !== 'object' || relevantTypes === null)
      throw new MentorKitError('invalid-input', '`relevantTypes` must be an object such as { mentor: ["https://…/roles/mentor"] }.', {
        path: 'options.relevantTypes',
      });
    for (const [role, types] of Object.entries(relevantTypes)) {
      const path = `options.relevantTypes.${role}`;
      if (role !== 'mentor' && role !== 'mentee')
        throw new MentorKitError('invalid-input', `There is no role "${role}"; the roles are mentor and mentee.`, { path });
      if (!Array.isArray(types) || types.length === 0 || !types.every(isXapiIri))
        throw new MentorKitError('invalid-input', `\`${path}\` must be a list of one or more absolute IRIs.`, { path });
    }
  }
  if (verbs === undefined) return;
  if (typeof verbs !== 'object' || verbs === null)
    throw new MentorKitError('invalid-input', '`verbs` must be an object such as { attended: { id, display } }.', { path: 'options.verbs' });
  for (const [key, verb] of Object.entries(verbs)) {
    const path = `options.verbs.${key}`;
    if (!Object.hasOwn(DEFAULT_VERBS, key))
      throw new MentorKitError('invalid-input', `There is no verb "${key}" to replace; the keys are ${Object.keys(DEFAULT_VERBS).join(', ')}.`, { path });
    if (typeof verb !== 'object' || verb === null || !isXapiIri((verb as XapiVerb).id))
      throw new MentorKitError('invalid-input', `\`${path}.id\` must be an absolute IRI such as http://adlnet.gov/expapi/verbs/attended.`, {
        path: `${path}.id`,
      });
    const display = (verb as XapiVerb).display;
    if (
      typeof display !== 'object' ||
      display === null ||
      Object.keys(display).length === 0 ||
      Object.values(display).some((text) => typeof text !== 'string')
    ) {
      throw new MentorKitError('invalid-input', `\`${path}.display\` must be a language map such as { "en-US": "attended" }.`, { path: `${path}.display` });
    }
  }
}

function checkEvent(event: unknown): asserts event is DomainEvent {
  if (typeof event !== 'object' || event === null)
    throw new MentorKitError('invalid-input', 'toXapiStatement needs a domain event (what kit.on(…) delivers).', { path: 'event' });
  const { type, at, actorId, recordId, data } = event as Partial<DomainEvent>;
  if (typeof type !== 'string' || type === '')
    throw new MentorKitError('invalid-input', '`event.type` must be an event type such as "goal-set".', { path: 'event.type' });
  if (typeof at !== 'string' || !Number.isFinite(Date.parse(at)) || !/T.*(Z|[+-]\d{2}:\d{2})$/.test(at))
    throw new MentorKitError('invalid-input', '`event.at` must be an ISO instant such as 2026-09-01T10:00:00.000Z.', { path: 'event.at' });
  if (typeof actorId !== 'string' || actorId === '')
    throw new MentorKitError('invalid-input', '`event.actorId` must be the id of the person who acted.', { path: 'event.actorId' });
  if (typeof recordId !== 'string' || recordId === '')
    throw new MentorKitError('invalid-input', '`event.recordId` must be the id of the record the event is about.', { path: 'event.recordId' });
  if (data !== undefined && (typeof data !== 'object' || data === null))
    throw new MentorKitError('invalid-input', '`event.data` must be an object.', { path: 'event.data' });
}

// ─── the conversion ─────────────────────────────────────────────────────────────────────────────

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);
const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

/** ISO 8601 duration of whole minutes, e.g. PT45M, PT1H30M, PT2H. */
function durationOfMinutes(totalMinutes: number): string {
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  return `PT${hours ? `${hours}H` : ''}${minutes || !hours ? `${minutes}M` : ''}`;
}

/**
 * The xAPI statement for a domain event. Throws `MentorKitError` code `unsupported` for events that
 * are not learning records (check with `isXapiEventType` first, or catch), and `invalid-input` for
 * bad options or a malformed event.
 *
 * ```ts
 * kit.on('*', (event) => {
 *   if (!isXapiEventType(event.type)) return;
 *   lrsQueue.push(toXapiStatement(event, { homePage: 'https://lms.example.com', activityBase: 'https://lms.example.com/xapi/mentoring' }));
 * });
 * ```
 */
export function toXapiStatement(event: DomainEvent, options: XapiOptions): XapiStatement {
  checkOptions(options);
  checkEvent(event);
  if (!isXapiEventType(event.type)) {
    throw new MentorKitError(
      'unsupported',
      `"${event.type}" is not a learning record; the events that become xAPI statements are ${Object.keys(XAPI_EVENT_VERBS).join(', ')}.`,
      { path: 'event.type' },
    );
  }
  const type: XapiEventType = event.type;
  const version: XapiVersion = options.version ?? '1.0.3';
  const language = options.language ?? 'en-US';
  const lookup = options.lookup ?? {};
  const base = options.activityBase.replace(/\/+$/, '');
  const data = (event.data ?? {}) as Record<string, unknown>;
  const verbs: VerbMap = { ...DEFAULT_VERBS, ...options.verbs };
  const verbKey = XAPI_EVENT_VERBS[type];
  const name = (value: string | undefined) => (value ? { [language]: value } : undefined);
  const segment = (id: string) => encodeURIComponent(id);
  const typeIri = (kind: string) => `${base}/activity-types/${kind}`;

  const agent = (personId: string): XapiAgent => {
    const displayName = text(lookup.person?.(personId)?.displayName);
    return { objectType: 'Agent', ...(displayName ? { name: displayName } : {}), account: { homePage: options.homePage, name: personId } };
  };
  const activity = (path: string, activityType: string, activityName?: string, extra: Partial<XapiActivity['definition']> = {}): XapiActivity => {
    const label = name(activityName);
    return { objectType: 'Activity', id: `${base}/${path}`, definition: { type: activityType, ...(label ? { name: label } : {}), ...extra } };
  };

  const pairingId = event.pairingId ?? (event.collection === 'pairings' ? event.recordId : undefined);
  const pairing = pairingId ? lookup.pairing?.(pairingId) : undefined;
  const programId = event.programId ?? pairing?.programId;
  const learner = (type === 'session-held' || type === 'pairing-started') && pairing ? pairing.menteeId : event.actorId;

  let object: XapiActivity;
  let result: XapiResult | undefined;
  const parents: XapiActivity[] = [];
  const goalActivity = (goalId: string) =>
    activity(`goals/${segment(goalId)}`, 'http://adlnet.gov/expapi/activities/objective', text(data.title) ?? text(lookup.goal?.(goalId)?.title));

  switch (type) {
    case 'agreement-confirmed':
      object = activity(
        `agreements/${segment(event.recordId)}`,
        typeIri('working-agreement'),
        'Working agreement',
        typeof data.version === 'number' ? { extensions: { [`${base}/extensions/agreement-version`]: data.version } } : {},
      );
      break;
    case 'session-held': {
      const session = lookup.session?.(event.recordId);
      object = activity(`sessions/${segment(event.recordId)}`, 'http://adlnet.gov/expapi/activities/meeting', text(session?.title) ?? text(data.title));
      // The hours rule (`sessionMinutesHeld`): the length recorded when the session was marked held, else the booked length.
      const minutes = sessionMinutesHeld({
        status: 'held',
        start: String(data.start ?? session?.start),
        end: String(data.end ?? session?.end),
        heldMinutes: num(data.heldMinutes) ?? num(session?.heldMinutes),
      });
      const duration = minutes > 0 ? durationOfMinutes(minutes) : undefined;
      result = { completion: true, ...(duration ? { duration } : {}) };
      break;
    }
    case 'goal-set':
      object = goalActivity(event.recordId);
      break;
    case 'milestone-completed': {
      const milestoneId = text(data.milestoneId) ?? 'unknown';
      const goal = lookup.goal?.(event.recordId);
      const milestoneTitle = text(data.title) ?? text(goal?.milestones?.find((milestone) => milestone.id === milestoneId)?.title);
      object = activity(`goals/${segment(event.recordId)}/milestones/${segment(milestoneId)}`, 'http://adlnet.gov/expapi/activities/objective', milestoneTitle);
      parents.push(activity(`goals/${segment(event.recordId)}`, 'http://adlnet.gov/expapi/activities/objective', text(goal?.title)));
      result = { completion: true };
      break;
    }
    case 'goal-progress-recorded': {
      object = goalActivity(event.recordId);
      const percent = num(data.percent);
      result =
        percent === undefined
          ? { completion: false }
          : { score: { scaled: Math.round(Math.max(0, Math.min(100, percent)) * 100) / 10000 }, completion: percent >= 100 };
      break;
    }
    case 'goal-achieved':
      object = goalActivity(event.recordId);
      result = { completion: true, success: true };
      break;
    case 'goal-missed': {
      object = goalActivity(event.recordId);
      const percent = num(data.percent);
      result = {
        completion: false,
        success: false,
        ...(percent === undefined ? {} : { score: { scaled: Math.round(Math.max(0, Math.min(100, percent)) * 100) / 10000 } }),
      };
      break;
    }
    case 'feedback-given': {
      const sessionId = text(data.sessionId);
      object = sessionId
        ? activity(`sessions/${segment(sessionId)}`, 'http://adlnet.gov/expapi/activities/meeting', text(lookup.session?.(sessionId)?.title))
        : activity(`feedback/${segment(event.recordId)}`, typeIri('session-feedback'));
      const rating = num(data.rating);
      if (rating !== undefined && rating >= 1 && rating <= 5) result = { score: { raw: rating, min: 1, max: 5, scaled: (rating - 1) / 4 } };
      break;
    }
    case 'coaching-run-completed':
      object = activity(
        `coaching-runs/${segment(event.recordId)}`,
        typeIri('coaching-session'),
        text(data.modelId) ? `Coaching session (${String(data.modelId).toUpperCase()})` : 'Coaching session',
        text(data.modelId) ? { extensions: { [`${base}/extensions/coaching-model`]: data.modelId } } : {},
      );
      result = { completion: true };
      break;
    case 'pairing-started':
      object = activity(`pairings/${segment(event.recordId)}`, typeIri('mentoring-relationship'), 'Mentoring relationship');
      break;
  }

  const grouping: XapiActivity[] = [];
  if (pairingId && type !== 'pairing-started')
    grouping.push(activity(`pairings/${segment(pairingId)}`, typeIri('mentoring-relationship'), 'Mentoring relationship'));
  if (programId) grouping.push(activity(`programs/${segment(programId)}`, typeIri('mentoring-programme')));

  // The mentor(s) as instructor, unless the learner is one of them (a mentor's own feedback, say).
  const mentorIds = pairing ? pairing.mentorIds.filter((id) => id !== learner) : [];
  let instructor: XapiActor | undefined;
  if (pairing && !pairing.mentorIds.includes(learner)) {
    if (mentorIds.length === 1) instructor = agent(mentorIds[0]!);
    else if (mentorIds.length > 1) instructor = { objectType: 'Group', name: 'Mentors', member: mentorIds.map(agent) };
  }

  // xAPI 2.0: every person of the pairing with their role (the actor too: its role is worth recording).
  const contextAgents: XapiContextAgent[] = [];
  if (version === '2.0.0' && pairing) {
    const roles = {
      mentee: [...(options.relevantTypes?.mentee ?? [`${base}/roles/mentee`])],
      mentor: [...(options.relevantTypes?.mentor ?? [`${base}/roles/mentor`])],
    };
    const people = new Map<string, string[]>();
    const add = (personId: string, types: string[]) => people.set(personId, [...new Set([...(people.get(personId) ?? []), ...types])]);
    const isId = (id: unknown): id is string => typeof id === 'string' && id !== '';
    if (isId(pairing.menteeId)) add(pairing.menteeId, roles.mentee);
    for (const mentorId of pairing.mentorIds) if (isId(mentorId)) add(mentorId, roles.mentor);
    for (const [personId, relevantTypes] of people) contextAgents.push({ objectType: 'contextAgent', agent: agent(personId), relevantTypes });
  }

  const context: XapiContext = {
    ...(pairingId ? { registration: stableUuid(`mentorkit:pairing:${pairingId}`) } : {}),
    ...(instructor ? { instructor } : {}),
    ...(contextAgents.length ? { contextAgents } : {}),
    contextActivities: { ...(parents.length ? { parent: parents } : {}), ...(grouping.length ? { grouping } : {}) },
    platform: 'MentorKit',
    language,
    extensions: { [`${base}/extensions/event-type`]: type, [`${base}/extensions/record`]: `${event.collection}/${event.recordId}@${event.revision}` },
  };
  if (Object.keys(context.contextActivities!).length === 0) delete context.contextActivities;

  const verb = verbs[verbKey];
  return {
    id: stableUuid(`mentorkit:${type}:${event.collection}:${event.recordId}:${event.revision}:${text(data.milestoneId) ?? ''}:${event.at}`),
    actor: agent(learner),
    verb: { id: verb.id, display: { ...verb.display } },
    object,
    ...(result ? { result } : {}),
    context,
    timestamp: new Date(event.at).toISOString(),
    version,
  };
}

/**
 * A `lookup` over a client's loaded records, so statements carry mentors, names and titles:
 * `toXapiStatement(event, { …, lookup: xapiLookupFromKit(kit) })`.
 */
export function xapiLookupFromKit(kit: MentorKit): XapiLookup {
  const internals = internalsOf(kit);
  const cached = (collection: string, id: string) => internals.cached(collection, id);
  return {
    pairing: (id) => {
      const record = cached('pairings', id);
      return record && typeof record.menteeId === 'string' && Array.isArray(record.mentorIds)
        ? {
            menteeId: record.menteeId,
            mentorIds: record.mentorIds as string[],
            ...(typeof record.programId === 'string' ? { programId: record.programId } : {}),
          }
        : undefined;
    },
    person: (id) => cached('people', id) as { displayName?: string } | undefined,
    goal: (id) => cached('goals', id) as { title?: string; milestones?: Array<{ id?: string; title?: string }> } | undefined,
    session: (id) => cached('sessions', id) as { title?: string; start?: string; end?: string; heldMinutes?: number } | undefined,
  };
}
