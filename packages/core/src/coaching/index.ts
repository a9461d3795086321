// @mentorkit/core/coaching — being built; see the open issue for this module.
export {};
