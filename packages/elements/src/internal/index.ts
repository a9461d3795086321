export { emit } from './emit.js';
export type { EmitOptions, MkEventDetail, MkEventName } from './emit.js';
export { StoreController } from './store-controller.js';
export type { StoreSource } from './store-controller.js';
export { ClockController } from './clock-controller.js';
export type { ClockControllerOptions } from './clock-controller.js';
export { mentorKitContext } from './context.js';
export type { MentorKitContext } from './context.js';
export { ensureContextRoot } from './context-root.js';
export { MkElement } from './mk-element.js';
export type { LoadState } from './mk-element.js';
export type { LoadRetry } from './frame.js';
export { baseStyles } from './base.styles.js';
export {
  browserTimeZone,
  formatCalendarDate,
  formatDateList,
  formatDayTime,
  formatList,
  formatRelativeDays,
  formatWallClock,
  initialsOf,
  resolveLocale,
  supportedLocale,
} from './format.js';
export { BUNDLED_LANGUAGES, LocaleController, provideLanguage, registerMessages, translate } from './localize.js';
export type { ElementMessages, Message, MessageCatalogue, MessageParameters } from './localize.js';
