// The tenant transaction: the only way to reach tenant data (DESIGN.md §3).
import { sql } from "drizzle-orm";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import type postgres from "postgres";
import type { Database } from "./client.ts";
import { preparedDatabase } from "./prepared-session.ts";
import type * as schema from "./schema/index.ts";

declare const tenantTxBrand: unique symbol;
/**
 * A database handle bound to one reserved connection inside a transaction whose `app.tenant_id` is set and verified.
 * Domain functions take this, never a bare pool. No nested transactions: use one tenant transaction per unit of work.
 */
export type TenantTx = Omit<PostgresJsDatabase<typeof schema>, "transaction" | "$client" | "query"> & {
  readonly [tenantTxBrand]: string;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class TenantContextError extends Error {
  override name = "TenantContextError";
}

/**
 * Runs `fn` in a transaction bound to `tenantId` and commits, or rolls back when `fn` throws.
 *
 * The connection is reserved explicitly (`sql.reserve()`), so it belongs to this transaction alone; that sidesteps the
 * `sql.begin()` path of porsager/postgres#1189 altogether (the library is patched as well). One message carries BEGIN
 * and the transaction-local tenant setting, and its answer is checked before `fn`'s result counts: the setting is
 * this tenant, and the transaction began with this very message (`transaction_timestamp() = statement_timestamp()`;
 * a transaction left open on the connection would be older, and BEGIN inside it only warns). A transaction-local
 * setting then holds for every later statement of the transaction. `fn`'s first statements are pipelined behind that
 * message; if the check fails, their work is rolled back and never returned.
 */
export function withTenant<T>(
  db: Database,
  tenantId: string,
  fn: (tx: TenantTx) => Promise<T>,
  opts: TransactionOptions = {},
): Promise<T> {
  if (!UUID.test(tenantId)) {
    return Promise.reject(new TenantContextError(`invalid tenant id: ${JSON.stringify(tenantId)}`));
  }
  return inTransaction(db, tenantId.toLowerCase(), fn, opts);
}

export type TransactionOptions = {
  /**
   * `BEGIN READ ONLY`: the database refuses any write. Its COMMIT is sent without waiting for the answer (there is
   * nothing to confirm, and the connection handles the next transaction's statements strictly after it), which saves
   * a round trip on every read.
   */
  readOnly?: boolean;
  /** For reports that need one consistent snapshot across several statements. */
  isolation?: "read committed" | "repeatable read" | "serializable";
};

/**
 * Runs `fn` inside a savepoint of the tenant transaction: if it throws, only its statements are undone and the
 * transaction stays usable (e.g. to turn a unique violation into a German CONFLICT message).
 * One fixed name: statements are prepared per text (prepared-session.ts), and PostgreSQL resolves a reused name to
 * the newest savepoint, which is the right one for nested calls as long as each call ends its own savepoint (hence
 * the release after a rollback, too).
 */
export async function withSavepoint<T>(tx: TenantTx, fn: (tx: TenantTx) => Promise<T>): Promise<T> {
  await tx.execute(sql`savepoint spatz_sp`);
  try {
    const result = await fn(tx);
    await tx.execute(sql`release savepoint spatz_sp`);
    return result;
  } catch (error) {
    await tx.execute(sql`rollback to savepoint spatz_sp`);
    await tx.execute(sql`release savepoint spatz_sp`);
    throw error;
  }
}

/** A transaction with no tenant at all: row-level security shows only the global registries (public directory). */
export function withoutTenant<T>(
  db: Database,
  fn: (tx: TenantTx) => Promise<T>,
  opts: TransactionOptions = {},
): Promise<T> {
  return inTransaction(db, "", fn, opts);
}

/** A drizzle handle on the reserved connection; it shares the pool's type parsers and prepares its statements. */
function bind(reserved: postgres.ReservedSql): TenantTx {
  return preparedDatabase<TenantTx>(reserved);
}

async function inTransaction<T>(
  db: Database,
  setting: string,
  fn: (tx: TenantTx) => Promise<T>,
  { readOnly = false, isolation }: TransactionOptions,
): Promise<T> {
  const reserved = await db.$client.reserve();
  try {
    // `setting` is a validated UUID or empty, so it can be inlined: the simple protocol carries both statements.
    const mode = ["begin", isolation && `isolation level ${isolation}`, readOnly && "read only"]
      .filter(Boolean)
      .join(" ");
    const begin = reserved
      .unsafe(
        `${mode}; select set_config('app.tenant_id', '${setting}', true) as tenant, transaction_timestamp() = statement_timestamp() as fresh`,
      )
      .execute() as unknown as Promise<[unknown, { tenant: string; fresh: boolean }[]]>;
    const work = Promise.resolve().then(() => fn(bind(reserved)));
    work.catch(() => {}); // awaited below; an early failure must not count as unhandled while BEGIN is in flight
    try {
      const row = (await begin)[1]?.[0];
      if (row?.tenant !== setting || row.fresh !== true) {
        throw new TenantContextError(
          `tenant transaction check failed: expected a new transaction for "${setting}", connection reports ${JSON.stringify(row)}`,
        );
      }
      const result = await work;
      const commit = reserved.unsafe("commit").execute();
      if (readOnly) commit.catch(() => {});
      else await commit;
      return result;
    } catch (error) {
      await work.catch(() => {}); // let fn's statements finish before the rollback
      await reserved.unsafe("rollback").catch(() => {});
      throw error;
    }
  } finally {
    reserved.release();
  }
}
