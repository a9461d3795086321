// xapi-forwarder: being built (issue 8).
export {};
