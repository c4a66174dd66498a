export * from "./audit.ts";
export * from "./rollout-catalogue.ts";
export * from "./rollout-costs.ts";
export * from "./rollout-dashboards.ts";
export * from "./rollout-errors.ts";
export * from "./rollout-records.ts";
export * from "./tenants.ts";
export * from "./users.ts";
