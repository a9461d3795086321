import { MentorKitError, type MentorKitErrorIssue } from '../model/errors.js';

/**
 * A validator for the statement rules an LRS enforces, for xAPI 1.0.3 (xAPI-Data.md §2.4, §4) and
 * xAPI 2.0 (IEEE 9274.1.1): what `toXapiStatement` produces is checked against it in the tests, and
 * hosts can run it on statements they build themselves before sending them.
 *
 * Which rules: `options.version` when given, otherwise the statement's own `version` (2.0.x → the
 * 2.0 rules), otherwise 1.0.3. The differences:
 * - `context.contextAgents` / `context.contextGroups` exist only in 2.0 (refused in a 1.0.3
 *   statement; checked in shape in a 2.0 one: objectType "contextAgent" / "contextGroup", a valid
 *   Agent / Group, `relevantTypes` — when present — a non-empty list of IRIs);
 * - `version` must be 1.0.x, or 2.0.x, respectively;
 * - timestamps: 2.0 makes the time zone mandatory (1.0.3 says SHOULD; this validator has always
 *   required it, as LRSs in practice do). Both: ISO 8601 extended format (the RFC 3339 profile),
 *   real calendar dates and times, and no "unknown offset" `-00:00` (ISO 8601 forbids a negative
 *   zero; the ADL conformance suites of both versions expect an LRS to refuse it). Any number of
 *   fraction digits is accepted: an LRS keeps at least milliseconds.
 */

/** The xAPI versions whose rules the validator knows. */
export type XapiVersion = '1.0.3' | '2.0.0';
export const XAPI_VERSIONS: readonly XapiVersion[] = Object.freeze(['1.0.3', '2.0.0'] as const);

export interface XapiValidationOptions {
  /** Check against these rules, whatever the statement's `version` says. */
  version?: XapiVersion;
}

export interface XapiValidationResult {
  valid: boolean;
  /** Every rule broken, with the dotted path of the value. */
  errors: MentorKitErrorIssue[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** An absolute IRI: a scheme, a colon, no whitespace or characters IRIs exclude. */
const IRI = /^[a-z][a-z0-9+.-]*:[^\s<>"{}|\\^`]+$/i;
/** RFC 5646 language tags (the common shapes: language, script, region, variants, extensions, private use). */
const LANGUAGE_TAG =
  /^(?:[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4,8})(?:-[a-z]{4})?(?:-(?:[a-z]{2}|\d{3}))?(?:-(?:[a-z\d]{5,8}|\d[a-z\d]{3}))*(?:-[\da-wy-z](?:-[a-z\d]{2,8})+)*(?:-x(?:-[a-z\d]{1,8})+)?$|^x(?:-[a-z\d]{1,8})+$/i;
/** ISO 8601 date-time (RFC 3339 profile) with a time zone. */
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:Z|([+-])(\d{2}):(\d{2}))$/;
/** ISO 8601 duration. */
const DURATION =
  /^P(?!$)(?:\d+(?:\.\d+)?Y)?(?:\d+(?:\.\d+)?M)?(?:\d+(?:\.\d+)?W)?(?:\d+(?:\.\d+)?D)?(?:T(?=\d)(?:\d+(?:\.\d+)?H)?(?:\d+(?:\.\d+)?M)?(?:\d+(?:\.\d+)?S)?)?$/;
const SHA1 = /^[0-9a-f]{40}$/i;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export const isXapiIri = (value: unknown): value is string => typeof value === 'string' && IRI.test(value);
export const isXapiUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

/** Why a timestamp is not one (a sentence fragment), or undefined when it is. */
function timestampProblem(value: unknown): string | undefined {
  const match = typeof value === 'string' ? TIMESTAMP.exec(value) : null;
  if (!match) return 'must be an ISO 8601 timestamp with a time zone such as 2026-09-01T10:00:00.000Z';
  const [, year, month, day, hour, minute, second, , offsetHours, offsetMinutes] = match.map(Number) as number[];
  const daysInMonth = new Date(Date.UTC(year!, month!, 0)).getUTCDate();
  if (month! < 1 || month! > 12 || day! < 1 || day! > daysInMonth) return 'is not a calendar date';
  if (hour! > 23 || minute! > 59 || second! > 59) return 'is not a time of day (hours 00–23, minutes and seconds 00–59)';
  if (match[7] !== undefined && (offsetHours! > 23 || offsetMinutes! > 59)) return 'has a time zone offset out of range';
  if (match[7] === '-' && offsetHours === 0 && offsetMinutes === 0)
    return 'has the offset -00:00 ("local offset unknown"), which ISO 8601 forbids; use Z or +00:00';
  if (!Number.isFinite(Date.parse(value as string))) return 'is not a valid instant';
  return undefined;
}

/**
 * An xAPI timestamp: ISO 8601 extended format (RFC 3339) with a time zone (Z or ±hh:mm, never
 * -00:00), a real date and time; fraction digits optional and unlimited.
 */
export const isXapiTimestamp = (value: unknown): value is string => timestampProblem(value) === undefined;
export const isXapiDuration = (value: unknown): value is string => typeof value === 'string' && DURATION.test(value);
export const isLanguageTag = (value: unknown): value is string => typeof value === 'string' && LANGUAGE_TAG.test(value);

class Checker {
  readonly errors: MentorKitErrorIssue[] = [];

  constructor(readonly version: XapiVersion) {}

  fail(path: string, message: string): void {
    this.errors.push({ path, message: `\`${path || 'statement'}\` ${message}` });
  }

  keys(value: Record<string, unknown>, path: string, allowed: readonly string[]): void {
    for (const key of Object.keys(value))
      if (!allowed.includes(key))
        this.fail(path ? `${path}.${key}` : key, `is not a property xAPI ${this.version} allows here (allowed: ${allowed.join(', ')}).`);
  }

  iri(value: unknown, path: string): void {
    if (!isXapiIri(value)) this.fail(path, `must be an absolute IRI such as https://example.org/verbs/x (got ${JSON.stringify(value)}).`);
  }

  irl(value: unknown, path: string): void {
    if (!(typeof value === 'string' && /^https?:\/\/[^\s]+$/i.test(value)))
      this.fail(path, `must be an IRL (a resolvable http(s) IRI) (got ${JSON.stringify(value)}).`);
  }

  languageMap(value: unknown, path: string): void {
    if (!isObject(value)) return this.fail(path, 'must be a language map such as { "en-US": "completed" }.');
    for (const [tag, text] of Object.entries(value)) {
      if (!isLanguageTag(tag)) this.fail(`${path}.${tag}`, 'has a key that is not an RFC 5646 language tag (e.g. "en-US").');
      if (typeof text !== 'string') this.fail(`${path}.${tag}`, 'must be a string.');
    }
  }

  extensions(value: unknown, path: string): void {
    if (!isObject(value)) return this.fail(path, 'must be an object whose keys are IRIs.');
    for (const key of Object.keys(value)) if (!isXapiIri(key)) this.fail(`${path}.${key}`, 'is an extension key that is not an absolute IRI.');
  }

  /** Exactly one inverse functional identifier (mbox, mbox_sha1sum, openid, account). */
  identifiers(value: Record<string, unknown>, path: string, required: boolean): number {
    const present = (['mbox', 'mbox_sha1sum', 'openid', 'account'] as const).filter((key) => value[key] !== undefined);
    if (present.length > 1) this.fail(path, `must have exactly one identifier (mbox, mbox_sha1sum, openid or account); it has ${present.join(' and ')}.`);
    if (present.length === 0 && required) this.fail(path, 'must have exactly one identifier (mbox, mbox_sha1sum, openid or account); it has none.');
    if (value.mbox !== undefined && !(typeof value.mbox === 'string' && /^mailto:[^\s@]+@[^\s@]+$/.test(value.mbox)))
      this.fail(`${path}.mbox`, 'must be a mailto: IRI such as mailto:ana@example.org.');
    if (value.mbox_sha1sum !== undefined && !(typeof value.mbox_sha1sum === 'string' && SHA1.test(value.mbox_sha1sum)))
      this.fail(`${path}.mbox_sha1sum`, 'must be the hex SHA-1 of a mailto: IRI (40 hex digits).');
    if (value.openid !== undefined) this.iri(value.openid, `${path}.openid`);
    if (value.account !== undefined) {
      const account = value.account;
      if (!isObject(account)) this.fail(`${path}.account`, 'must be { homePage, name }.');
      else {
        this.keys(account, `${path}.account`, ['homePage', 'name']);
        this.irl(account.homePage, `${path}.account.homePage`);
        if (typeof account.name !== 'string' || account.name === '') this.fail(`${path}.account.name`, 'must be the account id (a non-empty string).');
      }
    }
    return present.length;
  }

  agent(value: unknown, path: string): void {
    if (!isObject(value)) return this.fail(path, 'must be an Agent object.');
    this.keys(value, path, ['objectType', 'name', 'mbox', 'mbox_sha1sum', 'openid', 'account']);
    if (value.objectType !== undefined && value.objectType !== 'Agent') this.fail(`${path}.objectType`, 'must be "Agent".');
    if (value.name !== undefined && typeof value.name !== 'string') this.fail(`${path}.name`, 'must be a string.');
    this.identifiers(value, path, true);
  }

  group(value: Record<string, unknown>, path: string): void {
    this.keys(value, path, ['objectType', 'name', 'member', 'mbox', 'mbox_sha1sum', 'openid', 'account']);
    if (value.name !== undefined && typeof value.name !== 'string') this.fail(`${path}.name`, 'must be a string.');
    const identified = this.identifiers(value, path, false) > 0;
    if (value.member === undefined) {
      if (!identified) this.fail(`${path}.member`, 'is required for an anonymous Group (a Group without an identifier).');
      return;
    }
    if (!Array.isArray(value.member)) return this.fail(`${path}.member`, 'must be a list of Agents.');
    if (!identified && value.member.length === 0) this.fail(`${path}.member`, 'must list at least one Agent in an anonymous Group.');
    value.member.forEach((member, index) => this.agent(member, `${path}.member[${index}]`));
  }

  actor(value: unknown, path: string): void {
    if (!isObject(value)) return this.fail(path, 'must be an Agent or a Group.');
    if (value.objectType === 'Group') this.group(value, path);
    else this.agent(value, path);
  }

  activity(value: unknown, path: string): void {
    if (!isObject(value)) return this.fail(path, 'must be an Activity { id, definition? }.');
    this.keys(value, path, ['objectType', 'id', 'definition']);
    if (value.objectType !== undefined && value.objectType !== 'Activity') this.fail(`${path}.objectType`, 'must be "Activity".');
    this.iri(value.id, `${path}.id`);
    if (value.definition === undefined) return;
    const definition = value.definition;
    if (!isObject(definition)) return this.fail(`${path}.definition`, 'must be an object.');
    this.keys(definition, `${path}.definition`, [
      'type',
      'name',
      'description',
      'moreInfo',
      'extensions',
      'interactionType',
      'correctResponsesPattern',
      'choices',
      'scale',
      'source',
      'target',
      'steps',
    ]);
    if (definition.type !== undefined) this.iri(definition.type, `${path}.definition.type`);
    if (definition.name !== undefined) this.languageMap(definition.name, `${path}.definition.name`);
    if (definition.description !== undefined) this.languageMap(definition.description, `${path}.definition.description`);
    if (definition.moreInfo !== undefined) this.irl(definition.moreInfo, `${path}.definition.moreInfo`);
    if (definition.extensions !== undefined) this.extensions(definition.extensions, `${path}.definition.extensions`);
  }

  statementRef(value: Record<string, unknown>, path: string): void {
    this.keys(value, path, ['objectType', 'id']);
    if (!isXapiUuid(value.id)) this.fail(`${path}.id`, 'must be a UUID.');
  }

  result(value: unknown, path: string): void {
    if (!isObject(value)) return this.fail(path, 'must be an object.');
    this.keys(value, path, ['score', 'success', 'completion', 'response', 'duration', 'extensions']);
    if (value.score !== undefined) {
      const score = value.score;
      if (!isObject(score)) this.fail(`${path}.score`, 'must be an object.');
      else {
        this.keys(score, `${path}.score`, ['scaled', 'raw', 'min', 'max']);
        for (const key of ['scaled', 'raw', 'min', 'max'] as const) {
          if (score[key] !== undefined && !(typeof score[key] === 'number' && Number.isFinite(score[key])))
            this.fail(`${path}.score.${key}`, 'must be a finite number.');
        }
        const { scaled, raw, min, max } = score as { scaled?: number; raw?: number; min?: number; max?: number };
        if (typeof scaled === 'number' && (scaled < -1 || scaled > 1)) this.fail(`${path}.score.scaled`, `must be between -1 and 1 (got ${scaled}).`);
        if (typeof min === 'number' && typeof max === 'number' && !(min < max)) this.fail(`${path}.score.min`, `must be less than max (${min} ≥ ${max}).`);
        if (typeof raw === 'number' && typeof min === 'number' && raw < min) this.fail(`${path}.score.raw`, `must not be below min (${raw} < ${min}).`);
        if (typeof raw === 'number' && typeof max === 'number' && raw > max) this.fail(`${path}.score.raw`, `must not be above max (${raw} > ${max}).`);
      }
    }
    for (const key of ['success', 'completion'] as const)
      if (value[key] !== undefined && typeof value[key] !== 'boolean') this.fail(`${path}.${key}`, 'must be true or false.');
    if (value.response !== undefined && typeof value.response !== 'string') this.fail(`${path}.response`, 'must be a string.');
    if (value.duration !== undefined && !isXapiDuration(value.duration))
      this.fail(`${path}.duration`, `must be an ISO 8601 duration such as PT1H30M (got ${JSON.stringify(value.duration)}).`);
    if (value.extensions !== undefined) this.extensions(value.extensions, `${path}.extensions`);
  }

  /** `relevantTypes` of a context agent or group: when present, one or more IRIs. */
  relevantTypes(value: unknown, path: string): void {
    if (value === undefined) return;
    if (!Array.isArray(value) || value.length === 0) return this.fail(path, 'must be a list of one or more IRIs (leave it out when there is no type to give).');
    value.forEach((type, index) => this.iri(type, `${path}[${index}]`));
  }

  /** xAPI 2.0 `contextAgents`: `[{ objectType: 'contextAgent', agent, relevantTypes? }]`. */
  contextAgents(value: unknown, path: string): void {
    if (!Array.isArray(value)) return this.fail(path, 'must be a list of Context Agents { objectType: "contextAgent", agent, relevantTypes }.');
    value.forEach((item, index) => {
      const itemPath = `${path}[${index}]`;
      if (!isObject(item)) return this.fail(itemPath, 'must be a Context Agent { objectType: "contextAgent", agent, relevantTypes }.');
      this.keys(item, itemPath, ['objectType', 'agent', 'relevantTypes']);
      if (item.objectType !== 'contextAgent') this.fail(`${itemPath}.objectType`, `must be "contextAgent" (got ${JSON.stringify(item.objectType)}).`);
      if (item.agent === undefined) this.fail(`${itemPath}.agent`, 'is required: the Agent.');
      else if (isObject(item.agent) && item.agent.objectType === 'Group')
        this.fail(`${itemPath}.agent`, 'must be an Agent, not a Group (Groups go in contextGroups).');
      else this.agent(item.agent, `${itemPath}.agent`);
      this.relevantTypes(item.relevantTypes, `${itemPath}.relevantTypes`);
    });
  }

  /** xAPI 2.0 `contextGroups`: `[{ objectType: 'contextGroup', group, relevantTypes? }]`. */
  contextGroups(value: unknown, path: string): void {
    if (!Array.isArray(value)) return this.fail(path, 'must be a list of Context Groups { objectType: "contextGroup", group, relevantTypes }.');
    value.forEach((item, index) => {
      const itemPath = `${path}[${index}]`;
      if (!isObject(item)) return this.fail(itemPath, 'must be a Context Group { objectType: "contextGroup", group, relevantTypes }.');
      this.keys(item, itemPath, ['objectType', 'group', 'relevantTypes']);
      if (item.objectType !== 'contextGroup') this.fail(`${itemPath}.objectType`, `must be "contextGroup" (got ${JSON.stringify(item.objectType)}).`);
      if (item.group === undefined) this.fail(`${itemPath}.group`, 'is required: the Group.');
      else if (!isObject(item.group) || item.group.objectType !== 'Group') this.fail(`${itemPath}.group`, 'must be a Group (objectType "Group").');
      else this.group(item.group, `${itemPath}.group`);
      this.relevantTypes(item.relevantTypes, `${itemPath}.relevantTypes`);
    });
  }

  context(value: unknown, path: string, objectIsActivity: boolean): void {
    if (!isObject(value)) return this.fail(path, 'must be an object.');
    const twoPointO = this.version === '2.0.0';
    if (!twoPointO) {
      for (const key of ['contextAgents', 'contextGroups'] as const) {
        if (value[key] !== undefined)
          this.fail(
            `${path}.${key}`,
            `is an xAPI 2.0 property; a ${this.version} statement cannot carry it (make the statement version "2.0.0", e.g. toXapiStatement(event, { version: '2.0.0', … })).`,
          );
      }
    }
    this.keys(value, path, [
      'registration',
      'instructor',
      'team',
      'contextActivities',
      'revision',
      'platform',
      'language',
      'statement',
      'extensions',
      'contextAgents',
      'contextGroups',
    ]); // the two 2.0 ones: refused above in 1.0.3
    if (twoPointO && value.contextAgents !== undefined) this.contextAgents(value.contextAgents, `${path}.contextAgents`);
    if (twoPointO && value.contextGroups !== undefined) this.contextGroups(value.contextGroups, `${path}.contextGroups`);
    if (value.registration !== undefined && !isXapiUuid(value.registration)) this.fail(`${path}.registration`, 'must be a UUID.');
    if (value.instructor !== undefined) this.actor(value.instructor, `${path}.instructor`);
    if (value.team !== undefined) {
      if (!isObject(value.team) || value.team.objectType !== 'Group') this.fail(`${path}.team`, 'must be a Group (objectType "Group").');
      else this.group(value.team, `${path}.team`);
    }
    if (value.contextActivities !== undefined) {
      const activities = value.contextActivities;
      if (!isObject(activities)) this.fail(`${path}.contextActivities`, 'must be an object.');
      else {
        this.keys(activities, `${path}.contextActivities`, ['parent', 'grouping', 'category', 'other']);
        for (const [key, list] of Object.entries(activities)) {
          const items = Array.isArray(list) ? list : [list];
          items.forEach((activity, index) => this.activity(activity, `${path}.contextActivities.${key}[${index}]`));
        }
      }
    }
    for (const key of ['revision', 'platform'] as const) {
      if (value[key] === undefined) continue;
      if (typeof value[key] !== 'string') this.fail(`${path}.${key}`, 'must be a string.');
      if (!objectIsActivity) this.fail(`${path}.${key}`, 'must not be used unless the object is an Activity.');
    }
    if (value.language !== undefined && !isLanguageTag(value.language)) this.fail(`${path}.language`, 'must be an RFC 5646 language tag such as "en-US".');
    if (value.statement !== undefined) {
      if (!isObject(value.statement) || value.statement.objectType !== 'StatementRef') this.fail(`${path}.statement`, 'must be a StatementRef.');
      else this.statementRef(value.statement, `${path}.statement`);
    }
    if (value.extensions !== undefined) this.extensions(value.extensions, `${path}.extensions`);
  }
}

const isVersion2 = (value: unknown) => typeof value === 'string' && /^2\.0(\.\d+)?$/.test(value);

/**
 * Checks a statement against the xAPI rules — 1.0.3, or 2.0 for a statement whose `version` is
 * 2.0.x or when `options.version` is '2.0.0' — and returns every broken rule.
 */
export function validateXapiStatement(statement: unknown, options: XapiValidationOptions = {}): XapiValidationResult {
  if (options.version !== undefined && !XAPI_VERSIONS.includes(options.version)) {
    throw new MentorKitError(
      'invalid-input',
      `\`version\` must be one of ${XAPI_VERSIONS.map((version) => `"${version}"`).join(', ')} (got ${JSON.stringify(options.version)}).`,
      { path: 'options.version' },
    );
  }
  const version: XapiVersion = options.version ?? (isObject(statement) && isVersion2(statement.version) ? '2.0.0' : '1.0.3');
  const checker = new Checker(version);
  if (!isObject(statement)) {
    checker.fail('', 'must be an object with actor, verb and object.');
    return { valid: false, errors: checker.errors };
  }
  checker.keys(statement, '', ['id', 'actor', 'verb', 'object', 'result', 'context', 'timestamp', 'stored', 'authority', 'version', 'attachments']);
  if (statement.id !== undefined && !isXapiUuid(statement.id)) checker.fail('id', `must be a UUID (got ${JSON.stringify(statement.id)}).`);
  if (statement.actor === undefined) checker.fail('actor', 'is required.');
  else checker.actor(statement.actor, 'actor');
  const verb = statement.verb;
  if (!isObject(verb)) checker.fail('verb', 'is required: { id, display }.');
  else {
    checker.keys(verb, 'verb', ['id', 'display']);
    checker.iri(verb.id, 'verb.id');
    if (verb.display !== undefined) checker.languageMap(verb.display, 'verb.display');
  }
  const object = statement.object;
  let objectIsActivity = false;
  if (!isObject(object)) checker.fail('object', 'is required: an Activity, Agent, Group or StatementRef.');
  else if (object.objectType === undefined || object.objectType === 'Activity') {
    objectIsActivity = true;
    checker.activity(object, 'object');
  } else if (object.objectType === 'Agent') checker.agent(object, 'object');
  else if (object.objectType === 'Group') checker.group(object, 'object');
  else if (object.objectType === 'StatementRef') checker.statementRef(object, 'object');
  else if (object.objectType === 'SubStatement') {
    // Nested statements: the same rules, minus id, stored, version, authority and further nesting.
    const { objectType: _substatement, ...nestedStatement } = object;
    const nested = validateXapiStatement(nestedStatement, { version });
    for (const error of nested.errors) {
      const path = error.path ? `object.${error.path}` : 'object';
      checker.errors.push({ path, message: error.message.replace(/^`[^`]*`/, `\`${path}\``) });
    }
  } else checker.fail('object.objectType', 'must be "Activity", "Agent", "Group", "StatementRef" or "SubStatement".');
  if (statement.result !== undefined) checker.result(statement.result, 'result');
  if (statement.context !== undefined) checker.context(statement.context, 'context', objectIsActivity);
  for (const key of ['timestamp', 'stored'] as const) {
    if (statement[key] === undefined) continue;
    const problem = timestampProblem(statement[key]);
    if (problem)
      checker.fail(key, `${problem}${version === '2.0.0' ? ' (xAPI 2.0: ISO 8601 / RFC 3339 with a time zone)' : ''} (got ${JSON.stringify(statement[key])}).`);
  }
  if (statement.authority !== undefined) checker.actor(statement.authority, 'authority');
  if (version === '2.0.0') {
    if (statement.version !== undefined && !isVersion2(statement.version))
      checker.fail('version', `must be a 2.0.x version such as "2.0.0" under the xAPI 2.0 rules (got ${JSON.stringify(statement.version)}).`);
  } else if (statement.version !== undefined && !(typeof statement.version === 'string' && /^1\.0(\.\d+)?$/.test(statement.version))) {
    checker.fail(
      'version',
      options.version
        ? 'must be a 1.0.x version such as "1.0.3".'
        : `must be a 1.0.x version such as "1.0.3" or a 2.0.x version such as "2.0.0" (got ${JSON.stringify(statement.version)}).`,
    );
  }
  return { valid: checker.errors.length === 0, errors: checker.errors };
}

/** Throws `invalid-input` (with every problem in `issues`) unless the statement follows the xAPI rules (see `validateXapiStatement`). */
export function assertValidXapiStatement(statement: unknown, options: XapiValidationOptions = {}): void {
  const { valid, errors } = validateXapiStatement(statement, options);
  if (valid) return;
  const first = errors[0]!;
  throw new MentorKitError('invalid-input', `${first.message}${errors.length > 1 ? ` There are ${errors.length - 1} more problems; see \`issues\`.` : ''}`, {
    path: first.path,
    issues: errors,
  });
}
