export * from "./benchmark-demo.ts";
export * from "./demo-users.ts";
export * from "./evidence-demo.ts";
export * from "./load-tenants.ts";
export * from "./maturity-demo.ts";
export * from "./portfolio-demo.ts";
export * from "./reference-data.ts";
export * from "./rollout.ts";
