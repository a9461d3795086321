// @mentorkit/core/goals — being built; see the open issue for this module.
export {};
