/**
 * LTI roles (the LIS vocabulary of LTI 1.3, §A.2) to MentorKit roles, configurable per platform.
 *
 * Defaults: Administrator (institution, system or context) and Instructor (a teaching assistant
 * included) → programme admin; Mentor (context) → mentor; Learner → mentee. A platform's `roles`
 * setting adds role URIs (or short names) to each MentorKit role, e.g. a custom role the LMS gives
 * mentors, and `mentors` names people (their LTI `sub` or email) who mentor whatever their LTI role.
 */

export type MentorKitRole = 'admin' | 'mentor' | 'mentee';

export interface LtiRoleSettings {
  /** Extra LTI role URIs or short names (e.g. "Instructor", "urn:lti:role:…", a custom role) per MentorKit role. */
  admin?: readonly string[];
  mentor?: readonly string[];
  mentee?: readonly string[];
  /** People who are mentors in this platform's programmes: their LTI `sub` or email address. */
  mentors?: readonly string[];
  /** When true, the default mapping is not used: only the lists above count. */
  replaceDefaults?: boolean;
}

const LIS = 'http://purl.imsglobal.org/vocab/lis/v2/';

const DEFAULTS: Record<MentorKitRole, readonly string[]> = {
  admin: [
    `${LIS}system/person#Administrator`,
    `${LIS}system/person#SysAdmin`,
    `${LIS}institution/person#Administrator`,
    `${LIS}membership#Administrator`,
    `${LIS}membership#Instructor`,
    `${LIS}membership/Instructor#TeachingAssistant`,
  ],
  mentor: [`${LIS}membership#Mentor`],
  mentee: [`${LIS}membership#Learner`, `${LIS}institution/person#Student`, `${LIS}institution/person#Learner`],
};

/**
 * LTI 1.3 allows short context role names ("Instructor", "Learner") although it deprecates them;
 * they mean the context (membership) role of that name.
 */
function canonical(role: string): string {
  const trimmed = role.trim();
  if (/^[A-Za-z]+(#[A-Za-z]+)?$/.test(trimmed) && !trimmed.includes('#')) return `${LIS}membership#${trimmed}`;
  return trimmed;
}

/** The MentorKit roles an LTI launch (or roster entry) gives. Empty when none of its roles maps. */
export function mentorKitRoles(
  ltiRoles: readonly string[],
  settings: LtiRoleSettings = {},
  person: { subject?: string; email?: string } = {},
): MentorKitRole[] {
  const given = new Set(ltiRoles.filter((role): role is string => typeof role === 'string').map(canonical));
  const roles = new Set<MentorKitRole>();
  for (const role of ['admin', 'mentor', 'mentee'] as const) {
    const accepted = [...(settings.replaceDefaults ? [] : DEFAULTS[role]), ...(settings[role] ?? []).map(canonical)];
    if (accepted.some((uri) => given.has(uri))) roles.add(role);
  }
  const named = (settings.mentors ?? []).map((entry) => entry.trim().toLowerCase());
  if ((person.subject && named.includes(person.subject.toLowerCase())) || (person.email && named.includes(person.email.toLowerCase()))) roles.add('mentor');
  return [...roles];
}

/** Checks a platform's role settings; returns the cleaned settings or throws a message naming the field. */
export function parseRoleSettings(value: unknown, path = 'roles'): LtiRoleSettings {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new Error(`${path} must be an object { admin?, mentor?, mentee?, mentors?, replaceDefaults? }.`);
  const input = value as Record<string, unknown>;
  const unknown = Object.keys(input).filter((key) => !['admin', 'mentor', 'mentee', 'mentors', 'replaceDefaults'].includes(key));
  if (unknown.length > 0)
    throw new Error(
      `${path} has unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map((key) => JSON.stringify(key)).join(', ')}; use admin, mentor, mentee (lists of LTI role URIs), mentors (LTI subs or emails) and replaceDefaults.`,
    );
  const list = (key: string): string[] | undefined => {
    const entries = input[key];
    if (entries === undefined) return undefined;
    if (!Array.isArray(entries) || entries.length > 200 || !entries.every((entry) => typeof entry === 'string' && entry.trim() !== '' && entry.length <= 500)) {
      throw new Error(`${path}.${key} must be a list of at most 200 non-empty strings (500 characters each).`);
    }
    return entries.map((entry: string) => entry.trim());
  };
  if (input.replaceDefaults !== undefined && typeof input.replaceDefaults !== 'boolean') throw new Error(`${path}.replaceDefaults must be true or false.`);
  const settings: LtiRoleSettings = {};
  for (const key of ['admin', 'mentor', 'mentee', 'mentors'] as const) {
    const entries = list(key);
    if (entries) (settings as Record<string, unknown>)[key] = entries;
  }
  if (input.replaceDefaults === true) settings.replaceDefaults = true;
  return settings;
}
