/**
 * The CDN bundle's entry: registers every MentorKit element (`<mk-provider>`, `<mk-pairing-card>`,
 * …) and re-exports the whole library plus what a plain HTML page needs to build its own client:
 *
 * ```html
 * <script type="module">
 *   import { createMentorKit, createIndexedDbStorage } from 'https://cdn.example/mentorkit.js';
 *   document.querySelector('mk-provider').kit = createMentorKit({ storage: createIndexedDbStorage(), user: 'ana' });
 * </script>
 * ```
 */
// Every element's define module, the provider first: elements already in the page then find it as they upgrade.
// @generated:start — from src/elements.ts by src/generate-elements.ts; do not edit by hand
import './provider/define.js';
import './agreement/define.js';
import './calendar-connections/define.js';
import './celebration/define.js';
import './certificate/define.js';
import './checkin/define.js';
import './coaching-flow/define.js';
import './escalation-ladder/define.js';
import './feedback-insights/define.js';
import './goal-editor/define.js';
import './goal-tracker/define.js';
import './icebreaker/define.js';
import './notification-preferences/define.js';
import './pairing-board/define.js';
import './pairing-card/define.js';
import './programme-report/define.js';
import './scheduler/define.js';
import './session-feedback/define.js';
import './thread/define.js';
import './raise-concern/define.js';
import './concern-queue/define.js';
// @generated:end

export * from './index.js';
export { createMentorKit, createMemoryStorage, MentorKitError, isMentorKitError } from '@mentorkit/core';
export type { MentorKit, MentorKitOptions, StorageAdapter } from '@mentorkit/core';
export { createIndexedDbStorage } from '@mentorkit/storage-indexeddb';
