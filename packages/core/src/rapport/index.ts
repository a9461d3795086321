// @mentorkit/core/rapport — being built; see the open issue for this module.
export {};
