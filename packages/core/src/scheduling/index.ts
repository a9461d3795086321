// @mentorkit/core/scheduling — common free slots across time zones, fair suggestions, recurring
// sessions and the sessions feature (booking). See docs/scheduling.md.
export { findCommonSlots, SLOT_SEARCH_LIMITS } from './slots.js';
export type { CommonSlot, FindCommonSlotsRequest, LocalSlot, SlotParticipant } from './slots.js';
export { clearZoneOffsetCache, offsetAt, offsetTransitions } from './zone-offsets.js';
