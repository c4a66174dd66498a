export * from "./audit.ts";
export * from "./identity.ts";
export * from "./rls.ts";
export * from "./rollout.ts";
export * from "./tenants.ts";
