// @mentorkit/core/scheduling — being built; see the open issue for this module.
export {};
