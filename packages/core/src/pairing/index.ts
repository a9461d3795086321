// @mentorkit/core/pairing — being built; see the open issue for this module.
export {};
