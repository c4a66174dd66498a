// Benchmark: what does the tenant transaction cost? One run measures, over HTTP with autocannon,
//   (a) protected:   tRPC users.list with a session cookie → session validated and the query run in the tenant
//                    transaction (BEGIN, set_config + read-back, RLS on every table, COMMIT) as the runtime role;
//   (b) unprotected: a tRPC procedure mounted on the same app (same middleware, transformer and serialization) that
//                    runs the same drizzle queries (session lookup, list, count) as a superuser: no RLS, no tenant
//                    setting, no transaction; the tenant filter is in the WHERE clause instead.
// Target: (a) reaches at least 80 % of (b)'s requests per second. Run: pnpm --filter @spatz/test bench:tenant-tx

import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { promisify } from "node:util";
import { serve } from "@hono/node-server";
import { trpcServer } from "@hono/trpc-server";
import { constantTimeEqual, hashPassword, parseSessionToken, sha256 } from "@spatz/auth";
import { createDb, runMigrations, schema } from "@spatz/db";
import { loadTenants, seedDemoUsers } from "@spatz/db/seed";
import { createTestDatabase, freePort, startThrowawayServices } from "@spatz/local";
import { readCookie, SESSION_COOKIE } from "@spatz/trpc";
import { initTRPC, TRPCError } from "@trpc/server";
import { and, asc, count, eq } from "drizzle-orm";
import superjson from "superjson";
import { sessionCookie } from "../src/fixtures.ts";
import { createTestApp } from "../src/server.ts";

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);

const services = await startThrowawayServices();
const database = await createTestDatabase(services.postgresUrl, "spatz_bench");
await runMigrations(database.ownerUrl);
const seedClient = createDb(database.appUrl, { max: 4 });
await loadTenants(seedClient.db, "Benchmark");
await seedDemoUsers(seedClient.db, await hashPassword("benchmark-passwort"));
const [halle] = await seedClient.sql<{ id: string }[]>`select id from tenants where slug = 'halle-saale'`;
await seedClient.close();

// Both sides get the same number of connections.
const POOL = Number(process.env.BENCH_POOL ?? 20);
const app = createTestApp({ appUrl: database.appUrl, redisUrl: services.redisUrl, poolSize: POOL });
const adminClient = createDb(database.superuserUrl.replace(/\/postgres$/, `/${database.name}`), { max: 1 });
const [admin] = await adminClient.sql<
  { id: string }[]
>`select id from users where tenant_id = ${halle!.id} and role = 'admin'`;
await adminClient.close();
const cookie = await sessionCookie(app.client.db, halle!.id, admin!.id);

// (b): the same work with the same drizzle queries and session check, but as a superuser on a plain pool: no RLS,
// no tenant setting, no transaction; the tenant filter is written into the query instead.
const superDb = createDb(database.superuserUrl.replace(/\/postgres$/, `/${database.name}`), { max: POOL }).db;
const { users, sessions, tenants } = schema;
const t = initTRPC.context<{ cookie: string | null }>().create({ transformer: superjson });
const baseline = t.router({
  users: t.router({
    list: t.procedure.query(async ({ ctx }) => {
      const token = parseSessionToken(readCookie(ctx.cookie, SESSION_COOKIE));
      if (!token) throw new TRPCError({ code: "UNAUTHORIZED" });
      const [session] = await superDb
        .select({ session: sessions, user: users, tenant: tenants })
        .from(sessions)
        .innerJoin(users, and(eq(users.tenantId, sessions.tenantId), eq(users.id, sessions.userId)))
        .innerJoin(tenants, eq(tenants.id, sessions.tenantId))
        .where(and(eq(sessions.tenantId, token.tenantId), eq(sessions.id, token.sessionId)));
      if (!session || !constantTimeEqual(new Uint8Array(session.session.secretHash), sha256(token.secret))) {
        throw new TRPCError({ code: "UNAUTHORIZED" });
      }
      const where = eq(users.tenantId, token.tenantId);
      const [items, [total]] = await Promise.all([
        superDb
          .select({
            id: users.id,
            email: users.email,
            displayName: users.displayName,
            role: users.role,
            status: users.status,
            lastLoginAt: users.lastLoginAt,
            createdAt: users.createdAt,
          })
          .from(users)
          .where(where)
          .orderBy(asc(users.displayName))
          .limit(25),
        superDb.select({ n: count() }).from(users).where(where),
      ]);
      return { items, total: total?.n ?? 0, page: 1, pageSize: 25 };
    }),
  }),
});
app.app.use(
  "/baseline/*",
  trpcServer({
    router: baseline,
    endpoint: "/baseline",
    createContext: (_o, c) => ({ cookie: c.req.header("cookie") ?? null }),
  }),
);

const port = await freePort();
const servers = [serve({ fetch: app.app.fetch, port })];

const input = encodeURIComponent(JSON.stringify(superjson.serialize({ page: 1, pageSize: 25 })));
// The load generator runs in its own process so that it does not share the server's event loop.
const autocannonBin = createRequire(import.meta.url).resolve("autocannon/autocannon.js");
async function autocannon(url: string, headers: Record<string, string>, seconds: number) {
  const args = [autocannonBin, "-j", "-c", String(CONNECTIONS), "-d", String(seconds)];
  for (const [k, v] of Object.entries(headers)) args.push("-H", `${k}=${v}`);
  const { stdout } = await promisify(execFile)(process.execPath, [...args, url], {
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(stdout) as {
    requests: { average: number };
    latency: { p50: number; p99: number };
    non2xx: number;
    errors: number;
  };
}

async function run(name: string, url: string, headers: Record<string, string>) {
  await autocannon(url, headers, 2); // warm-up
  const result = await autocannon(url, headers, DURATION);
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${name}: ${result.non2xx} non-2xx responses, ${result.errors} errors`);
  return { name, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

const protectedRun = await run(
  "protected (tenant transaction + RLS)",
  `http://127.0.0.1:${port}/trpc/users.list?input=${input}`,
  { cookie },
);
const unprotectedRun = await run(
  "unprotected (superuser, no RLS)",
  `http://127.0.0.1:${port}/baseline/users.list?input=${input}`,
  { cookie },
);
const ratio = protectedRun.rps / unprotectedRun.rps;

console.log(
  `\nTenant transaction cost: users.list for Stadt Halle (Saale), ${CONNECTIONS} connections, ${DURATION} s each, 2 cores shared by server and load generator\n`,
);
console.log("run                                     req/s    p50 ms   p99 ms");
for (const r of [protectedRun, unprotectedRun]) {
  console.log(
    `${r.name.padEnd(38)} ${r.rps.toFixed(0).padStart(7)} ${String(r.p50).padStart(8)} ${String(r.p99).padStart(8)}`,
  );
}
console.log(
  `\nprotected / unprotected = ${(ratio * 100).toFixed(1)} %  (target ≥ 80 %): ${ratio >= 0.8 ? "PASS" : "FAIL"}`,
);

for (const s of servers) s.close();
await app.close();
await database.drop();
await services.stop();
process.exit(ratio >= 0.8 ? 0 : 1);
