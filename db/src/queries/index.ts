export * from "./audit.ts";
export * from "./maturity-models.ts";
export * from "./measures.ts";
export * from "./org-units.ts";
export * from "./strategies.ts";
export * from "./tenants.ts";
export * from "./users.ts";
