// drizzle's postgres-js driver runs ad-hoc queries unprepared, so postgres.js first asks the server to describe every
// parameterized statement: two round trips per query. This session prepares them (postgres.js caches the prepared
// statement per connection, keyed by its text), which halves the round trips of every query SPATZ sends.
// A query without parameters (e.g. `select count(*) from users`, where row-level security supplies the tenant filter)
// would still go out in the simple protocol, which parses and plans it on every call, row-level-security subquery
// included. The session sends those as prepared statements too, so that PostgreSQL plans each statement once per
// connection. Statement texts therefore must not vary per call (values are parameters; see withSavepoint's name).
import { PgDialect, type PgPreparedQuery, type PreparedQueryConfig } from "drizzle-orm/pg-core";
import { PostgresJsDatabase, PostgresJsSession } from "drizzle-orm/postgres-js";
import type postgres from "postgres";

type Base = PostgresJsSession<postgres.Sql, Record<string, unknown>, never>;

type Unsafe = postgres.Sql["unsafe"];
type RelationalSchema = ConstructorParameters<typeof PostgresJsSession>[2];

export const dialect = new PgDialect();

class PreparingSession extends PostgresJsSession<postgres.Sql, Record<string, unknown>, never> {
  /** The client as drizzle's prepared query uses it (only `unsafe`), with the extended protocol forced. */
  private readonly extended: { unsafe: Unsafe };

  constructor(client: postgres.Sql, schema: RelationalSchema | undefined, prepare: boolean) {
    super(client, dialect, schema as never);
    this.extended = {
      unsafe: ((query, params, options) =>
        client.unsafe(query, params, { ...options, prepare, simple: false } as never)) as Unsafe,
    };
  }

  override prepareQuery<T extends PreparedQueryConfig = PreparedQueryConfig>(
    ...args: Parameters<Base["prepareQuery"]>
  ): PgPreparedQuery<T> {
    const query = super.prepareQuery<T>(...(args as Parameters<Base["prepareQuery"]>));
    Object.assign(query, { prepare: true, client: this.extended });
    return query;
  }
}

/**
 * A drizzle database on a postgres.js client (pool or reserved connection) that prepares its statements. The
 * client's type parsers must already be set the drizzle way (createDb does this once for the pool; reserved
 * connections share the pool's options). With `prepare` false statements still use the extended protocol, but
 * unnamed: what a pooler in transaction mode that cannot track prepared statements (PgBouncer < 1.21) needs.
 */
export function preparedDatabase<T>(
  client: postgres.Sql | postgres.ReservedSql,
  schema?: RelationalSchema,
  prepare = true,
): T {
  const session = new PreparingSession(client as postgres.Sql, schema, prepare);
  const db = new PostgresJsDatabase(dialect, session as never, schema as never) as unknown as {
    $client: unknown;
  };
  db.$client = client;
  return db as T;
}
