export * from "./bundle.ts";
