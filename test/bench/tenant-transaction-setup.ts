// What both tenant-transaction benchmarks share: a throwaway database with the real tenants and demo users, a session
// of Halle's admin, and the unprotected baseline: the users.list work (session check, page, count) as a superuser on
// a plain pool, with the tenant in the WHERE clause instead of RLS and a tenant setting.
import { constantTimeEqual, hashPassword, parseSessionToken, type SessionToken, sha256 } from "@spatz/auth";
import { createDb, queries, runMigrations, schema } from "@spatz/db";
import { loadTenants, seedDemoUsers } from "@spatz/db/seed";
import { createTestDatabase, startThrowawayServices } from "@spatz/local";
import { readCookie, SESSION_COOKIE } from "@spatz/trpc";
import { and, asc, count, eq } from "drizzle-orm";
import { sessionCookie } from "../src/fixtures.ts";
import { createTestApp } from "../src/server.ts";

/** Both sides get the same number of connections. */
export const POOL = Number(process.env.BENCH_POOL ?? 20);

export async function setUpTenantBench() {
  const services = await startThrowawayServices();
  const database = await createTestDatabase(services.postgresUrl, "spatz_bench");
  await runMigrations(database.ownerUrl);
  const seedClient = createDb(database.appUrl, { max: 4 });
  await loadTenants(seedClient.db, "Benchmark");
  await seedDemoUsers(seedClient.db, await hashPassword("benchmark-passwort"));
  const [halle] = await seedClient.sql<{ id: string }[]>`select id from tenants where slug = 'halle-saale'`;
  await seedClient.close();

  const app = createTestApp({ appUrl: database.appUrl, redisUrl: services.redisUrl, poolSize: POOL });
  const superuser = createDb(database.superuserUrl.replace(/\/postgres$/, `/${database.name}`), {
    max: POOL,
  });
  const [admin] = await superuser.sql<
    { id: string }[]
  >`select id from users where tenant_id = ${halle!.id} and role = 'admin'`;
  const cookie = await sessionCookie(app.client.db, halle!.id, admin!.id);
  const token = parseSessionToken(readCookie(cookie, SESSION_COOKIE))!;

  return {
    app,
    superuser,
    cookie,
    token,
    close: async () => {
      await superuser.close();
      await app.close();
      await database.drop();
      await services.stop();
    },
  };
}

const { users, sessions, tenants } = schema;

/**
 * The unprotected side: the same drizzle queries as the session check and users.list, as a superuser (no RLS), no
 * tenant setting, no transaction. Returns null for an invalid session.
 */
export async function unprotectedUsersList(
  db: ReturnType<typeof createDb>["db"],
  token: SessionToken,
  page: { page: number; pageSize: number },
) {
  const [session] = await db
    .select({ session: sessions, user: users, tenant: tenants })
    .from(sessions)
    .innerJoin(users, and(eq(users.tenantId, sessions.tenantId), eq(users.id, sessions.userId)))
    .innerJoin(tenants, eq(tenants.id, sessions.tenantId))
    .where(and(eq(sessions.tenantId, token.tenantId), eq(sessions.id, token.sessionId)));
  if (!session || !constantTimeEqual(new Uint8Array(session.session.secretHash), sha256(token.secret))) {
    return null;
  }
  const where = eq(users.tenantId, token.tenantId);
  const [items, [total]] = await Promise.all([
    db
      .select(queries.publicUser)
      .from(users)
      .where(where)
      .orderBy(asc(users.displayName))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    db.select({ n: count() }).from(users).where(where),
  ]);
  return { items, total: total?.n ?? 0, page: page.page, pageSize: page.pageSize };
}
