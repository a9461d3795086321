import { computed, type ReadableAtom } from 'nanostores';
import type { MentorKit, MentorKitFeature } from '../client/client.js';
import { defineFeature, stripStored } from '../client/feature-host.js';
import { Collections } from '../model/collections.js';
import { MentorKitError, isMentorKitError } from '../model/errors.js';
import type { Agreement, AgreementData, AgreementInput } from '../model/agreement.js';
import type { Pairing } from '../model/pairing.js';
import { invalidInput } from '../model/validate.js';
import {
  AGREEMENT_TERM_KEYS,
  agreementIdFor,
  agreementStatus,
  changesSinceConfirmed,
  checkAgreementParticipants,
  diffAgreementTerms,
  draftAgreement,
  parseAgreement,
  termsOf,
  type AgreementChange,
  type AgreementStatus,
  type AgreementTermKey,
} from './agreements.js';

/** Domain events of the agreements feature. */
declare module '../client/events.js' {
  interface DomainEventMap {
    'agreement-proposed': { version: number; cadence?: unknown | undefined; checkInLevel?: unknown | undefined };
    'agreement-confirmed': { version: number; by: string; fullyConfirmed: boolean; waitingFor: string[] };
    'agreement-changed': { version: number; changed: string[]; waitingFor: string[] };
  }
}

export const AgreementEventType = {
  proposed: 'agreement-proposed',
  confirmed: 'agreement-confirmed',
  changed: 'agreement-changed',
} as const;

/** Terms to change, as `propose` accepts them. */
export type AgreementTermChanges = Partial<Pick<AgreementInput, AgreementTermKey>>;

/** What `propose` takes: the terms and the pairing (ids, versions and confirmations are managed). */
export type AgreementProposal = Omit<AgreementInput, 'id' | 'version' | 'confirmations' | 'proposedBy' | 'lastConfirmed' | 'history'> & {
  id?: string | undefined;
};

export interface AgreementsApi {
  /** Agreements of the pairings you may see. */
  readonly $agreements: ReadableAtom<readonly Agreement[]>;
  /** The pairing's agreement, if one was proposed. */
  forPairing(pairingId: string): Agreement | undefined;
  get(id: string): Agreement;
  /** A first draft from the members' profiles (not saved). */
  draftFor(pairingId: string, options?: { includeCoMentor?: boolean | undefined }): AgreementInput;
  /**
   * Proposes the pairing's agreement (version 1). The proposer confirms it at once unless
   * `confirm: false`. Emits `agreement-proposed` (and `agreement-confirmed`).
   */
  propose(input: AgreementProposal, options?: { confirm?: boolean | undefined }): Promise<Agreement>;
  /**
   * Changes terms: makes a new version that the changer confirms and everyone else is asked to
   * confirm again. No change, no new version. Emits `agreement-changed`.
   */
  update(id: string, changes: AgreementTermChanges, options?: { expectedRevision?: number | undefined; confirm?: boolean | undefined }): Promise<Agreement>;
  /** Confirms the current version (pass the `version` you reviewed: a newer one is refused). Emits `agreement-confirmed`. */
  confirm(id: string, options?: { version?: number | undefined; expectedRevision?: number | undefined }): Promise<Agreement>;
  status(id: string): AgreementStatus;
  /** Changes since the last version everyone confirmed. */
  changesSinceConfirmed(id: string): AgreementChange[];
}

const MAX_HISTORY = 100;

const strip = stripStored<Agreement>;

/**
 * Working agreements: `kit.use(agreementsFeature)` adds `kit.agreements`. One agreement per
 * pairing; members propose, change and confirm it; every change makes a new version that the mentee
 * and the lead mentor confirm again; the diff since the last version everyone confirmed is kept.
 */
export const agreementsFeature: MentorKitFeature<'agreements', AgreementsApi> = defineFeature({
  name: 'agreements',
  collections: [Collections.agreements],
  install(kit: MentorKit, host): AgreementsApi {
    const agreements = host.collection(Collections.agreements);
    const $agreements = agreements.$records;
    const $sorted = computed($agreements, (list) => list);

    const pairingOf = (pairingId: unknown, path = 'pairingId'): Pairing => {
      if (typeof pairingId !== 'string' || pairingId === '') invalidInput(path, `\`${path}\` must be the id of one of your pairings.`);
      const record = host.collection(Collections.pairings).readable(pairingId);
      if (!record) throw new MentorKitError('not-found', `No pairing "${pairingId}" is visible to you.`, { path });
      return record;
    };

    const load = async (id: unknown): Promise<Agreement> => {
      if (typeof id !== 'string' || id === '') invalidInput('id', '`id` must be an agreement id.');
      await kit.ready.catch(() => undefined);
      const record = agreements.cached(id) ?? ((await kit.storage.get(Collections.agreements, id)) as Agreement | undefined);
      if (!record || !host.canRead(Collections.agreements, record))
        throw new MentorKitError('not-found', `No agreement "${id}" is visible to you.`, { path: 'id' });
      return record;
    };

    const getSync = (id: unknown): Agreement => {
      if (typeof id !== 'string' || id === '') invalidInput('id', '`id` must be an agreement id.');
      const record = agreements.readable(id);
      if (!record) throw new MentorKitError('not-found', `No agreement "${id}" is visible to you.`, { path: 'id' });
      return record;
    };

    /** Adds the user's confirmation of the current version and records `lastConfirmed` when complete. */
    const withConfirmation = (agreement: AgreementData, pairing: Pairing): AgreementData => {
      const at = kit.now();
      const confirmations = [
        ...agreement.confirmations.filter((confirmation) => confirmation.personId !== kit.user.id),
        { personId: kit.user.id, version: agreement.version, at },
      ];
      const next = { ...agreement, confirmations };
      const status = agreementStatus(next, pairing);
      return status.confirmed ? { ...next, lastConfirmed: { version: agreement.version, at, terms: termsOf(agreement) as Record<string, unknown> } } : next;
    };

    const emitConfirmed = (stored: Agreement, pairing: Pairing) => {
      const status = agreementStatus(stored, pairing);
      host.emit({
        type: AgreementEventType.confirmed,
        collection: Collections.agreements,
        recordId: stored.id,
        revision: stored.revision,
        pairingId: stored.pairingId,
        data: { version: stored.version, by: kit.user.id, fullyConfirmed: status.confirmed, waitingFor: status.waitingFor },
      });
    };

    const isMember = (pairing: Pairing) => [pairing.menteeId, ...pairing.mentorIds].includes(kit.user.id);

    return {
      $agreements: $sorted,
      forPairing: (pairingId) => $agreements.get().find((agreement) => agreement.pairingId === pairingId),
      get: getSync,
      draftFor(pairingId, options = {}) {
        const pairing = pairingOf(pairingId);
        const program = kit.$programs.get().find((candidate) => candidate.id === pairing.programId);
        return draftAgreement(pairing, kit.$people.get(), {
          ...(program?.defaultCoachingModel ? { coachingModel: program.defaultCoachingModel } : {}),
          ...(options.includeCoMentor !== undefined ? { includeCoMentor: options.includeCoMentor } : {}),
        });
      },

      async propose(input, options = {}) {
        if (typeof input !== 'object' || input === null)
          invalidInput('agreement', 'propose needs the agreement terms { pairingId, cadence, channels, responseTimeHours, participants, … }.');
        await kit.ready.catch(() => undefined);
        const pairing = pairingOf((input as { pairingId?: unknown | undefined }).pairingId, 'agreement.pairingId');
        const id = input.id ?? agreementIdFor(pairing.id);
        const forbidden = ['version', 'confirmations', 'lastConfirmed', 'history', 'proposedBy'].find((key) => key in input);
        if (forbidden) invalidInput(`agreement.${forbidden}`, `\`${forbidden}\` is managed by MentorKit; leave it out.`);
        const parsed = parseAgreement({ ...input, id, version: 1, confirmations: [], history: [], proposedBy: kit.user.id });
        checkAgreementParticipants(parsed, pairing);
        if (!isMember(pairing))
          throw new MentorKitError('forbidden', 'Only the mentee and mentors of this pairing can propose its agreement.', { path: 'agreement.pairingId' });
        const alreadyThere = () =>
          new MentorKitError('conflict', 'This pairing already has an agreement; change it with agreements.update instead.', {
            path: 'agreement.pairingId',
            details: { id },
          });
        if (agreements.cached(id)) throw alreadyThere();
        const record = {
          ...parsed,
          history: [{ version: 1, at: kit.now(), by: kit.user.id, changed: [...AGREEMENT_TERM_KEYS].filter((key) => parsed[key] !== undefined) }],
        };
        const toStore = options.confirm === false ? record : withConfirmation(record, pairing);
        // A create is refused with `conflict` by storage when the record exists (written elsewhere and not
        // seen here yet), so there is no need to ask storage first (a REST backend would answer 404).
        const stored = await agreements.create(toStore).catch((error: unknown) => {
          throw isMentorKitError(error, 'conflict') ? alreadyThere() : error;
        });
        host.emit({
          type: AgreementEventType.proposed,
          collection: Collections.agreements,
          recordId: stored.id,
          revision: stored.revision,
          pairingId: stored.pairingId,
          data: { version: 1, cadence: stored.cadence, checkInLevel: stored.checkInLevel },
        });
        if (options.confirm !== false) emitConfirmed(stored, pairing);
        return stored;
      },

      async update(id, changes, options = {}) {
        const current = await load(id);
        if (typeof changes !== 'object' || changes === null || Array.isArray(changes))
          invalidInput('changes', 'Changes must be an object of terms, e.g. { cadence: "weekly" }.');
        for (const key of Object.keys(changes)) {
          if (!(AGREEMENT_TERM_KEYS as readonly string[]).includes(key))
            invalidInput(`changes.${key}`, `\`${key}\` is not a term of the agreement; terms are ${AGREEMENT_TERM_KEYS.join(', ')}.`);
        }
        if (options.expectedRevision !== undefined && options.expectedRevision !== current.revision) {
          throw new MentorKitError(
            'conflict',
            `The agreement was changed by someone else (you had revision ${options.expectedRevision}, it is now ${current.revision}). Review the new version and try again.`,
            { path: 'expectedRevision', details: { expectedRevision: options.expectedRevision, actualRevision: current.revision } },
          );
        }
        const pairing = pairingOf(current.pairingId, 'id');
        const candidate = parseAgreement({ ...strip(current), ...changes }, 'changes');
        checkAgreementParticipants(candidate, pairing, 'changes.participants');
        const diff = diffAgreementTerms(termsOf(current), termsOf(candidate));
        if (diff.length === 0) return current;
        const version = current.version + 1;
        const at = kit.now();
        const history = [...(current.history ?? []), { version, at, by: kit.user.id, changed: [...new Set(diff.map((change) => change.field))] }].slice(
          -MAX_HISTORY,
        );
        const base = { ...candidate, version, history, confirmations: current.confirmations.filter((confirmation) => confirmation.version < version) };
        const toStore = options.confirm === false ? base : withConfirmation(base, pairing);
        const stored = await agreements.update(toStore, { expectedRevision: current.revision });
        host.emit({
          type: AgreementEventType.changed,
          collection: Collections.agreements,
          recordId: stored.id,
          revision: stored.revision,
          pairingId: stored.pairingId,
          data: { version, changed: history[history.length - 1]!.changed, waitingFor: agreementStatus(stored, pairing).waitingFor },
        });
        return stored;
      },

      async confirm(id, options = {}) {
        const current = await load(id);
        const pairing = pairingOf(current.pairingId, 'id');
        if (options.version !== undefined && options.version !== current.version) {
          throw new MentorKitError(
            'conflict',
            `The agreement changed since you reviewed it (you reviewed version ${options.version}, it is now version ${current.version}). Review the changes and confirm again.`,
            { path: 'version', details: { reviewedVersion: options.version, currentVersion: current.version } },
          );
        }
        if (!isMember(pairing)) throw new MentorKitError('forbidden', 'Only the mentee and mentors of this pairing can confirm its agreement.', { path: 'id' });
        if (agreementStatus(current, pairing).confirmedBy.includes(kit.user.id)) return current;
        const toStore = withConfirmation(strip(current), pairing);
        const stored = await agreements.update(toStore, { expectedRevision: options.expectedRevision ?? current.revision });
        emitConfirmed(stored, pairing);
        return stored;
      },

      status(id) {
        const agreement = getSync(id);
        return agreementStatus(agreement, pairingOf(agreement.pairingId, 'id'));
      },

      changesSinceConfirmed: (id) => changesSinceConfirmed(getSync(id)),
    };
  },
});
