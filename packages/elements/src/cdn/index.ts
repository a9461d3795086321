/**
 * The CDN bundle's entry (`dist/cdn/mentorkit.js`): one script tag for a plain HTML page.
 *
 * ```html
 * <script type="module" src="https://unpkg.com/@mentorkit/elements@0.1/dist/cdn/mentorkit.js"></script>
 * <mk-provider user-id="sam-okoro"><mk-goal-tracker></mk-goal-tracker></mk-provider>
 * ```
 *
 * It defines `<mk-provider>` at once and every other element the first time the page uses it
 * (see `autoloader.ts`), so a page downloads only the elements it shows. It also exports what a page
 * needs to build its own client and to translate or theme the elements.
 */
import '../provider/define.js';
import { startAutoloader } from './autoloader.js';

export { ELEMENT_LOADERS, loadAllElements, loadElement, startAutoloader } from './autoloader.js';
export { createMentorKit, createMemoryStorage, MentorKitError, isMentorKitError } from '@mentorkit/core';
export type { MentorKit, MentorKitOptions, StorageAdapter } from '@mentorkit/core';
export { createIndexedDbStorage } from '@mentorkit/storage-indexeddb';
/** The REST storage (`@mentorkit/storage-rest`), loaded on first use: `const { createRestStorage } = await loadRestStorage()`. */
export const loadRestStorage = () => import('@mentorkit/storage-rest');
export { MkProvider } from '../provider/provider.js';
export { registerMessages } from '../internal/localize.js';
export { adoptThemeTokens, themeCssText, themeTokens } from '../theme/index.js';

if (typeof document !== 'undefined') startAutoloader();
