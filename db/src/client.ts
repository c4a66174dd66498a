// The one way to open a database connection pool; the API, worker and CLI all go through here.
import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { preparedDatabase } from "./prepared-session.ts";
import * as schema from "./schema/index.ts";
import { setAcquireTimeout } from "./tenant-tx.ts";

export type Schema = typeof schema;
/** The pool-level handle; `$client` is the postgres.js pool the tenant transaction reserves connections from. */
export type Database = PostgresJsDatabase<Schema> & { $client: postgres.Sql };

export type DbClient = {
  /** Not exported to request handlers: tenant data is reached only through `withTenant`. */
  db: Database;
  sql: postgres.Sql;
  close: () => Promise<void>;
};

export type CreateDbOptions = {
  max?: number;
  applicationName?: string;
  /** How long a transaction waits for a free connection before it fails with DatabaseBusyError (default 10 s). */
  acquireTimeoutMs?: number;
  /**
   * Per-connection overrides of the runtime role's limits (migration 0013: 15 s statements, 5 s lock waits, 30 s idle
   * in a transaction); unset keeps the role's.
   */
  statementTimeoutMs?: number;
  lockTimeoutMs?: number;
  idleInTransactionTimeoutMs?: number;
  /**
   * Named prepared statements (default true). False behind a pooler in transaction mode that cannot keep them
   * across server connections (PgBouncer before 1.21, or without `max_prepared_statements`): DB_PREPARED_STATEMENTS.
   */
  preparedStatements?: boolean;
};

export function createDb(url: string, opts: CreateDbOptions = {}): DbClient {
  const sql = postgres(url, {
    max: opts.max ?? 10,
    prepare: opts.preparedStatements ?? true,
    idle_timeout: 30,
    connect_timeout: 10,
    onnotice: () => {},
    ...(process.env.SPATZ_SQL_DEBUG
      ? { debug: (_c: number, q: string) => console.log("SQL", q.replace(/\s+/g, " ").slice(0, 140)) }
      : {}),
    connection: {
      application_name: opts.applicationName ?? "spatz",
      ...(opts.statementTimeoutMs !== undefined && { statement_timeout: opts.statementTimeoutMs }),
      ...(opts.lockTimeoutMs !== undefined && { lock_timeout: opts.lockTimeoutMs }),
      ...(opts.idleInTransactionTimeoutMs !== undefined && {
        idle_in_transaction_session_timeout: opts.idleInTransactionTimeoutMs,
      }),
    },
  });
  if (opts.acquireTimeoutMs !== undefined) setAcquireTimeout(sql, opts.acquireTimeoutMs);
  // drizzle() sets the driver's type parsers and builds the relational schema once; queries then go through a
  // session that prepares statements (see prepared-session.ts).
  const base = drizzle({ client: sql, schema });
  const db = preparedDatabase<Database>(
    sql,
    { fullSchema: base._.fullSchema, schema: base._.schema!, tableNamesMap: base._.tableNamesMap },
    opts.preparedStatements ?? true,
  );
  return { db, sql, close: () => sql.end({ timeout: 5 }) };
}
