export * from "./audit.ts";
export * from "./identity.ts";
export * from "./org-units.ts";
export * from "./portfolio.ts";
export * from "./rls.ts";
export * from "./rollout.ts";
export * from "./tenants.ts";
