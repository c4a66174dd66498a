// The tenant transaction: the only way to reach tenant data (DESIGN.md §3).
import { AsyncLocalStorage } from "node:async_hooks";
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

/** No connection of the pool became free within the acquire timeout: the database is busy; the caller may retry. */
export class DatabaseBusyError extends Error {
  override name = "DatabaseBusyError";
}

/**
 * The transaction of the current async flow, if any. A second transaction opened while one is held would wait for a
 * second pooled connection while holding the first: with as many such flows as connections, every one waits for the
 * others forever and the whole platform hangs. So nesting is refused outright, for every caller (API, worker, CLI):
 * resolve what is needed, let the transaction end, then open the next one.
 */
const activeTransaction = new AsyncLocalStorage<string>();

/** How long a caller waits for a pooled connection (createDb sets it per pool; DB_ACQUIRE_TIMEOUT_MS). */
const acquireTimeouts = new WeakMap<postgres.Sql, number>();
const DEFAULT_ACQUIRE_TIMEOUT_MS = 10_000;

export function setAcquireTimeout(pool: postgres.Sql, ms: number): void {
  acquireTimeouts.set(pool, ms);
}

/** What a pool's transactions did so far, for the operators' metrics (apps/api, apps/worker `/metrics`). */
export type PoolStats = {
  /** Connections held by a transaction right now. */
  inUse: number;
  /** Callers waiting for a connection right now. */
  waiting: number;
  /** Connections handed out, and the seconds callers waited for them in total. */
  acquired: number;
  waitSeconds: number;
  /** Callers refused with DatabaseBusyError after the acquire timeout. */
  busy: number;
};

const stats = new WeakMap<postgres.Sql, PoolStats>();

export function poolStats(pool: postgres.Sql): PoolStats {
  let s = stats.get(pool);
  if (!s) {
    s = { inUse: 0, waiting: 0, acquired: 0, waitSeconds: 0, busy: 0 };
    stats.set(pool, s);
  }
  return s;
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
  /**
   * Overrides the runtime role's `statement_timeout` for this transaction only (`SET LOCAL`), for jobs whose
   * statements legitimately run longer than a request's (e.g. aggregations); never for request handlers.
   */
  statementTimeoutMs?: number;
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

/**
 * A drizzle handle on the reserved connection; it shares the pool's type parsers and prepares its statements unless
 * the pool was made without prepared statements (behind PgBouncer before 1.21, see createDb).
 */
function bind(reserved: postgres.ReservedSql, pool: postgres.Sql): TenantTx {
  return preparedDatabase<TenantTx>(reserved, undefined, pool.options.prepare !== false);
}

/** A connection of the pool, or DatabaseBusyError after the acquire timeout (a late connection goes straight back). */
async function acquire(pool: postgres.Sql): Promise<postgres.ReservedSql> {
  const ms = acquireTimeouts.get(pool) ?? DEFAULT_ACQUIRE_TIMEOUT_MS;
  const s = poolStats(pool);
  const started = performance.now();
  s.waiting++;
  const pending = pool.reserve();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new DatabaseBusyError(`no database connection free within ${ms} ms`)),
      ms,
    );
  });
  try {
    const reserved = await Promise.race([pending, timeout]);
    s.inUse++;
    s.acquired++;
    return reserved;
  } catch (error) {
    if (error instanceof DatabaseBusyError) s.busy++;
    pending.then((late) => late.release()).catch(() => {});
    throw error;
  } finally {
    s.waiting--;
    s.waitSeconds += (performance.now() - started) / 1000;
    clearTimeout(timer);
  }
}

async function inTransaction<T>(
  db: Database,
  setting: string,
  fn: (tx: TenantTx) => Promise<T>,
  { readOnly = false, isolation, statementTimeoutMs }: TransactionOptions,
): Promise<T> {
  const outer = activeTransaction.getStore();
  if (outer !== undefined) {
    throw new TenantContextError(
      `refused to open a transaction for "${setting}" inside the open transaction of "${outer}": ` +
        "nested transactions can exhaust the pool; finish the first transaction before opening the next",
    );
  }
  if (statementTimeoutMs !== undefined && !Number.isSafeInteger(statementTimeoutMs)) {
    throw new TenantContextError(`invalid statement timeout: ${statementTimeoutMs}`);
  }
  const reserved = await acquire(db.$client);
  try {
    // `setting` is a validated UUID or empty and the timeout an integer, so both can be inlined: the simple protocol
    // carries all statements in one message.
    const mode = ["begin", isolation && `isolation level ${isolation}`, readOnly && "read only"]
      .filter(Boolean)
      .join(" ");
    const timeout =
      statementTimeoutMs === undefined ? "" : ` set local statement_timeout = ${statementTimeoutMs};`;
    const begin = reserved
      .unsafe(
        // SET LOCAL, not set_config(): Citus propagates the statement to its workers, not the function (citus#2689).
        `${mode};${timeout} set local app.tenant_id = '${setting}'; select current_setting('app.tenant_id') as tenant, transaction_timestamp() = statement_timestamp() as fresh`,
      )
      .execute() as unknown as Promise<unknown[]>;
    const work = activeTransaction.run(setting, () =>
      Promise.resolve().then(() => fn(bind(reserved, db.$client))),
    );
    work.catch(() => {}); // awaited below; an early failure must not count as unhandled while BEGIN is in flight
    try {
      const row = (await begin).at(-1) as { tenant: string; fresh: boolean }[] | undefined;
      const check = row?.[0];
      if (check?.tenant !== setting || check.fresh !== true) {
        throw new TenantContextError(
          `tenant transaction check failed: expected a new transaction for "${setting}", connection reports ${JSON.stringify(check)}`,
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
    poolStats(db.$client).inUse--;
  }
}
