// @mentorkit/core/feedback — being built; see the open issue for this module.
export {};
