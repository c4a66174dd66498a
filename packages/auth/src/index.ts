export * from "./accounts.ts";
export * from "./invitations.ts";
export * from "./password.ts";
export * from "./password-policy.ts";
export * from "./rate-limit.ts";
export * from "./sessions.ts";
export * from "./tokens.ts";
