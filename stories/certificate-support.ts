/**
 * A story-local stand-in for the MentorKit server's certificates service (`StorageAdapter.certificates`),
 * kept in memory, so `<mk-certificate>` can be shown in every state without a server: a member sees
 * their own entry, the admin every member's; issuing needs eligibility or a reason, as on the server.
 * Stories only; the element's tests have their own.
 */
import {
  MentorKitError,
  createMemoryStorage,
  createMentorKit,
  type CertificatesService,
  type IssuedCertificate,
  type MentorKit,
  type PairingCertificateEntry,
} from '@mentorkit/core';
import type { CertificateEligibility } from '@mentorkit/core/certificates';
import { seedDemoProgram } from '../examples/shared/demo-program.js';
import { DEMO_VIEWERS, STORY_NOW } from './support.js';

export const CERTIFICATE_PAIRING = 'pairing-lucia';

export const eligibleFacts: CertificateEligibility = {
  eligible: true,
  missing: [],
  required: 6,
  requiredFrom: 'agreement',
  sessionsHeld: 7,
  sessionsWithFeedback: 6,
  mentoringMinutes: 405,
  goalsAchieved: ['Lead the design review of the payments API', 'Publish a TypeScript style guide for the team'],
  from: '2026-03-02',
  to: '2026-09-25',
};
export const notYetFacts: CertificateEligibility = {
  ...eligibleFacts,
  eligible: false,
  missing: ['pairing-not-ended', 'sessions', 'feedback'],
  sessionsHeld: 4,
  sessionsWithFeedback: 3,
  goalsAchieved: [],
  to: null,
};

const certificate = (id: string, extra: Partial<IssuedCertificate> = {}): IssuedCertificate => ({
  id,
  issuedAt: '2026-09-28T10:00:00Z',
  pdfUrl: `https://mentorkit.example/certificates/${id}.pdf`,
  verifyUrl: `https://mentorkit.example/verify/${id}`,
  ...extra,
});

/** The demo pairing's three members as the admin sees them: Lucía's issued, Kenji eligible, Arjun not yet. */
export const STORY_ENTRIES: readonly PairingCertificateEntry[] = [
  { personId: 'lucia-fernandez', eligibility: eligibleFacts, certificate: certificate('q3Zp7mKx1VbN8sT2wY4uAa') },
  { personId: 'kenji-watanabe', eligibility: { ...eligibleFacts, sessionsWithFeedback: 7 } },
  { personId: 'arjun-shrestha', eligibility: { ...eligibleFacts, eligible: false, missing: ['feedback'], sessionsWithFeedback: 2, goalsAchieved: [] } },
];

export function storyCertificates(viewer: string, entries: readonly PairingCertificateEntry[], options: { failWith?: string } = {}): CertificatesService {
  const state = structuredClone(entries) as PairingCertificateEntry[];
  let count = 0;
  return {
    async list() {
      if (options.failWith) throw new MentorKitError('storage-error', options.failWith);
      return structuredClone(viewer === DEMO_VIEWERS.admin ? state : state.filter((entry) => entry.personId === viewer));
    },
    async issue(_pairingId, personId, issueOptions) {
      const entry = state.find((candidate) => candidate.personId === personId)!;
      if (entry.certificate) return structuredClone(entry.certificate);
      if (!entry.eligibility.eligible && !issueOptions?.reason) throw new MentorKitError('forbidden', 'No certificate yet: feedback given in 2 of 6 sessions.');
      entry.certificate = certificate(
        `story${String(++count).padStart(17, '0')}`,
        issueOptions?.reason ? { reason: issueOptions.reason, issuedBy: DEMO_VIEWERS.admin, issuedAt: STORY_NOW } : { issuedAt: STORY_NOW },
      );
      return structuredClone(entry.certificate);
    },
    async download() {
      return new Blob(['%PDF-1.7\n% a stand-in: the server makes the real certificate\n'], { type: 'application/pdf' });
    },
    async revoke(id) {
      const entry = state.find((candidate) => candidate.certificate?.id === id)!;
      const revoked = { ...entry.certificate!, revokedAt: STORY_NOW };
      delete entry.certificate;
      return revoked;
    },
  };
}

/** A ready client for `viewer` on the demo programme, with `certificates` (or without: memory/IndexedDB). */
export async function certificateKit(
  certificates: CertificatesService | undefined,
  viewer: string,
  options: { awkwardNames?: boolean } = {},
): Promise<MentorKit> {
  const memory = createMemoryStorage();
  await seedDemoProgram(memory);
  if (options.awkwardNames) {
    for (const [id, displayName] of [
      ['kenji-watanabe', 'Maximiliane Alexandra von Hohenzollern-Sigmaringen-Wittelsbach'],
      ['arjun-shrestha', '<img src=x onerror=alert(1)>'],
    ] as const) {
      const record = await memory.get('people', id);
      if (record) await memory.put('people', { ...record, displayName });
    }
  }
  const storage = certificates ? Object.assign(memory, { certificates }) : memory;
  const kit = createMentorKit({ storage, user: { id: viewer }, now: () => STORY_NOW });
  await kit.ready;
  return kit;
}
