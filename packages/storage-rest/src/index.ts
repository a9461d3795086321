// storage-rest: being built (issue 8).
export {};
