// porsager/postgres#1189: postgres.js 3.4.9 can send BEGIN without reserving the connection when BEGIN fills the
// pipeline; the transaction then stays open on the server and unrelated queries run inside it. Both tests fail on
// the unpatched library and pass with db/patches/postgres@3.4.9.patch.
import postgres from "postgres";
import { afterEach, describe, expect, inject, it } from "vitest";

const clients: postgres.Sql[] = [];
// max_pipeline is a real option of postgres.js 3.4.9 that its type definitions leave out.
function client(options: postgres.Options<Record<string, never>> & { max_pipeline?: number }) {
  const sql = postgres(inject("superuserUrl"), { onnotice: () => {}, ...options });
  clients.push(sql);
  return sql;
}
afterEach(async () => {
  await Promise.all(clients.splice(0).map((sql) => sql.end({ timeout: 1 })));
});

type Probe = { xid: string; tenant: string };
/** Each autocommit statement gets its own transaction id; statements that share one ran in the same transaction. */
const probe = (sql: postgres.Sql): Promise<Probe> =>
  sql<
    Probe[]
  >`select txid_current()::text as xid, coalesce(current_setting('app.tenant_id', true), '') as tenant`.then(
    ([row]) => row!,
  );

async function expectAutocommit(sql: postgres.Sql) {
  const [a, b] = [await probe(sql), await probe(sql)];
  expect(a.xid, "two plain statements share a transaction: a BEGIN was left open").not.toBe(b.xid);
  expect(a.tenant).toBe("");
}

describe("postgres.js BEGIN reservation (porsager/postgres#1189)", () => {
  it("reserves the connection when BEGIN is the query that fills the pipeline", async () => {
    const sql = client({ max: 1, max_pipeline: 1 });
    await sql`select 1`;
    const busy = sql`select pg_sleep(0.05)`.execute(); // occupies the connection so BEGIN is pipelined
    const tx = sql.begin(async (t) => {
      await t`select set_config('app.tenant_id', 'tenant-a', true)`;
      return (await t<{ tenant: string }[]>`select current_setting('app.tenant_id', true) as tenant`)[0]
        ?.tenant;
    });
    await busy;
    await expect(tx).resolves.toBe("tenant-a");
    await expectAutocommit(sql);
  });

  it("keeps transactions and plain queries apart on a busy, small pool", async () => {
    const sql = client({ max: 2, max_pipeline: 2 });
    await Promise.all([sql`select 1`, sql`select 1`]);
    const txXids = new Set<string>();
    const plain: Promise<Probe>[] = [];
    const transactions: Promise<unknown>[] = [];
    for (let i = 0; i < 40; i++) {
      plain.push(probe(sql));
      sql`select pg_sleep(0.001)`.execute();
      const tenant = `tenant-${i}`;
      transactions.push(
        sql.begin(async (t) => {
          await t`select set_config('app.tenant_id', ${tenant}, true)`;
          const [row] = await t<
            Probe[]
          >`select txid_current()::text as xid, current_setting('app.tenant_id', true) as tenant`;
          txXids.add(row!.xid);
          if (row!.tenant !== tenant) throw new Error(`expected ${tenant}, saw ${row!.tenant}`);
        }),
      );
    }
    const outcomes = await Promise.allSettled(transactions);
    expect(outcomes.filter((o) => o.status === "rejected")).toEqual([]);
    for (const row of await Promise.all(plain)) {
      expect(row.tenant).toBe("");
      expect(txXids.has(row.xid)).toBe(false);
    }
    await expectAutocommit(sql);
  });
});
