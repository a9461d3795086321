import { atom, computed, type ReadableAtom } from 'nanostores';
import type { MentorKit, MentorKitFeature, WriteOptions } from '../client/client.js';
import { defineFeature, requireId, stripStored, validateWriteOptions } from '../client/feature-host.js';
import { Collections } from '../model/collections.js';
import { CoachingRunInputSchema, type CoachingRun } from '../model/coaching-run.js';
import { MentorKitError, isMentorKitError } from '../model/errors.js';
import type { GoalDraft } from '../model/goal.js';
import type { DomainEventMap } from '../client/events.js';
import { invalidInput, parseOrThrow } from '../model/validate.js';
import { BUILT_IN_MODELS } from './builtin.js';
import {
  answer as answerFlow,
  back as backFlow,
  goTo as goToFlow,
  isFinished,
  next as nextFlow,
  restoreFlow,
  startFlow,
  type CoachingAnswerValue,
  type CoachingFlow,
} from './flow.js';
import type { CoachingMessages } from './messages.js';
import { parseCoachingModel, type CoachingModel, type CoachingModelDefinition } from './model.js';
import { actionsFromFlow, type ActionsFromFlowOptions } from './summary.js';

/** Domain events of the coaching module. */
declare module '../client/events.js' {
  interface DomainEventMap {
    'coaching-run-started': { modelId: string; previousRunId?: string | undefined };
    'coaching-run-completed': { modelId: string; actions: number };
    'coaching-actions-handed-off': { modelId: string; goals: number };
  }
}

export const CoachingEventType = {
  runStarted: 'coaching-run-started',
  runCompleted: 'coaching-run-completed',
  actionsHandedOff: 'coaching-actions-handed-off',
} as const;

export interface CoachingCommandOptions extends WriteOptions {
  messages?: Partial<CoachingMessages> | undefined;
  /** The language of refusals (e.g. `es`, once `registerSpanish()` has run); default English. */
  locale?: string | undefined;
}

/** The flow functions' sentence options out of the command's options. */
const wordsOf = (options: CoachingCommandOptions) => ({
  ...(options.messages ? { messages: options.messages } : {}),
  ...(options.locale !== undefined ? { locale: options.locale } : {}),
});

export interface StartCoachingRunInput {
  pairingId: string;
  /** A model id (`grow`, `oskar`, or one registered with `registerModel`) or a model object. Default `grow`. */
  model?: string | CoachingModel | undefined;
  /** The scheduled session this run belongs to, if any. */
  sessionId?: string | undefined;
  /** Id for the new run; generated when omitted. */
  id?: string | undefined;
}

/** What `turnIntoGoals` passes to your `create` function besides the draft. */
export interface GoalHandOffContext {
  run: CoachingRun;
  pairingId: string;
  /** Index of the draft. */
  index: number;
}

export interface CoachingApi {
  /** Runs of the pairings you may see, newest first. */
  readonly $runs: ReadableAtom<readonly CoachingRun[]>;
  /** `true` once the runs have been loaded from storage (before that, `$runs` may be incomplete). */
  readonly $loaded: ReadableAtom<boolean>;
  /** Resolves when the runs are loaded. */
  readonly ready: Promise<void>;
  /** Adds a custom model (validated with `defineCoachingModel`) to this client's registry; returns it. */
  registerModel(model: CoachingModel | CoachingModelDefinition): CoachingModel;
  /** The built-in or registered model with this id, or `undefined`. */
  findModel(id: string): CoachingModel | undefined;
  /** Like `findModel`, but throws `not-found`. */
  getModel(id: string): CoachingModel;
  /** Every model of the registry: GROW, OSKAR, then the registered ones. */
  listModels(): CoachingModel[];
  /** Starts a run for a pairing you are a member of. OSKAR runs link the pair's previous completed OSKAR run (for Review). */
  start(input: StartCoachingRunInput): Promise<CoachingRun>;
  /** A run you may see. Throws `not-found`. */
  get(runId: string): CoachingRun;
  /** The flow of a run (validated), for `summarize`, `currentStep`, … */
  flowOf(run: string | CoachingRun): CoachingFlow;
  /**
   * Saves one answer (autosave: call it after every answer). Every write on a run (this one, `next`,
   * `back`, `goTo`, `save`, `complete`, `remove`, `turnIntoGoals`) waits for the writes on that run
   * called before it, whoever called them, and starts from the revision they left: no need to await
   * one before calling the next. A refused write rejects its own promise; the next one still runs.
   * Based on the revision you last saw; when
   * someone else saved in between and did not touch this prompt, your answer is applied on top of
   * theirs, otherwise `conflict`. With an explicit `expectedRevision`, any other save is a `conflict`.
   */
  answer(runId: string, promptId: string, value: CoachingAnswerValue | null, options?: CoachingCommandOptions): Promise<CoachingRun>;
  /** Moves the run to its next step (refused, with the missing questions, while required prompts are empty). */
  next(runId: string, options?: CoachingCommandOptions): Promise<CoachingRun>;
  back(runId: string, options?: CoachingCommandOptions): Promise<CoachingRun>;
  goTo(runId: string, stepId: string, options?: CoachingCommandOptions): Promise<CoachingRun>;
  /** Saves a flow you advanced yourself with the pure functions (same model id as the run). */
  save(runId: string, flow: CoachingFlow, options?: CoachingCommandOptions): Promise<CoachingRun>;
  /** Finishes the run (leaving the last step if needed) and marks it completed; then it is read-only. */
  complete(runId: string, options?: CoachingCommandOptions): Promise<CoachingRun>;
  /** Deletes a run (members of its pairing). */
  remove(runId: string): Promise<boolean>;
  /** Runs of a pairing, newest first, optionally of one model and status. */
  runsOf(pairingId: string, filter?: { modelId?: string | undefined; status?: 'in-progress' | 'completed' }): CoachingRun[];
  /** The newest run of this model for the pairing that is not completed yet (to resume), or `undefined`. */
  openRun(pairingId: string, modelId: string): CoachingRun | undefined;
  /** The newest completed run of this model for the pairing, started before `beforeRunId` when given. */
  previousRun(pairingId: string, modelId: string, beforeRunId?: string): CoachingRun | undefined;
  /**
   * The documented hand-off to goals: drafts the run's actions (`actionsFromFlow`), calls
   * `create(draft, context)` for each in order — e.g. `(draft, { pairingId }) => kit.goals.create({ ...draft, pairingId })` —
   * then records the hand-off on the run (`actionsHandedOffAt`) and emits `coaching-actions-handed-off`.
   * Refuses (`conflict`) a second hand-off of the same run unless `again: true`. Holds the run's
   * writes until it is recorded, so `create` must not wait for another write to the same run.
   */
  turnIntoGoals<TResult>(
    runId: string,
    create: (draft: GoalDraft, context: GoalHandOffContext) => Promise<TResult> | TResult,
    options?: ActionsFromFlowOptions & { again?: boolean | undefined },
  ): Promise<{ drafts: GoalDraft[]; results: TResult[] }>;
}

const byNewest = (a: CoachingRun, b: CoachingRun) => {
  const left = a.startedAt ?? a.createdAt ?? '';
  const right = b.startedAt ?? b.createdAt ?? '';
  return left < right ? 1 : left > right ? -1 : a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
};

const checkOptions = (options: unknown): CoachingCommandOptions => validateWriteOptions(options);

/**
 * Coaching runs on a client: start a GROW, OSKAR or custom run for a pairing, autosave every
 * answer with revisions, move between steps, complete, list and resume runs, and hand the actions
 * over to goals.
 *
 * ```ts
 * import { coachingFeature } from '@mentorkit/core/coaching';
 * const coaching = kit.use(coachingFeature);
 * const run = await coaching.start({ pairingId, model: 'oskar' });
 * await coaching.answer(run.id, 'outcome-what', 'Present at the guild meeting with confidence');
 * await coaching.next(run.id);
 * ```
 */
export const coachingFeature: MentorKitFeature<'coaching', CoachingApi> = defineFeature({
  name: 'coaching',
  collections: [Collections.coachingRuns],
  install(kit: MentorKit, host): CoachingApi {
    const runs = host.collection(Collections.coachingRuns);
    const $visible = runs.$records;
    const $runs = computed($visible, (list) => [...list].sort(byNewest) as readonly CoachingRun[]);
    const $loaded = atom(false);
    // Covers this feature's collection too (tracked above), and the people and pairings its checks read.
    const ready = kit.ready.then(() => $loaded.set(true));
    ready.catch(() => undefined);

    const registry = new Map<string, CoachingModel>(Object.entries(BUILT_IN_MODELS));

    const findModel = (id: string) => (typeof id === 'string' ? registry.get(id) : undefined);
    const getModel = (id: string) => {
      const model = findModel(id);
      if (!model)
        throw new MentorKitError(
          'not-found',
          `There is no coaching model "${String(id)}"; the models are ${[...registry.keys()].map((key) => `"${key}"`).join(', ')}. Register a custom one with registerModel.`,
          { path: 'model' },
        );
      return model;
    };

    const get = (runId: string): CoachingRun => {
      requireId(runId, 'runId');
      const record = runs.readable(runId);
      if (!record) throw new MentorKitError('not-found', `No coaching run "${runId}" is visible to you.`, { path: 'runId' });
      return record;
    };

    const flowOf = (run: string | CoachingRun) => restoreFlow((typeof run === 'string' ? get(run) : run).state, 'run.state');

    const runsOf: CoachingApi['runsOf'] = (pairingId, filter = {}) => {
      requireId(pairingId, 'pairingId');
      return $runs
        .get()
        .filter(
          (run) =>
            run.pairingId === pairingId &&
            (filter.modelId === undefined || run.modelId === filter.modelId) &&
            (filter.status === undefined || (filter.status === 'completed') === (run.completedAt !== undefined)),
        );
    };

    const previousRun: CoachingApi['previousRun'] = (pairingId, modelId, beforeRunId) => {
      const completed = runsOf(pairingId, { modelId, status: 'completed' });
      if (beforeRunId === undefined) return completed[0];
      const before = $runs.get().find((run) => run.id === beforeRunId);
      if (!before) return completed.find((run) => run.id !== beforeRunId);
      return completed.find((run) => run.id !== beforeRunId && byNewest(before, run) < 0);
    };

    /** A domain event about a stored run, with its pairing's programme when the client knows it. */
    const emitRunEvent = <TType extends 'coaching-run-completed' | 'coaching-actions-handed-off'>(
      type: TType,
      stored: CoachingRun,
      data: DomainEventMap[TType],
    ) => {
      const pairing = host.collection(Collections.pairings).cached(stored.pairingId);
      host.emit({
        type,
        collection: Collections.coachingRuns,
        recordId: stored.id,
        revision: stored.revision,
        pairingId: stored.pairingId,
        ...(pairing?.programId ? { programId: pairing.programId } : {}),
        data,
      });
    };
    const writeRun = async (
      current: CoachingRun,
      changes: Omit<Partial<CoachingRun>, 'state'> & { state?: CoachingFlow | undefined },
      expectedRevision: number,
    ) => {
      const record = parseOrThrow(CoachingRunInputSchema, { ...stripStored(current), ...changes }, 'run');
      return runs.update(record, { expectedRevision });
    };

    const editable = (run: CoachingRun) => {
      if (run.completedAt)
        invalidInput(
          'runId',
          `This ${run.modelId.toUpperCase()} session was completed on ${run.completedAt.slice(0, 10)} and can no longer change; start a new session.`,
        );
    };

    /**
     * The writes on each run, one after the other, whoever calls (an element, a host script, two quick
     * answers): the tail of each run's queue while it has one. Each write reads the run when it starts,
     * so it is based on the revision the write before it left; a refused write is reported to its own
     * caller and the next one still runs. Runs do not wait for each other.
     */
    const queues = new Map<string, Promise<void>>();
    const serially = <T>(runId: string, write: () => Promise<T>): Promise<T> => {
      const result = (queues.get(runId) ?? Promise.resolve()).then(write);
      const tail = result.then(
        () => undefined,
        () => undefined,
      );
      queues.set(runId, tail);
      void tail.then(() => {
        if (queues.get(runId) === tail) queues.delete(runId);
      });
      return result;
    };

    /** Applies `change` to the run's flow and saves it, based on the revision the caller saw (or the write queued before it left). */
    const update = async (
      runId: string,
      options: CoachingCommandOptions,
      change: (flow: CoachingFlow) => CoachingFlow,
      merge?: (base: CoachingFlow, latest: CoachingFlow) => boolean,
    ) => {
      await ready;
      const current = get(runId);
      editable(current);
      const flow = flowOf(current);
      const changed = change(flow);
      if (changed === flow) return current;
      const expectedRevision = options.expectedRevision ?? current.revision;
      try {
        return await writeRun(current, { state: changed }, expectedRevision);
      } catch (error) {
        // Someone else saved first. When the caller did not pin a revision and the other save did
        // not touch what this change touches, apply the change on top of theirs (once).
        if (!isMentorKitError(error, 'conflict') || options.expectedRevision !== undefined || !merge) throw error;
        const latest = (await kit.storage.get(Collections.coachingRuns, runId)) as CoachingRun | undefined;
        if (!latest) throw error;
        editable(latest);
        const latestFlow = restoreFlow(latest.state, 'run.state');
        if (!merge(flow, latestFlow)) {
          throw new MentorKitError(
            'conflict',
            `${latest.updatedBy ?? 'Someone'} changed this answer at the same time (the run is now at revision ${latest.revision}). Reload the session to see their answer, then save yours again.`,
            { path: 'runId', details: { expectedRevision, actualRevision: latest.revision }, cause: error },
          );
        }
        return writeRun(latest, { state: change(latestFlow) }, latest.revision);
      }
    };

    const completeRun = async (runId: string, checked: CoachingCommandOptions) => {
      await ready;
      const current = get(runId);
      if (current.completedAt) return current;
      let flow = flowOf(current);
      if (!isFinished(flow)) {
        if (flow.stepIndex !== flow.model.steps.length - 1) {
          invalidInput('runId', `The session is at ${flow.model.steps[flow.stepIndex]!.title}; answer the remaining steps before completing it.`);
        }
        flow = nextFlow(flow, { at: kit.now(), ...wordsOf(checked) });
      }
      const stored = await writeRun(current, { state: flow, completedAt: flow.finishedAt ?? kit.now() }, checked.expectedRevision ?? current.revision);
      emitRunEvent(CoachingEventType.runCompleted, stored, { modelId: stored.modelId, actions: actionsFromFlow(flow).length });
      return stored;
    };

    const handOff = async <TResult>(
      runId: string,
      create: (draft: GoalDraft, context: GoalHandOffContext) => Promise<TResult> | TResult,
      options: ActionsFromFlowOptions & { again?: boolean | undefined },
    ): Promise<{ drafts: GoalDraft[]; results: TResult[] }> => {
      await ready;
      const run = get(runId);
      if (run.actionsHandedOffAt && !options.again) {
        throw new MentorKitError(
          'conflict',
          `The actions of this session already became goals on ${run.actionsHandedOffAt.slice(0, 10)}; pass { again: true } to create them again.`,
          { path: 'runId', details: { actionsHandedOffAt: run.actionsHandedOffAt } },
        );
      }
      const flow = flowOf(run);
      const { again: _again, ...draftOptions } = options;
      const drafts = actionsFromFlow(flow, draftOptions);
      if (drafts.length === 0) invalidInput('runId', 'This session has no actions yet: add them to the action list first.');
      const results = [];
      for (const [index, draft] of drafts.entries()) results.push(await create(draft, { run, pairingId: run.pairingId, index }));
      const latest = get(runId);
      const stored = await writeRun(
        latest,
        { actionsHandedOffAt: kit.now(), actionsHandedOffBy: kit.user.id, actionsHandedOffCount: drafts.length },
        latest.revision,
      );
      emitRunEvent(CoachingEventType.actionsHandedOff, stored, { modelId: stored.modelId, goals: drafts.length });
      return { drafts, results };
    };
    const api: CoachingApi = {
      $runs,
      $loaded,
      ready,
      registerModel(model) {
        const checked = parseCoachingModel(model);
        const existing = registry.get(checked.id);
        if (existing && JSON.stringify(existing) !== JSON.stringify(checked)) {
          throw new MentorKitError(
            'conflict',
            `A different coaching model "${checked.id}" is already registered on this client; give the new one another id.`,
            { path: 'id' },
          );
        }
        registry.set(checked.id, existing ?? checked);
        return existing ?? checked;
      },
      findModel,
      getModel,
      listModels: () => [...registry.values()],

      async start(input) {
        if (typeof input !== 'object' || input === null) invalidInput('input', 'start needs { pairingId, model }, e.g. { pairingId: "p-1", model: "grow" }.');
        const pairingId = requireId(input.pairingId, 'pairingId');
        if (input.sessionId !== undefined) requireId(input.sessionId, 'sessionId');
        const model =
          input.model === undefined
            ? BUILT_IN_MODELS.grow
            : typeof input.model === 'string'
              ? getModel(input.model)
              : parseCoachingModel(input.model, { allowBuiltInId: true, rootPath: 'model' });
        await ready;
        const pairing = host.collection(Collections.pairings).readable(pairingId);
        if (!pairing) throw new MentorKitError('not-found', `No pairing "${pairingId}" is visible to you.`, { path: 'pairingId' });
        const at = kit.now();
        const previous = model.steps.some((step) => step.reviewsPreviousRun) ? previousRun(pairingId, model.id) : undefined;
        const flow = startFlow(model, { by: kit.user.id, at, ...(previous ? { previousRunId: previous.id } : {}) });
        const record = parseOrThrow(
          CoachingRunInputSchema,
          {
            id: input.id ?? host.newId(),
            pairingId,
            modelId: model.id,
            ...(input.sessionId !== undefined ? { sessionId: input.sessionId } : {}),
            state: flow,
            startedBy: kit.user.id,
            startedAt: at,
            ...(previous ? { previousRunId: previous.id } : {}),
          },
          'run',
        );
        const stored = await runs.create(record);
        host.emit({
          type: CoachingEventType.runStarted,
          collection: Collections.coachingRuns,
          recordId: stored.id,
          revision: stored.revision,
          pairingId,
          programId: pairing.programId,
          data: { modelId: model.id, ...(previous ? { previousRunId: previous.id } : {}) },
        });
        return stored;
      },

      get,
      flowOf,

      async answer(runId, promptId, value, options) {
        requireId(runId, 'runId');
        const checked = checkOptions(options);
        return serially(runId, () =>
          update(
            runId,
            checked,
            (flow) => answerFlow(flow, promptId, value, { by: kit.user.id, at: kit.now() }),
            (base, latest) => JSON.stringify(base.answers[promptId] ?? null) === JSON.stringify(latest.answers[promptId] ?? null),
          ),
        );
      },
      async next(runId, options) {
        requireId(runId, 'runId');
        const checked = checkOptions(options);
        return serially(runId, () => update(runId, checked, (flow) => nextFlow(flow, { at: kit.now(), ...wordsOf(checked) })));
      },
      async back(runId, options) {
        requireId(runId, 'runId');
        const checked = checkOptions(options);
        return serially(runId, () => update(runId, checked, (flow) => backFlow(flow, wordsOf(checked))));
      },
      async goTo(runId, stepId, options) {
        requireId(runId, 'runId');
        const checked = checkOptions(options);
        return serially(runId, () => update(runId, checked, (flow) => goToFlow(flow, stepId, wordsOf(checked))));
      },
      async save(runId, flow, options) {
        requireId(runId, 'runId');
        const checked = checkOptions(options);
        const restored = restoreFlow(flow);
        return serially(runId, async () => {
          await ready;
          const current = get(runId);
          if (restored.model.id !== current.modelId)
            invalidInput('flow.model.id', `This run follows the model "${current.modelId}", not "${restored.model.id}".`);
          return update(runId, checked, () => restored);
        });
      },

      async complete(runId, options) {
        requireId(runId, 'runId');
        const checked = checkOptions(options);
        return serially(runId, () => completeRun(runId, checked));
      },

      async remove(runId) {
        requireId(runId, 'runId');
        return serially(runId, async () => {
          await ready;
          get(runId);
          return runs.remove(runId);
        });
      },

      runsOf,
      openRun: (pairingId, modelId) => runsOf(pairingId, { modelId, status: 'in-progress' })[0],
      previousRun,

      async turnIntoGoals(runId, create, options = {}) {
        if (typeof create !== 'function')
          invalidInput(
            'create',
            '`create` must be a function that stores one goal draft, e.g. (draft, { pairingId }) => kit.goals.create({ ...draft, pairingId }).',
          );
        requireId(runId, 'runId');
        // In the run's queue from the check to the record, so a second hand-off started meanwhile sees the first.
        return serially(runId, () => handOff(runId, create, options));
      },
    };

    return api;
  },
});
