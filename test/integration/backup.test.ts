// `pnpm spatz backup` / `restore` as an operator runs them: the seeded test database (all Kommunen, demo accounts, the
// rollout demo, plus a Kommune with a completed measure and its evidence file) is backed up, restored into a new empty
// database, and the Kommunen sign in there through the API and find their data, evidence files included.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { DEMO_PASSWORD } from "@spatz/db/seed";
import { createTestDatabase, type TestDatabase } from "@spatz/local/test-services";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ApiSession } from "../src/api-client.ts";
import { databaseOf, spatz, superuserUrlFor } from "../src/cli.ts";
import { downloadEvidence, pdfBytes, uploadEvidence } from "../src/evidence.ts";
import { createTenant, type FixtureTenant, TEST_PASSWORD } from "../src/fixtures.ts";
import { createMeasure, sessionAs } from "../src/maturity-fixtures.ts";
import { createTestApp, type TestApp } from "../src/server.ts";

let source: TestApp;
let restored: TestApp | null = null;
let kommune: FixtureTenant;
const targets: TestDatabase[] = [];
const work = mkdtempSync(path.join(os.tmpdir(), "spatz-backup-test-"));
const backupDir = path.join(work, "sicherung");
const evidence = { measureId: "", fileId: "", bytes: pdfBytes("Beschluss des Stadtrats zur Sicherung") };

const maintenance = (database: string) => ({
  MAINTENANCE_DATABASE_URL: superuserUrlFor(inject("superuserUrl"), database),
});

async function newEmptyDatabase(): Promise<TestDatabase> {
  const db = await createTestDatabase(inject("postgresUrl"), "spatz_restore");
  targets.push(db);
  return db;
}

async function tableCount(database: string): Promise<number> {
  const sql = postgres(superuserUrlFor(inject("superuserUrl"), database), { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ n: string }[]>`
      select count(*) as n from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind = 'r' and n.nspname in ('public', 'drizzle')`;
    return Number(row!.n);
  } finally {
    await sql.end();
  }
}

/** Signs in through the API's login (password check and all), as a user does. */
async function signIn(t: TestApp, tenantSlug: string, email: string, password: string): Promise<ApiSession> {
  const session = new ApiSession(t);
  await session.must("auth.login", { tenantSlug, email, password });
  return session;
}

beforeAll(async () => {
  source = createTestApp({ appUrl: inject("appUrl"), redisUrl: inject("redisUrl") });
  kommune = await createTenant(source.client.db, "sicherung");
  const measure = await createMeasure(source, kommune, { title: "Ratsbeschluss Digitalstrategie" });
  const coordinator = await sessionAs(source, kommune, "coordinator");
  const file = await uploadEvidence(coordinator, measure.id, "Ratsbeschluss.pdf", evidence.bytes);
  await coordinator.must("measures.setStatus", {
    id: measure.id,
    status: "completed",
    completedOn: "2026-11-30",
  });
  Object.assign(evidence, { measureId: measure.id, fileId: file.id });
});

afterAll(async () => {
  await source.close();
  await restored?.close();
  for (const db of targets) await db.drop();
  rmSync(work, { recursive: true, force: true });
});

describe("backup and restore", () => {
  it("backs up the database with a manifest of checksums and row counts, evidence files inside the dump", () => {
    const result = spatz(["backup", backupDir], maintenance(databaseOf(inject("appUrl"))));
    expect(result.out).toContain("Nachweisdateien");
    expect(result.code).toBe(0);
    const manifest = JSON.parse(readFileSync(path.join(backupDir, "manifest.json"), "utf8"));
    expect(manifest.format).toBe("spatz-backup/1");
    expect(manifest.files).toEqual([
      expect.objectContaining({ name: "spatz.dump", sha256: expect.any(String) }),
    ]);
    expect(manifest.tenants).toBeGreaterThan(133);
    expect(manifest.rows["public.users"]).toBeGreaterThan(600);
    expect(manifest.evidenceFiles.count).toBeGreaterThanOrEqual(1);
    expect(manifest.rows["public.measure_evidence_files"]).toBe(manifest.evidenceFiles.count);
  });

  it("restores into an empty database where the Kommunen sign in and find their data and files", async () => {
    const target = await newEmptyDatabase();
    const result = spatz(["restore", backupDir], maintenance(target.name));
    expect(result.out).toContain("Zeilenzahlen und Mandantentrennung geprüft");
    expect(result.code).toBe(0);

    restored = createTestApp({ appUrl: target.appUrl, redisUrl: inject("redisUrl") });
    // The test Kommune's coordinator: its measure, completed, with the very file that was uploaded.
    const before = await signIn(source, kommune.slug, kommune.users.coordinator!.email, TEST_PASSWORD);
    const after = await signIn(restored, kommune.slug, kommune.users.coordinator!.email, TEST_PASSWORD);
    const measure = await after.must<{ measure: { status: string }; evidenceFiles: { id: string }[] }>(
      "measures.get",
      { id: evidence.measureId },
    );
    expect(measure.measure.status).toBe("completed");
    expect(measure.evidenceFiles.map((f) => f.id)).toEqual([evidence.fileId]);
    expect(measure).toEqual(await before.must("measures.get", { id: evidence.measureId }));
    const file = await downloadEvidence(restored, evidence.fileId, after.cookie);
    expect(file.status).toBe(200);
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(evidence.bytes);

    // A demo Kommune and the Land: same accounts, same rollout figures as before the backup.
    const halleBefore = await signIn(source, "halle-saale", "admin@halle-saale.example", DEMO_PASSWORD);
    const halleAfter = await signIn(restored, "halle-saale", "admin@halle-saale.example", DEMO_PASSWORD);
    // Signing in stamps lastLoginAt, so the accounts are compared without it.
    const accounts = async (s: ApiSession) =>
      (
        await s.must<{ items: { lastLoginAt?: unknown }[] }>("users.list", { page: 1, pageSize: 50 })
      ).items.map(({ lastLoginAt: _, ...rest }) => rest);
    expect(await accounts(halleAfter)).toEqual(await accounts(halleBefore));
    expect((await accounts(halleAfter)).length).toBe(5);
    expect(await halleAfter.must("rollout.kommuneSummary")).toEqual(
      await halleBefore.must("rollout.kommuneSummary"),
    );
    const landBefore = await signIn(source, "land-sachsen-anhalt", "pmo@land.example", DEMO_PASSWORD);
    const landAfter = await signIn(restored, "land-sachsen-anhalt", "pmo@land.example", DEMO_PASSWORD);
    expect(await landAfter.must("rollout.stateOverview")).toEqual(
      await landBefore.must("rollout.stateOverview"),
    );
  });

  it("refuses a damaged backup and a database that is not empty, and leaves the target as it was", async () => {
    const damaged = path.join(work, "beschaedigt");
    cpSync(backupDir, damaged, { recursive: true });
    const dump = readFileSync(path.join(damaged, "spatz.dump"));
    dump[dump.length >> 1] = dump[dump.length >> 1]! ^ 0xff;
    writeFileSync(path.join(damaged, "spatz.dump"), dump);
    const empty = await newEmptyDatabase();
    const refusedDamaged = spatz(["restore", damaged], maintenance(empty.name));
    expect(refusedDamaged.code).toBe(1);
    expect(refusedDamaged.out).toContain("Die Prüfsumme von spatz.dump stimmt nicht");
    expect(await tableCount(empty.name)).toBe(0);

    const full = targets[0]!;
    const tablesBefore = await tableCount(full.name);
    expect(tablesBefore).toBeGreaterThan(20);
    const refusedFull = spatz(["restore", backupDir], maintenance(full.name));
    expect(refusedFull.code).toBe(1);
    expect(refusedFull.out).toContain("Die Zieldatenbank ist nicht leer");
    expect(await tableCount(full.name)).toBe(tablesBefore);
  });

  it("refuses a backup by the runtime role, which row-level security keeps from seeing every row", () => {
    const result = spatz(["backup", path.join(work, "als-app")], {
      MAINTENANCE_DATABASE_URL: inject("appUrl"),
    });
    expect(result.code).toBe(1);
    expect(result.out).toContain("braucht die Wartungsrolle");
  });
});
