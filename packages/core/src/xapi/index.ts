// @mentorkit/core/xapi — being built (issue 8).
export {};
