// @mentorkit/core/checkins — being built; see the open issue for this module.
export {};
