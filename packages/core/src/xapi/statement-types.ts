/**
 * xAPI 1.0.3 statement shapes (https://github.com/adlnet/xAPI-Spec/blob/master/xAPI-Data.md), plus the
 * two context properties xAPI 2.0 (IEEE 9274.1.1) adds: `contextAgents` and `contextGroups`.
 * Structurally the same as `@xapi/xapi`'s types (its `Statement` accepts these objects), declared
 * here so core needs no dependency; `@xapi/xapi`'s own `LanguageMap` requires every language key, so
 * ours is a plain `Record`.
 */

/** `{ "en-US": "completed" }`: RFC 5646 language tag to text. */
export type XapiLanguageMap = Record<string, string>;

export interface XapiAccount {
  /** Canonical home page of the system holding the account (the LMS), an IRL. */
  homePage: string;
  /** The account's unique id in that system. */
  name: string;
}

export interface XapiAgent {
  objectType?: 'Agent';
  name?: string;
  mbox?: string;
  mbox_sha1sum?: string;
  openid?: string;
  account?: XapiAccount;
}

export interface XapiGroup {
  objectType: 'Group';
  name?: string;
  member?: XapiAgent[];
  mbox?: string;
  mbox_sha1sum?: string;
  openid?: string;
  account?: XapiAccount;
}

export type XapiActor = XapiAgent | XapiGroup;

export interface XapiVerb {
  id: string;
  display: XapiLanguageMap;
}

export type XapiExtensions = Record<string, unknown>;

export interface XapiActivityDefinition {
  type?: string;
  name?: XapiLanguageMap;
  description?: XapiLanguageMap;
  moreInfo?: string;
  extensions?: XapiExtensions;
}

export interface XapiActivity {
  objectType?: 'Activity';
  id: string;
  definition?: XapiActivityDefinition;
}

export interface XapiStatementRef {
  objectType: 'StatementRef';
  id: string;
}

export interface XapiScore {
  scaled?: number;
  raw?: number;
  min?: number;
  max?: number;
}

export interface XapiResult {
  score?: XapiScore;
  success?: boolean;
  completion?: boolean;
  response?: string;
  /** ISO 8601 duration, e.g. `PT1H30M`. */
  duration?: string;
  extensions?: XapiExtensions;
}

export interface XapiContextActivities {
  parent?: XapiActivity[];
  grouping?: XapiActivity[];
  category?: XapiActivity[];
  other?: XapiActivity[];
}

/** xAPI 2.0: an Agent related to the statement, and how (`relevantTypes`: one or more IRIs). */
export interface XapiContextAgent {
  objectType: 'contextAgent';
  agent: XapiAgent;
  relevantTypes?: string[];
}

/** xAPI 2.0: a Group related to the statement, and how (`relevantTypes`: one or more IRIs). */
export interface XapiContextGroup {
  objectType: 'contextGroup';
  group: XapiGroup;
  relevantTypes?: string[];
}

export interface XapiContext {
  /** UUID grouping the statements of one "attempt": here, one pairing. */
  registration?: string;
  instructor?: XapiActor;
  team?: XapiGroup;
  /** xAPI 2.0 only (refused in a 1.0.x statement). */
  contextAgents?: XapiContextAgent[];
  /** xAPI 2.0 only (refused in a 1.0.x statement). */
  contextGroups?: XapiContextGroup[];
  contextActivities?: XapiContextActivities;
  revision?: string;
  platform?: string;
  language?: string;
  statement?: XapiStatementRef;
  extensions?: XapiExtensions;
}

export interface XapiStatement {
  id?: string;
  actor: XapiActor;
  verb: XapiVerb;
  object: XapiActivity | XapiAgent | XapiGroup | XapiStatementRef;
  result?: XapiResult;
  context?: XapiContext;
  timestamp?: string;
  stored?: string;
  authority?: XapiActor;
  version?: string;
}
