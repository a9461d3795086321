// @mentorkit/core/rapport — icebreaker and check-in prompts that do not repeat for a pair, informal
// formats (virtual lunch, team-building), and rapportFeature that remembers what each pair was dealt.
export { ICEBREAKER_DECK, INFORMAL_FORMATS, dealIcebreaker, filterDeck, findIcebreaker } from './deck.js';
export type {
  DealIcebreakerOptions,
  DealtIcebreaker,
  Icebreaker,
  IcebreakerFilter,
  IcebreakerKind,
  IcebreakerTone,
  IcebreakerTopic,
  InformalFormat,
} from './deck.js';
export { rapportFeature, RapportRecordSchema, RapportEventType, RAPPORT_HISTORY_LIMIT, rapportRecordId } from './feature.js';
export type { DealtEntry, RapportApi, RapportRecord, RapportRecordData } from './feature.js';
export { icebreakerDeckIn, icebreakerIn, informalFormatsIn, rapportTexts } from './languages.js';
export type { RapportTexts } from './languages.js';
