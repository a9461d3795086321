import type { MessageCatalogue } from '../internal/localize.js';

/**
 * Spanish for `celebration.messages.ts` (neutral Spanish, «tú»): loaded the first time an element renders in
 * Spanish, so pages in other languages never download it. Same ids and placeholders as English.
 */
export const celebrationMessagesEs = {
  close: 'Cerrar',
} as const satisfies MessageCatalogue;
