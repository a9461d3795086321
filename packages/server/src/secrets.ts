import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { ServerConfigurationError } from './identity.js';

/**
 * The server's secrets at rest and its signatures, from one key (`MENTORKIT_SECRET_KEY`, 32 bytes or
 * more as base64, base64url or hex): CalDAV passwords and calendar addresses (a "secret address" is a
 * password too) are stored encrypted with AES-256-GCM, bound to the row they belong to (a ciphertext
 * copied to another row does not decrypt); feed links are signed with HMAC-SHA-256. Two keys are
 * derived with HKDF, so the encryption key never signs anything.
 */
export interface ServerSecrets {
  /** `v1.<iv>.<ciphertext+tag>` (base64url), bound to `context` (e.g. the row's id). */
  encrypt(plaintext: string, context: string): string;
  /** The plaintext, or throws `SecretUnreadable` (another key, another row, or tampered). */
  decrypt(sealed: string, context: string): string;
  /** A signature of `data` (base64url, 22 characters: 128 bits of HMAC-SHA-256). */
  sign(data: string): string;
  /** Whether `signature` is `sign(data)`, in constant time. */
  verify(data: string, signature: string): boolean;
  /** A 32-byte key for one purpose (HKDF from the master key; e.g. 'lti session tokens v1'). */
  key(purpose: string): Uint8Array;
  /** True when no key was configured and a random one was made for this process (development only). */
  readonly ephemeral: boolean;
}

export class SecretUnreadable extends Error {
  override readonly name = 'SecretUnreadable';
}

/** Decodes `MENTORKIT_SECRET_KEY`: hex (64+ digits) or base64/base64url of 32+ bytes. */
export function parseSecretKey(text: string): Buffer {
  const trimmed = text.trim();
  let key: Buffer | undefined;
  if (/^[0-9a-f]+$/i.test(trimmed) && trimmed.length % 2 === 0 && trimmed.length >= 64) key = Buffer.from(trimmed, 'hex');
  else if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) key = Buffer.from(trimmed.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  if (!key || key.length < 32) {
    throw new ServerConfigurationError(
      "MENTORKIT_SECRET_KEY (secretKey) must be at least 32 random bytes, written as hex or base64 — e.g. the output of: node -e \"console.log(require('crypto').randomBytes(32).toString('base64'))\"",
    );
  }
  return key;
}

export function createSecrets(key: string | undefined): ServerSecrets {
  const ephemeral = key === undefined;
  const master = key === undefined ? randomBytes(32) : parseSecretKey(key);
  const derive = (purpose: string) => Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `mentorkit ${purpose}`, 32));
  const encryptionKey = derive('encryption v1');
  const signingKey = derive('signing v1');
  const sign = (data: string) => createHmac('sha256', signingKey).update(data, 'utf8').digest().subarray(0, 16).toString('base64url');
  return {
    ephemeral,
    key: (purpose) => new Uint8Array(derive(`key ${purpose}`)),
    encrypt(plaintext, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encryptionKey, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const sealed = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
      return `v1.${iv.toString('base64url')}.${sealed.toString('base64url')}`;
    },
    decrypt(sealed, context) {
      const [version, ivText, bodyText, ...rest] = sealed.split('.');
      if (version !== 'v1' || !ivText || !bodyText || rest.length > 0) throw new SecretUnreadable('not a sealed secret of this server');
      const iv = Buffer.from(ivText, 'base64url');
      const body = Buffer.from(bodyText, 'base64url');
      if (iv.length !== 12 || body.length < 16) throw new SecretUnreadable('not a sealed secret of this server');
      try {
        const decipher = createDecipheriv('aes-256-gcm', encryptionKey, iv);
        decipher.setAAD(Buffer.from(context, 'utf8'));
        decipher.setAuthTag(body.subarray(body.length - 16));
        return Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]).toString('utf8');
      } catch {
        throw new SecretUnreadable('sealed with another key, for another record, or changed since');
      }
    },
    sign,
    verify(data, signature) {
      const expected = Buffer.from(sign(data), 'utf8');
      const given = Buffer.from(signature, 'utf8');
      return expected.length === given.length && timingSafeEqual(expected, given);
    },
  };
}
