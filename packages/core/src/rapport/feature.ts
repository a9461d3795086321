import { atom, computed, type ReadableAtom } from 'nanostores';
import type { MentorKit, MentorKitFeature } from '../client/client.js';
import { defineFeature } from '../client/feature-host.js';
import { Collections } from '../model/collections.js';
import { RAPPORT_HISTORY_LIMIT, RapportRecordSchema, type RapportRecord, type RapportRecordData } from '../model/rapport.js';
import { MentorKitError, isMentorKitError } from '../model/errors.js';
import { invalidInput, parseOrThrow } from '../model/validate.js';
import { icebreakerIn } from './languages.js';
import {
  ICEBREAKER_DECK,
  INFORMAL_FORMATS,
  dealIcebreaker,
  findIcebreaker,
  type DealtIcebreaker,
  type Icebreaker,
  type IcebreakerFilter,
  type InformalFormat,
} from './deck.js';

export { RAPPORT_HISTORY_LIMIT, RapportRecordSchema, type RapportRecordData, type RapportRecord } from '../model/rapport.js';
export type DealtEntry = RapportRecordData['dealt'][number];

/** The id of a pairing's rapport record. */
export const rapportRecordId = (pairingId: string) => `rapport-${pairingId}`;

export const RapportEventType = { icebreakerDealt: 'icebreaker-dealt' } as const;

declare module '../client/events.js' {
  interface DomainEventMap {
    'icebreaker-dealt': { promptId: string; round: number };
  }
}

export interface RapportApi {
  /** Rapport records of the pairings you may see. */
  readonly $records: ReadableAtom<readonly RapportRecord[]>;
  readonly $loaded: ReadableAtom<boolean>;
  readonly ready: Promise<void>;
  readonly deck: readonly Icebreaker[];
  readonly formats: readonly InformalFormat[];
  /** What was dealt to the pair, oldest first. */
  history(pairingId: string): readonly DealtEntry[];
  /** The prompt dealt last to the pair (what the card shows), or `undefined`; in the language of `locale` when one is registered (`registerSpanish()`). */
  current(pairingId: string, locale?: string): (DealtEntry & { prompt: Icebreaker }) | undefined;
  /** Deals the pair's next prompt (no repeats until the matching deck is exhausted), records it and emits `icebreaker-dealt`. */
  deal(pairingId: string, filter?: IcebreakerFilter): Promise<DealtIcebreaker & { entry: DealtEntry }>;
}

/**
 * Rapport on a client: deals icebreakers per pairing without repeats, remembered in the `rapport`
 * collection (members read and write; admins read), so both people see the same card.
 *
 * ```ts
 * const rapport = kit.use(rapportFeature);
 * const { prompt } = await rapport.deal(pairingId, { topic: 'non-work' });
 * ```
 */
export const rapportFeature: MentorKitFeature<'rapport', RapportApi> = defineFeature({
  name: 'rapport',
  collections: [Collections.rapport],
  install(kit: MentorKit, host): RapportApi {
    const rapport = host.collection(Collections.rapport);
    const $records = rapport.$records;
    const $loaded = atom(false);
    // Covers this feature's collection too (tracked above), and the people and pairings its checks read.
    const ready = kit.ready.then(() => $loaded.set(true));
    ready.catch(() => undefined);
    const $byPairing = computed($records, (records) => new Map(records.map((record) => [record.pairingId, record])));

    const requirePairing = (pairingId: unknown): string => {
      if (typeof pairingId !== 'string' || pairingId === '' || pairingId.length > 200) invalidInput('pairingId', '`pairingId` must be a pairing id.');
      return pairingId;
    };
    const history = (pairingId: string) => $byPairing.get().get(requirePairing(pairingId))?.dealt ?? [];

    const dealOnce = async (pairingId: string, filter: IcebreakerFilter | undefined, base: RapportRecord | undefined) => {
      const dealt = dealIcebreaker({ seed: pairingId, history: (base?.dealt ?? []).map((entry) => entry.promptId), ...(filter ? { filter } : {}) });
      const entry: DealtEntry = { promptId: dealt.prompt.id, at: kit.now(), by: kit.user.id };
      const record = parseOrThrow(
        RapportRecordSchema,
        { id: rapportRecordId(pairingId), pairingId, dealt: [...(base?.dealt ?? []), entry].slice(-RAPPORT_HISTORY_LIMIT) },
        'rapport',
      );
      const stored = base ? await rapport.update(record, { expectedRevision: base.revision }) : await rapport.create(record);
      return { dealt, entry, stored };
    };

    return {
      $records,
      $loaded,
      ready,
      deck: ICEBREAKER_DECK,
      formats: INFORMAL_FORMATS,
      history,
      current(pairingId, locale) {
        const last = history(pairingId).at(-1);
        const found = last ? findIcebreaker(last.promptId) : undefined;
        const prompt = found && locale !== undefined ? icebreakerIn(found, locale) : found;
        return last && prompt ? { ...last, prompt } : undefined;
      },
      async deal(pairingId, filter) {
        requirePairing(pairingId);
        await ready;
        const pairing = host.collection(Collections.pairings).readable(pairingId);
        if (!pairing) throw new MentorKitError('not-found', `No pairing "${pairingId}" is visible to you.`, { path: 'pairingId' });
        const cached = rapport.cached(rapportRecordId(pairingId));
        let result;
        try {
          result = await dealOnce(pairingId, filter, cached);
        } catch (error) {
          // The other person dealt at the same moment: deal again on top of their card (the pick is
          // recomputed from the latest history, so nothing is merged blindly).
          if (!isMentorKitError(error, 'conflict')) throw error;
          const latest = (await kit.storage.get(Collections.rapport, rapportRecordId(pairingId))) as RapportRecord | undefined;
          result = await dealOnce(pairingId, filter, latest);
        }
        host.emit({
          type: RapportEventType.icebreakerDealt,
          collection: Collections.rapport,
          recordId: result.stored.id,
          revision: result.stored.revision,
          pairingId,
          programId: pairing.programId,
          data: { promptId: result.dealt.prompt.id, round: result.dealt.round },
        });
        return { ...result.dealt, entry: result.entry };
      },
    };
  },
});
