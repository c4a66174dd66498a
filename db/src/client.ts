// The one way to open a database connection pool; the API, worker and CLI all go through here.
import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema/index.ts";

export type Schema = typeof schema;
export type Database = PostgresJsDatabase<Schema>;

export type DbClient = {
  /** Not exported to request handlers: tenant data is reached only through `withTenant`. */
  db: Database;
  sql: postgres.Sql;
  close: () => Promise<void>;
};

export type CreateDbOptions = { max?: number; applicationName?: string };

export function createDb(url: string, opts: CreateDbOptions = {}): DbClient {
  const sql = postgres(url, {
    max: opts.max ?? 10,
    idle_timeout: 30,
    connect_timeout: 10,
    onnotice: () => {},
    connection: { application_name: opts.applicationName ?? "spatz" },
  });
  const db = drizzle({ client: sql, schema });
  return { db, sql, close: () => sql.end({ timeout: 5 }) };
}
