export { lightColors, darkColors, sharedTokens, themeCssText, themeTokens, adoptThemeTokens } from './tokens.js';
export type { MentorKitTokenName } from './tokens.js';
