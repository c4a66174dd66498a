export * from "./audit.ts";
export * from "./identity.ts";
export * from "./maturity-model.ts";
export * from "./measures.ts";
export * from "./org-units.ts";
export * from "./rls.ts";
export * from "./strategies.ts";
export * from "./tenants.ts";
