// @mentorkit/core/ical — being built; see the open issue for this module.
export {};
