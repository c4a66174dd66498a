// Where the db package's own files live: the SQL migrations and the bundled reference data. From source they sit
// beside src/ (db/migrations, db/seed-data); in a production bundle (apps/*/dist, built by infra/release) this module
// is inlined into the bundle, the build sets SPATZ_BUNDLE and copies both folders next to the bundle file.
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Defined (as `true`) by the production bundler only; absent when the source runs through tsx or vitest. */
declare const SPATZ_BUNDLE: boolean | undefined;

const here = path.dirname(fileURLToPath(import.meta.url));
const root = typeof SPATZ_BUNDLE === "undefined" ? path.resolve(here, "..") : here;

/** The drizzle migrations folder (SQL files and meta/_journal.json). */
export const migrationsFolder = path.join(root, "migrations");
/** The bundled reference data (Destatis extract, OZG catalogue, Halle's project list) with their SOURCE.md. */
export const seedDataDir = path.join(root, "seed-data");
