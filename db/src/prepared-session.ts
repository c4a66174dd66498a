// drizzle's postgres-js driver runs ad-hoc queries unprepared, so postgres.js first asks the server to describe every
// parameterized statement: two round trips per query. This session prepares them (postgres.js caches the prepared
// statement per connection, keyed by its text), which halves the round trips of every query SPATZ sends.
import { PgDialect, type PgPreparedQuery, type PreparedQueryConfig } from "drizzle-orm/pg-core";
import { PostgresJsDatabase, PostgresJsSession } from "drizzle-orm/postgres-js";
import type postgres from "postgres";

type Base = PostgresJsSession<postgres.Sql, Record<string, unknown>, never>;

class PreparingSession extends PostgresJsSession<postgres.Sql, Record<string, unknown>, never> {
  override prepareQuery<T extends PreparedQueryConfig = PreparedQueryConfig>(
    ...args: Parameters<Base["prepareQuery"]>
  ): PgPreparedQuery<T> {
    const query = super.prepareQuery<T>(...(args as Parameters<Base["prepareQuery"]>));
    (query as unknown as { prepare: boolean }).prepare = true;
    return query;
  }
}

export const dialect = new PgDialect();

type RelationalSchema = ConstructorParameters<typeof PostgresJsSession>[2];

/**
 * A drizzle database on a postgres.js client (pool or reserved connection) that prepares its statements. The
 * client's type parsers must already be set the drizzle way (createDb does this once for the pool; reserved
 * connections share the pool's options).
 */
export function preparedDatabase<T>(
  client: postgres.Sql | postgres.ReservedSql,
  schema?: RelationalSchema,
): T {
  const session = new PreparingSession(client as postgres.Sql, dialect, schema as never);
  const db = new PostgresJsDatabase(dialect, session as never, schema as never) as unknown as {
    $client: unknown;
  };
  db.$client = client;
  return db as T;
}
