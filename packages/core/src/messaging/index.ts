// @mentorkit/core/messaging — being built; see the open issue for this module.
export {};
