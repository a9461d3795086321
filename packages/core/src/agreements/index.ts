// @mentorkit/core/agreements — being built; see the open issue for this module.
export {};
