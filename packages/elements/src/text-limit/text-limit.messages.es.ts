import { plural, type MessageCatalogue, type MessageParameters } from '../internal/localize.js';

/**
 * Spanish for `text-limit.messages.ts` (neutral Spanish, «tú»): loaded the first time a counter shows in
 * Spanish, so pages in other languages never download it. Same ids and placeholders as English.
 */
export const textLimitMessagesEs = {
  'limit.left': (parameters: MessageParameters) => plural(parameters.left, 'Queda 1 carácter', `Quedan ${parameters.left} caracteres`),
  'limit.over': (parameters: MessageParameters) =>
    `${plural(parameters.excess, 'Sobra 1 carácter', `Sobran ${parameters.excess} caracteres`)}: el máximo es ${parameters.max}. Acórtalo para guardar; no se recorta nada.`,
  'limit.blocked': 'Hay un texto demasiado largo. Acorta los campos marcados y vuelve a intentarlo; tu texto se conserva tal como lo escribiste.',
} as const satisfies MessageCatalogue;
