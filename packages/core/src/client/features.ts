/**
 * Installing feature modules on a client (`kit.use(feature)` and `createMentorKit`'s `features`):
 * each feature once, its API on `kit[feature.name]`, and which features are installed.
 */
import { MentorKitError } from '../model/errors.js';
import { invalidInput } from '../model/validate.js';
import type { MentorKit, MentorKitFeature } from './client.js';

export const FEATURE_HINT = 'Expected a feature module, e.g. goalsFeature from "@mentorkit/core/goals".';
export const isFeature = (feature: unknown): feature is MentorKitFeature =>
  typeof (feature as MentorKitFeature | null)?.name === 'string' && typeof (feature as MentorKitFeature).install === 'function';

/**
 * The features installed on one client. `afterInstall` runs after each new install: the feature may
 * have brought access rules (`defineFeature({ policy })`), so lists read before filter again.
 */
export function createFeatureInstaller(afterInstall: () => void) {
  const installed = new Map<string, { feature: MentorKitFeature; api: unknown }>();
  const use = <TName extends string, TApi>(kit: MentorKit, feature: MentorKitFeature<TName, TApi>): TApi => {
    if (!isFeature(feature)) invalidInput('feature', FEATURE_HINT);
    const existing = installed.get(feature.name);
    if (existing) {
      if (existing.feature !== feature) throw new MentorKitError('conflict', `Another feature "${feature.name}" is installed.`, { path: 'feature.name' });
      return existing.api as TApi;
    }
    if (feature.name in kit) invalidInput('feature.name', `"${feature.name}" is taken on the client.`);
    const api = feature.install(kit);
    installed.set(feature.name, { feature, api });
    // `kit[feature.name]`: typed through `MentorKitWith` (createMentorKit's `features`, `withFeatures`).
    (kit as MentorKit & Record<string, unknown>)[feature.name] = api;
    // The feature may have brought access rules (`defineFeature({ policy })`): lists read before filter again.
    afterInstall();
    return api;
  };
  return {
    use,
    /** The API of the feature installed under `name`, if any. */
    installedApi: (name: string) => installed.get(name)?.api,
  };
}
