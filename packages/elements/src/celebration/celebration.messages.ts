import type { ElementMessages } from '../base/localize.js';

/**
 * `<mk-celebration>`'s own messages, English and Spanish. The moment's heading, message and re-plan
 * choices come from the goals catalogue in core (`kit.goals.messagesFor(locale)`). Hosts reword or
 * add languages with `registerMessages(locale, { 'mk-celebration.<id>': … })`.
 */
export const celebrationMessages = {
  en: {
    close: 'Close',
  },
  es: {
    close: 'Cerrar',
  },
} as const satisfies ElementMessages;
