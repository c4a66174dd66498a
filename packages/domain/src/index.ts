import "./zod-locale.ts";

export * from "./audit-labels.ts";
export * from "./cell-protection.ts";
export * from "./dates.ts";
export * from "./errors.ts";
export * from "./evidence-files.ts";
export * from "./forecast.ts";
export * from "./format.ts";
export * from "./german-number.ts";
export * from "./identity.ts";
export * from "./maturity.ts";
export * from "./messages.ts";
export * from "./pagination.ts";
export * from "./parse-result.ts";
export * from "./permissions.ts";
export * from "./portfolio.ts";
export * from "./roles.ts";
export * from "./text.ts";
