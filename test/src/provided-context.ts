// What global-setup.ts provides to the tests through vitest's inject().
export {};

declare module "vitest" {
  export interface ProvidedContext {
    appUrl: string;
    ownerUrl: string;
    superuserUrl: string;
    postgresUrl: string;
    redisUrl: string;
  }
}
