import { lookup as dnsLookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP, type LookupFunction, type Socket } from 'node:net';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { MentorKitError } from '@mentorkit/core';

/**
 * The outbound-fetch guard: every request the server makes on a person's behalf (calendar feeds,
 * CalDAV, later LTI keys) goes through `createOutboundFetch`, against server-side request forgery.
 *
 * - Only `http:` and `https:`; no credentials in the URL (`https://user:pass@…`: they go in headers).
 * - The host is resolved with DNS and EVERY address must be public: loopback, private, link-local
 *   (incl. the 169.254.169.254 metadata service), CGNAT, unspecified, multicast, broadcast, reserved,
 *   benchmarking and documentation ranges are refused, also when wrapped in IPv6 (IPv4-mapped and
 *   -compatible, NAT64 64:ff9b::/96, 6to4 2002::/16, Teredo) or spelled as a decimal, octal or hex
 *   IPv4 number (`new URL()` turns those into dotted quads first).
 * - The check runs inside the connection's own DNS lookup (the `lookup` of node:http/https), so the
 *   address checked is the address connected to: no DNS rebinding between check and connect. The
 *   connected socket's remote address is checked once more.
 * - Redirects are followed by hand (at most `maxRedirects`), each hop checked again; Authorization,
 *   Cookie and Proxy-Authorization are dropped when a hop leaves the origin.
 * - One deadline (`timeoutMs`) covers every hop: connect, headers and body. Bodies are read up to
 *   `maxBytes` (after decompression; gzip, deflate and br are accepted) and the connection is cut
 *   beyond that; the Response returned holds the whole body.
 * - The operator's allowlist (`MENTORKIT_FETCH_ALLOW_HOSTS`: host names, IPs, CIDRs) lets a target
 *   through although it is private or loopback: a local calendar server, or 127.0.0.1 in tests.
 *
 * Errors are `OutboundRefused` (a `MentorKitError`) with a message a person can act on, naming only
 * the scheme and host (never the path or query, which may hold a calendar's secret token).
 */

export interface OutboundOptions {
  /** Host names, IP addresses or CIDRs (v4/v6) let through although private or loopback (`parseAllowHosts`). */
  allowHosts?: readonly string[];
  /** Response body cap in bytes, after decompression (default 5 MiB). */
  maxBytes?: number;
  /** The whole request, every redirect, connect, headers and body included (default 10 s). */
  timeoutMs?: number;
  /** Redirects followed, each re-checked (default 3). */
  maxRedirects?: number;
  /** Sent as User-Agent unless the request has one. */
  userAgent?: string;
  /**
   * Resolves a host name to its addresses (default: the system resolver, `dns.lookup` with
   * `all: true`). For tests (a name resolving to a private address) and custom DNS: every address
   * returned is checked, and the connection goes to the first one.
   */
  resolve?: (host: string) => Promise<string[]>;
}

export const OUTBOUND_DEFAULTS = { maxBytes: 5 * 1024 * 1024, timeoutMs: 10_000, maxRedirects: 3 } as const;

/**
 * Why the guard refused or could not finish a request:
 * - `scheme`, `credentials`, `address`: the target is not allowed (code `forbidden`, path `url`);
 * - `redirects`, `too-large`, `timeout`, `unreachable` (DNS, connection, TLS, protocol errors): the
 *   remote end misbehaves or is down (code `storage-error`).
 */
export type OutboundReason = 'scheme' | 'credentials' | 'address' | 'redirects' | 'too-large' | 'timeout' | 'unreachable';

export class OutboundRefused extends MentorKitError {
  readonly reason: OutboundReason;
  /** `https://calendar.example.com` (scheme and host only). */
  readonly target: string;

  constructor(reason: OutboundReason, target: string, message: string, options: { cause?: unknown } = {}) {
    const forbidden = reason === 'scheme' || reason === 'credentials' || reason === 'address';
    super(forbidden ? 'forbidden' : 'storage-error', message, {
      path: 'url',
      details: { reason, target },
      ...(options.cause === undefined ? {} : { cause: options.cause }),
    });
    this.reason = reason;
    this.target = target;
  }
}

export function isOutboundRefused(value: unknown, reason?: OutboundReason): value is OutboundRefused {
  return value instanceof OutboundRefused && (reason === undefined || value.reason === reason);
}

// ─── addresses ───────────────────────────────────────────────────────────────────────────────

type Range = readonly [network: string, prefix: number, label: string];

/** IPv4 ranges that are not the public internet (IANA special-purpose registry), with what to call them. */
const IPV4_RANGES: readonly Range[] = [
  ['0.0.0.0', 8, 'an unspecified ("this network") address'],
  ['10.0.0.0', 8, 'a private address'],
  ['100.64.0.0', 10, 'a shared (carrier-grade NAT) address'],
  ['127.0.0.0', 8, 'a loopback address'],
  ['169.254.0.0', 16, 'a link-local address (where cloud metadata services live)'],
  ['172.16.0.0', 12, 'a private address'],
  ['192.0.0.0', 24, 'a reserved protocol address'],
  ['192.0.2.0', 24, 'a documentation address'],
  ['192.31.196.0', 24, 'a reserved (AS112) address'],
  ['192.52.193.0', 24, 'a reserved (AMT) address'],
  ['192.88.99.0', 24, 'a reserved (6to4 relay) address'],
  ['192.168.0.0', 16, 'a private address'],
  ['192.175.48.0', 24, 'a reserved (AS112) address'],
  ['198.18.0.0', 15, 'a benchmarking address'],
  ['198.51.100.0', 24, 'a documentation address'],
  ['203.0.113.0', 24, 'a documentation address'],
  ['224.0.0.0', 4, 'a multicast address'],
  ['255.255.255.255', 32, 'the broadcast address'],
  ['240.0.0.0', 4, 'a reserved address'],
];

/** IPv6 ranges refused outright (those wrapping an IPv4 address are unwrapped first, see `classifyAddress`). */
const IPV6_RANGES: readonly Range[] = [
  ['::', 128, 'an unspecified address'],
  ['::1', 128, 'a loopback address'],
  ['64:ff9b:1::', 48, 'a local NAT64 address'],
  ['100::', 64, 'a discard address'],
  ['2001::', 32, 'a Teredo tunnel address'],
  ['2001:2::', 48, 'a benchmarking address'],
  ['2001:10::', 28, 'a reserved (ORCHID) address'],
  ['2001:20::', 28, 'a reserved (ORCHID) address'],
  ['2001:db8::', 32, 'a documentation address'],
  ['3fff::', 20, 'a documentation address'],
  ['5f00::', 16, 'a reserved (segment routing) address'],
  ['fc00::', 7, 'a private (unique local) address'],
  ['fe80::', 10, 'a link-local address'],
  ['fec0::', 10, 'a private (site-local) address'],
  ['ff00::', 8, 'a multicast address'],
];

const rangeList = (ranges: readonly Range[], family: 'ipv4' | 'ipv6') =>
  ranges.map(([network, prefix, label]) => {
    const list = new BlockList();
    list.addSubnet(network, prefix, family);
    return { list, label };
  });

const ipv4Ranges = rangeList(IPV4_RANGES, 'ipv4');
const ipv6Ranges = rangeList(IPV6_RANGES, 'ipv6');

/** The 16 bytes of an IPv6 address (any spelling node accepts), or undefined. */
function ipv6Bytes(address: string): Uint8Array | undefined {
  if (isIP(address) !== 6) return undefined;
  let text = address.split('%')[0]!; // zone id
  const bytes = new Uint8Array(16);
  // A trailing dotted quad (::ffff:127.0.0.1) becomes two groups.
  const quad = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (quad) {
    const [a, b, c, d] = quad.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, quad.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail === undefined ? [] : tail ? tail.split(':') : [];
  const groups = tail === undefined ? headGroups : [...headGroups, ...Array<string>(8 - headGroups.length - tailGroups.length).fill('0'), ...tailGroups];
  if (groups.length !== 8) return undefined;
  groups.forEach((group, index) => {
    const value = Number.parseInt(group, 16);
    bytes[index * 2] = value >> 8;
    bytes[index * 2 + 1] = value & 0xff;
  });
  return bytes;
}

const ipv4FromBytes = (bytes: Uint8Array, offset: number) => `${bytes[offset]}.${bytes[offset + 1]}.${bytes[offset + 2]}.${bytes[offset + 3]}`;

/**
 * What makes `address` unfit for an outbound request ("a private address", "a loopback address"
 * wrapped in IPv6 …), or undefined for a public address. Not an IP address → 'not an IP address'.
 */
export function classifyAddress(address: string): string | undefined {
  const family = isIP(address);
  if (family === 4) return ipv4Ranges.find(({ list }) => list.check(address, 'ipv4'))?.label;
  if (family !== 6) return 'not an IP address';
  const bytes = ipv6Bytes(address);
  if (!bytes) return 'not an IP address';
  const zeros = (from: number, to: number) => bytes.slice(from, to).every((byte) => byte === 0);
  const wrapped = (v4: string, how: string) => {
    const label = classifyAddress(v4);
    return label ? `${label} (${v4}) ${how}` : undefined;
  };
  // ::ffff:a.b.c.d (IPv4-mapped) connects to the IPv4 address itself.
  if (zeros(0, 10) && bytes[10] === 0xff && bytes[11] === 0xff) return wrapped(ipv4FromBytes(bytes, 12), 'in IPv4-mapped form');
  // ::a.b.c.d (IPv4-compatible, deprecated since 2006): never a real server.
  if (zeros(0, 12) && !zeros(12, 14)) return 'a deprecated IPv4-compatible IPv6 address';
  // 64:ff9b::a.b.c.d: NAT64 translates it to the IPv4 address.
  if (bytes[0] === 0x00 && bytes[1] === 0x64 && bytes[2] === 0xff && bytes[3] === 0x9b && zeros(4, 12))
    return wrapped(ipv4FromBytes(bytes, 12), 'behind NAT64');
  // 2002:aabb:ccdd::/48: 6to4 tunnels to the IPv4 address a.b.c.d.
  if (bytes[0] === 0x20 && bytes[1] === 0x02) return wrapped(ipv4FromBytes(bytes, 2), 'behind 6to4');
  const normalised = Array.from({ length: 8 }, (_, index) => ((bytes[index * 2]! << 8) | bytes[index * 2 + 1]!).toString(16)).join(':');
  const label = ipv6Ranges.find(({ list }) => list.check(normalised, 'ipv6'))?.label;
  if (label) return label;
  // Only 2000::/3 is global unicast; everything else is reserved.
  if ((bytes[0]! & 0xe0) !== 0x20) return 'a reserved address';
  return undefined;
}

// ─── the allowlist ──────────────────────────────────────────────────────────────────────────────

const HOST_NAME = /^(?=.{1,253}$)([a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)(\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*$/;

/** One allowlist entry normalised (lower case, no brackets or trailing dot), or undefined when invalid. */
function normaliseAllowEntry(entry: string): string | undefined {
  let text = entry.trim().toLowerCase();
  if (text.startsWith('[') && text.includes(']')) text = text.replace(/^\[([^\]]*)\]/, '$1');
  const slash = text.indexOf('/');
  if (slash >= 0) {
    const network = text.slice(0, slash);
    const prefixText = text.slice(slash + 1);
    const family = isIP(network);
    const prefix = Number(prefixText);
    if (!family || !/^\d{1,3}$/.test(prefixText) || prefix > (family === 4 ? 32 : 128)) return undefined;
    return `${network}/${prefix}`;
  }
  if (isIP(text)) return text;
  text = text.replace(/\.$/, '');
  return HOST_NAME.test(text) ? text : undefined;
}

/**
 * `MENTORKIT_FETCH_ALLOW_HOSTS` (comma- or space-separated host names, IP addresses and CIDRs, e.g.
 * `127.0.0.1, calendar.intranet, 10.20.0.0/16, fd00::/8`) as a list; unset or empty → []. An entry
 * that is none of these throws an Error naming it.
 */
export function parseAllowHosts(value: string | undefined): string[] {
  if (value === undefined) return [];
  const entries = value.split(/[,\s]+/).filter(Boolean);
  return entries.map((entry) => {
    const normalised = normaliseAllowEntry(entry);
    if (!normalised)
      throw new Error(
        `MENTORKIT_FETCH_ALLOW_HOSTS: "${entry}" is not a host name, an IP address or a CIDR range (such as 127.0.0.1, calendar.intranet or 10.20.0.0/16).`,
      );
    return normalised;
  });
}

interface Allowlist {
  host(name: string): boolean;
  address(address: string): boolean;
}

function createAllowlist(entries: readonly string[]): Allowlist {
  const names = new Set<string>();
  const addresses = new BlockList();
  for (const entry of entries) {
    const normalised = normaliseAllowEntry(entry);
    if (!normalised)
      throw new MentorKitError('invalid-input', `allowHosts: "${entry}" is not a host name, an IP address or a CIDR range.`, { path: 'allowHosts' });
    const [network, prefix] = normalised.split('/');
    const family = isIP(network!);
    if (family && prefix !== undefined) addresses.addSubnet(network!, Number(prefix), family === 4 ? 'ipv4' : 'ipv6');
    else if (family) addresses.addAddress(network!, family === 4 ? 'ipv4' : 'ipv6');
    else names.add(normalised);
  }
  return {
    host: (name) => names.has(name.toLowerCase().replace(/\.$/, '')),
    address: (address) => {
      const family = isIP(address);
      return family !== 0 && addresses.check(address, family === 4 ? 'ipv4' : 'ipv6');
    },
  };
}

/** Whether the allowlist (`parseAllowHosts` entries) lets `host` (a name or an IP address) through. */
export function allowlistAllows(entries: readonly string[], host: string): boolean {
  const allow = createAllowlist(entries);
  const name = host.replace(/^\[(.*)\]$/, '$1');
  return allow.host(name) || allow.address(name);
}

// ─── the fetch ────────────────────────────────────────────────────────────────────────────────

/** `https://calendar.example.com` — what error messages may show of a URL. */
const targetOf = (url: URL) => `${url.protocol}//${url.host}`;

const formatBytes = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${+(bytes / 1024 / 1024).toFixed(1)} MiB` : bytes >= 1024 ? `${+(bytes / 1024).toFixed(1)} KiB` : `${bytes} bytes`;

const NOT_ALLOWED = 'MentorKit does not fetch private, loopback or otherwise non-public addresses (the operator can allow one in MENTORKIT_FETCH_ALLOW_HOSTS)';

/** Refuses a URL before any connection: scheme, credentials, and an IP-literal host. */
function checkUrl(url: URL, allow: Allowlist): void {
  const target = targetOf(url);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new OutboundRefused('scheme', url.protocol, `Only http and https addresses can be fetched, not "${url.protocol.replace(/:$/, '')}:".`);
  }
  if (url.username || url.password) {
    throw new OutboundRefused(
      'credentials',
      target,
      `The address for ${url.host} has a user name or password in it; MentorKit does not send credentials in addresses — give them separately.`,
    );
  }
  const host = hostOf(url);
  if (!host) throw new OutboundRefused('address', target, 'The address has no host.');
  if (isIP(host) && !allow.host(host)) refuseAddress(url, host, host, allow);
}

/** The URL's host without IPv6 brackets. */
const hostOf = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, '$1');

/** Throws when `address` (what `url`'s host resolved to) is not public and not allowlisted. */
function refuseAddress(url: URL, host: string, address: string, allow?: Allowlist): void {
  if (allow?.address(address)) return;
  const label = classifyAddress(address);
  if (!label) return;
  const what = host === address ? `${address} is ${label}` : `${host} resolves to ${address}, ${label}`;
  throw new OutboundRefused('address', targetOf(url), `${what}; ${NOT_ALLOWED}.`);
}

const NETWORK_ERRORS: Record<string, string> = {
  ENOTFOUND: 'was not found (DNS)',
  EAI_AGAIN: 'could not be looked up (DNS is not answering); try again later',
  ECONNREFUSED: 'refused the connection',
  ECONNRESET: 'closed the connection',
  EHOSTUNREACH: 'cannot be reached',
  ENETUNREACH: 'cannot be reached (no route)',
  ETIMEDOUT: 'did not answer',
  EPIPE: 'closed the connection',
};

function unreachable(url: URL, error: unknown): OutboundRefused {
  if (error instanceof OutboundRefused) return error;
  const code = (error as { code?: string } | undefined)?.code ?? '';
  const why =
    NETWORK_ERRORS[code] ??
    (code.startsWith('ERR_TLS') || code.includes('CERT') || code.startsWith('SSL') || code.startsWith('UNABLE_TO') || code.startsWith('DEPTH_ZERO')
      ? `failed the secure connection check (${code})`
      : `could not be reached${code ? ` (${code})` : ''}`);
  return new OutboundRefused('unreachable', targetOf(url), `${url.host} ${why}.`, { cause: error });
}

interface Hop {
  status: number;
  statusText: string;
  headers: Headers;
  body: Buffer | null;
  location?: string;
}

const isNullBodyStatus = (status: number) => status === 101 || status === 204 || status === 205 || status === 304;
const isRedirect = (status: number) => status === 301 || status === 302 || status === 303 || status === 307 || status === 308;

/**
 * A `fetch` that goes through the guard (same signature; tsdav takes it as `fetch`). Every
 * rejection is an `OutboundRefused`, except an abort through `init.signal` (its reason, as fetch).
 */
export function createOutboundFetch(options: OutboundOptions = {}): typeof fetch {
  const allow = createAllowlist(options.allowHosts ?? []);
  const maxBytes = options.maxBytes ?? OUTBOUND_DEFAULTS.maxBytes;
  const timeoutMs = options.timeoutMs ?? OUTBOUND_DEFAULTS.timeoutMs;
  const maxRedirects = options.maxRedirects ?? OUTBOUND_DEFAULTS.maxRedirects;
  const resolve = options.resolve ?? (async (host: string) => (await dnsLookup(host, { all: true, verbatim: true })).map((entry) => entry.address));
  for (const [name, value] of [
    ['maxBytes', maxBytes],
    ['timeoutMs', timeoutMs],
    ['maxRedirects', maxRedirects],
  ] as const) {
    if (!Number.isInteger(value) || value < 0) throw new MentorKitError('invalid-input', `${name} must be a whole number ≥ 0.`, { path: name });
  }

  /** The connection's DNS lookup: resolves, checks every address, hands node the checked ones. */
  const guardedLookup = (url: URL, hostAllowed: boolean): LookupFunction =>
    ((
      hostname: string,
      lookupOptions: { all?: boolean },
      callback: (error: Error | null, address: string | Array<{ address: string; family: number }>, family?: number) => void,
    ) => {
      resolve(hostname)
        .then((addresses) => {
          if (addresses.length === 0) throw Object.assign(new Error('no addresses'), { code: 'ENOTFOUND' });
          for (const address of addresses) {
            if (!isIP(address)) throw new OutboundRefused('address', targetOf(url), `${url.host} resolves to "${address}", which is not an IP address.`);
            if (!hostAllowed) refuseAddress(url, url.hostname, address, allow);
          }
          if (lookupOptions.all)
            callback(
              null,
              addresses.map((address) => ({ address, family: isIP(address) })),
            );
          else callback(null, addresses[0]!, isIP(addresses[0]!));
        })
        .catch((error: unknown) => callback(error instanceof OutboundRefused ? error : unreachable(url, error), lookupOptions.all ? [] : ''));
    }) as LookupFunction;

  /** One request, no redirects followed; the body read whole (within maxBytes) before it resolves. */
  const exchange = (
    url: URL,
    method: string,
    headers: Record<string, string>,
    body: Buffer | undefined,
    deadline: number,
    signal: AbortSignal | null | undefined,
  ): Promise<Hop> =>
    new Promise<Hop>((resolvePromise, reject) => {
      const hostAllowed = allow.host(hostOf(url));
      const transport = url.protocol === 'https:' ? https : http;
      let settled = false;
      let request: http.ClientRequest | undefined;
      const finish = (error: unknown, hop?: Hop) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        if (error !== undefined) {
          request?.destroy();
          reject(error);
        } else resolvePromise(hop!);
      };
      const timer = setTimeout(
        () => finish(new OutboundRefused('timeout', targetOf(url), `${url.host} did not answer within ${timeoutMs / 1000} s; try again later.`)),
        Math.max(0, deadline - Date.now()),
      );
      const onAbort = () => finish(signal?.reason ?? new DOMException('This operation was aborted', 'AbortError'));
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });

      request = transport.request({
        protocol: url.protocol,
        hostname: hostOf(url),
        port: url.port || undefined,
        path: `${url.pathname}${url.search}`,
        method,
        headers: body ? { ...headers, 'content-length': String(body.length) } : headers,
        lookup: guardedLookup(url, hostAllowed),
        agent: false,
      });
      // The address actually connected to, checked once more (IP-literal hosts skip the lookup).
      request.on('socket', (socket: Socket) => {
        const check = () => {
          const address = socket.remoteAddress;
          if (hostAllowed) return;
          try {
            if (!address) throw new OutboundRefused('unreachable', targetOf(url), `${url.host} could not be reached.`);
            refuseAddress(url, hostOf(url), address, allow);
          } catch (error) {
            finish(error);
          }
        };
        if (socket.remoteAddress && !socket.connecting) check();
        else socket.once('connect', check);
      });
      request.on('error', (error) => finish(unreachable(url, error)));
      request.on('response', (response) => {
        const status = response.statusCode ?? 0;
        const responseHeaders = new Headers();
        for (let index = 0; index + 1 < response.rawHeaders.length; index += 2) {
          try {
            responseHeaders.append(response.rawHeaders[index]!, response.rawHeaders[index + 1]!);
          } catch {
            // a header value fetch cannot hold: left out
          }
        }
        if (status < 200 || status > 599)
          return finish(new OutboundRefused('unreachable', targetOf(url), `${url.host} answered with an invalid HTTP status (${status}).`));
        const hop: Hop = {
          status,
          statusText: response.statusMessage ?? '',
          headers: responseHeaders,
          body: null,
          ...(response.headers.location ? { location: response.headers.location } : {}),
        };
        if (isRedirect(status) && hop.location !== undefined) {
          // Not read: the hop is followed (or handed back bodiless with redirect: 'manual').
          response.destroy();
          return finish(undefined, hop);
        }
        if (method === 'HEAD' || isNullBodyStatus(status)) {
          response.resume();
          return finish(undefined, hop);
        }
        const declared = Number(response.headers['content-length']);
        const tooLarge = () =>
          new OutboundRefused(
            'too-large',
            targetOf(url),
            `${url.host} sent more than ${formatBytes(maxBytes)}; MentorKit reads at most ${formatBytes(maxBytes)} from it.`,
          );
        if (Number.isFinite(declared) && declared > maxBytes && !response.headers['content-encoding']) return finish(tooLarge());
        const encoding = String(response.headers['content-encoding'] ?? '')
          .trim()
          .toLowerCase();
        const decoder =
          encoding === 'gzip' || encoding === 'x-gzip'
            ? zlib.createGunzip()
            : encoding === 'deflate'
              ? zlib.createInflate()
              : encoding === 'br'
                ? zlib.createBrotliDecompress()
                : undefined;
        if (decoder) {
          responseHeaders.delete('content-encoding');
          responseHeaders.delete('content-length');
        }
        const stream: Readable = decoder ? response.pipe(decoder) : response;
        const chunks: Buffer[] = [];
        let received = 0;
        let raw = 0;
        response.on('data', (chunk: Buffer) => {
          raw += chunk.length;
          if (raw > maxBytes) finish(tooLarge());
        });
        stream.on('data', (chunk: Buffer) => {
          received += chunk.length;
          if (received > maxBytes) {
            decoder?.destroy();
            return finish(tooLarge());
          }
          chunks.push(chunk);
        });
        decoder?.on('error', (error) =>
          finish(
            new OutboundRefused('unreachable', targetOf(url), `${url.host} sent a body that could not be decoded (${encoding || 'identity'}).`, {
              cause: error,
            }),
          ),
        );
        // Cut off mid-body: the connection closed before the whole response arrived.
        response.on('close', () => {
          if (!response.complete) finish(unreachable(url, Object.assign(new Error('aborted'), { code: 'ECONNRESET' })));
        });
        response.on('error', (error) => finish(unreachable(url, error)));
        stream.on('end', () => finish(undefined, { ...hop, body: Buffer.concat(chunks, received) }));
      });
      request.end(body);
    });

  const guardedFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    let url: URL;
    try {
      url = new URL(input instanceof Request ? input.url : String(input));
    } catch {
      throw new OutboundRefused('scheme', '', 'The address is not a valid URL.');
    }
    // Before the Request is built: fetch itself refuses credentials in a URL with a bare TypeError.
    checkUrl(url, allow);
    const incoming = new Request(input, init);
    const redirectMode = init?.redirect ?? (input instanceof Request ? input.redirect : 'follow');
    let method = incoming.method.toUpperCase();
    let body: Buffer | undefined = incoming.body ? Buffer.from(await incoming.arrayBuffer()) : undefined;
    const headers: Record<string, string> = {};
    incoming.headers.forEach((value, name) => {
      headers[name] = value;
    });
    if (options.userAgent && !headers['user-agent']) headers['user-agent'] = options.userAgent;
    headers['accept-encoding'] = 'gzip, deflate, br';
    const deadline = Date.now() + timeoutMs;
    const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);

    for (let redirects = 0; ; redirects += 1) {
      checkUrl(url, allow);
      const hop = await exchange(url, method, headers, body, deadline, signal);
      if (hop.location !== undefined && isRedirect(hop.status) && redirectMode !== 'manual') {
        if (redirectMode === 'error') throw new TypeError(`${url.host} redirected, and redirect: 'error' was asked.`);
        if (redirects >= maxRedirects) {
          throw new OutboundRefused(
            'redirects',
            targetOf(url),
            `${url.host} redirected more than ${maxRedirects} times; MentorKit follows at most ${maxRedirects} redirects.`,
          );
        }
        let next: URL;
        try {
          next = new URL(hop.location, url);
        } catch {
          throw new OutboundRefused('unreachable', targetOf(url), `${url.host} redirected to an invalid address.`);
        }
        // The fetch standard: 303 turns anything but HEAD into GET; 301/302 turn POST into GET.
        if ((hop.status === 303 && method !== 'HEAD') || ((hop.status === 301 || hop.status === 302) && method === 'POST')) {
          method = 'GET';
          body = undefined;
          for (const name of Object.keys(headers)) if (name.startsWith('content-')) delete headers[name];
        }
        if (next.origin !== url.origin) {
          delete headers.authorization;
          delete headers.cookie;
          delete headers['proxy-authorization'];
        }
        url = next;
        continue;
      }
      const response = new Response(hop.body && !isNullBodyStatus(hop.status) ? new Uint8Array(hop.body) : null, {
        status: hop.status,
        statusText: hop.statusText,
        headers: hop.headers,
      });
      Object.defineProperty(response, 'url', { value: url.href });
      Object.defineProperty(response, 'redirected', { value: redirects > 0 });
      return response;
    }
  };
  return guardedFetch as typeof fetch;
}
