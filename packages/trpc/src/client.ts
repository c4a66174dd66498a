// Types only, for the web app: importing this pulls no server code into the browser bundle.
export type { AppRouter } from "./router.ts";
