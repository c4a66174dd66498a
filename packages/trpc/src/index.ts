export * from "./context.ts";
export * from "./cookies.ts";
export { type AppRouter, appRouter } from "./router.ts";
export { createCallerFactory } from "./trpc.ts";
