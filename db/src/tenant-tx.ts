// The tenant transaction: the only way to reach tenant data (DESIGN.md §3).
import { sql } from "drizzle-orm";
import type { Database } from "./client.ts";

export type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

declare const tenantTxBrand: unique symbol;
/** A transaction whose `app.tenant_id` is set and verified; domain functions take this, never a bare pool. */
export type TenantTx = Tx & { readonly [tenantTxBrand]: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class TenantContextError extends Error {
  override name = "TenantContextError";
}

/**
 * Runs `fn` in a transaction bound to `tenantId`. The setting is transaction-local (`set_config(…, true)`), and is
 * read back before `fn` runs: if the BEGIN did not reserve the connection (porsager/postgres#1189) the read-back
 * comes from another session or outside the transaction and the call fails instead of leaking.
 */
export async function withTenant<T>(
  db: Database,
  tenantId: string,
  fn: (tx: TenantTx) => Promise<T>,
): Promise<T> {
  if (!UUID.test(tenantId)) throw new TenantContextError(`invalid tenant id: ${JSON.stringify(tenantId)}`);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.tenant_id', ${tenantId}, true)`);
    // A transaction-local setting survives to the next statement only inside the same transaction block.
    const [row] = await tx.execute<{ tenant: string | null }>(
      sql`select current_setting('app.tenant_id', true) as tenant`,
    );
    if (row?.tenant !== tenantId) {
      throw new TenantContextError(
        `tenant transaction check failed: expected ${tenantId}, connection reports ${JSON.stringify(row)}`,
      );
    }
    return fn(tx as TenantTx);
  });
}
