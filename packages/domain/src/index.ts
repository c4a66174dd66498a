import { configureZod } from "./zod-locale.ts";

configureZod();

export * from "./audit-labels.ts";
export * from "./capacity.ts";
export * from "./cell-protection.ts";
export * from "./dates.ts";
export * from "./errors.ts";
export * from "./evidence-files.ts";
export * from "./forecast.ts";
export * from "./format.ts";
export * from "./german-number.ts";
export * from "./governance.ts";
export * from "./handbook.ts";
export * from "./identity.ts";
export * from "./kpi.ts";
export * from "./legal.ts";
export * from "./maturity.ts";
export * from "./messages.ts";
export * from "./pagination.ts";
export * from "./parse-result.ts";
export * from "./permissions.ts";
export * from "./portfolio.ts";
export * from "./reports.ts";
export * from "./roles.ts";
export * from "./steering.ts";
export * from "./text.ts";
export { configureZod };
