export * from "./audit.ts";
export * from "./tenants.ts";
export * from "./users.ts";
