import type http from 'node:http';

/** Who is calling: a person (policy applies) or a trusted service (no policy). */
export type Caller = { kind: 'person'; personId: string } | { kind: 'service' };

/** Identifies the caller from the request, or returns undefined (answered with 401). */
export type Authenticate = (request: http.IncomingMessage) => Caller | undefined | Promise<Caller | undefined>;
