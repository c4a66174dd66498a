export * from "./api.ts";
export * from "./groups.ts";
export * from "./position.ts";
export * from "./stichtage.ts";
export * from "./suppression.ts";
export * from "./texts.ts";
export * from "./triggers.ts";
