// A Kommune's complete export: its administration downloads it (POST /dateien/export), the state's operators write it
// with `pnpm spatz export-tenant`. Every tenant table of the catalog is in it as CSV and JSON, with this Kommune's
// rows only and no credentials, the evidence files byte for byte, a manifest whose checksums match, and an audit entry.
import { createHash, randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { GLOBAL_TABLES } from "@spatz/db";
import { ERROR_MESSAGES } from "@spatz/domain";
import JSZip from "jszip";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { databaseOf, spatz, superuserUrlFor } from "../src/cli.ts";
import { pdfBytes, uploadEvidence } from "../src/evidence.ts";
import { createTenant, type FixtureTenant, sessionCookie } from "../src/fixtures.ts";
import { createMeasure, sessionAs } from "../src/maturity-fixtures.ts";
import { createArchivedReport } from "../src/reports.ts";
import { createTestApp, type TestApp } from "../src/server.ts";

let t: TestApp;
let kommune: FixtureTenant;
let other: FixtureTenant;
let tenantTables: string[] = [];
const work = mkdtempSync(path.join(os.tmpdir(), "spatz-export-test-"));
const files = [
  { name: "Beschluss Stadtrat.pdf", bytes: pdfBytes(`Beschluss ${randomUUID()}`) },
  { name: "Abnahme: Protokoll?.pdf", bytes: pdfBytes(`Abnahme ${randomUUID()}`) },
];
const otherSecret = `Geheime Maßnahme der anderen Kommune ${randomUUID().slice(0, 6)}`;

type Manifest = {
  format: string;
  tenant: { slug: string };
  tables: { name: string; rows: number; csv: string; json: string; withheldColumns: string[] }[];
  files: { id: string; fileName: string; sha256: string; path: string }[];
  missingFiles: string[];
  sha256: Record<string, string>;
};

async function exportAs(
  cookie: string | null,
  origin: string | null = "http://spatz.test",
  extra: Record<string, string> = {},
) {
  return t.app.request("/dateien/export", {
    method: "POST",
    headers: { ...(cookie ? { cookie } : {}), ...(origin ? { origin } : {}), ...extra },
  });
}

/** The archive read back, with every checksum of the manifest verified. */
async function readArchive(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const manifest = JSON.parse(await zip.file("manifest.json")!.async("string")) as Manifest;
  for (const [entry, sha] of Object.entries(manifest.sha256)) {
    const content = await zip.file(entry)!.async("uint8array");
    expect(createHash("sha256").update(content).digest("hex"), entry).toBe(sha);
  }
  const json = async (table: string) =>
    JSON.parse(await zip.file(`tabellen/${table}.json`)!.async("string")) as Record<string, unknown>[];
  return { zip, manifest, json };
}

async function expectCompleteExport(bytes: Uint8Array, tenant: FixtureTenant) {
  const { zip, manifest, json } = await readArchive(bytes);
  expect(manifest.format).toBe("spatz-mandantenexport/1");
  expect(manifest.tenant.slug).toBe(tenant.slug);
  // Every tenant table of the catalog, each as CSV and JSON, with only this tenant's rows.
  expect(manifest.tables.map((x) => x.name)).toEqual(tenantTables);
  for (const table of manifest.tables) {
    expect(zip.file(table.csv), table.csv).not.toBeNull();
    const rows = await json(table.name);
    expect(rows.length, table.name).toBe(table.rows);
    for (const row of rows) expect(row.tenant_id, table.name).toBe(tenant.id);
  }
  expect((await json("users")).length).toBe(Object.keys(tenant.users).length);
  // No credentials, not even hashes.
  expect(Object.keys((await json("users"))[0]!)).not.toContain("password_hash");
  expect(manifest.tables.find((x) => x.name === "users")?.withheldColumns).toEqual(["password_hash"]);
  // The evidence files as uploaded, under names that are safe to unpack.
  expect(manifest.files.map((f) => f.fileName).sort()).toEqual(files.map((f) => f.name).sort());
  expect(manifest.missingFiles).toEqual([]);
  for (const f of manifest.files) {
    expect(f.path).toMatch(/^dateien\/[0-9a-f-]+\/[0-9a-f-]+-[^/]+$/);
    const original = files.find((x) => x.name === f.fileName)!;
    expect(await zip.file(f.path)!.async("uint8array")).toEqual(original.bytes);
  }
  // The archived report's three files, byte for byte, and not as base64 in the table.
  expect(manifest.tables.find((x) => x.name === "report_archive")?.withheldColumns).toEqual([
    "pdf",
    "csv",
    "xlsx",
  ]);
  const reportPdf = Object.keys(manifest.sha256).filter((p) => /^berichte\/.*\.pdf$/.test(p));
  expect(reportPdf).toHaveLength(1);
  expect(await zip.file(reportPdf[0]!)!.async("string")).toBe("%PDF-1.7 test");
  expect(Object.keys(manifest.sha256).filter((p) => p.startsWith("berichte/"))).toHaveLength(3);
  const csv = await zip.file("tabellen/measures.csv")!.async("string");
  expect(csv.startsWith("\uFEFF")).toBe(true);
  expect(csv).not.toContain(otherSecret);
  expect(await zip.file("LIESMICH.txt")!.async("string")).toContain(
    "Nicht enthalten sind Anmeldegeheimnisse",
  );
}

beforeAll(async () => {
  t = createTestApp({ appUrl: inject("appUrl"), redisUrl: inject("redisUrl") });
  [kommune, other] = await Promise.all([
    createTenant(t.client.db, "export"),
    createTenant(t.client.db, "fremd"),
  ]);
  const measure = await createMeasure(t, kommune, { title: "Digitalstrategie beschließen" });
  const coordinator = await sessionAs(t, kommune, "coordinator");
  for (const f of files) await uploadEvidence(coordinator, measure.id, f.name, f.bytes);
  await createMeasure(t, other, { title: otherSecret });
  await createArchivedReport(t, kommune);
  await createArchivedReport(t, other);
  // The tenant tables as the catalog has them: every table with a tenant_id that is not global by design.
  const sql = postgres(superuserUrlFor(inject("superuserUrl"), databaseOf(inject("appUrl"))), { max: 1 });
  const rows = await sql<{ name: string }[]>`
    select c.relname as name from pg_class c
    join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
    join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
    where c.relkind in ('r', 'p') order by 1`;
  await sql.end();
  tenantTables = rows.map((r) => r.name).filter((n) => !GLOBAL_TABLES.has(n));
  expect(tenantTables.length).toBeGreaterThan(15);
});

afterAll(async () => {
  await t.close();
  rmSync(work, { recursive: true, force: true });
});

describe("tenant export", () => {
  it("gives the Kommune's administration all its data as a ZIP download, and records that in its audit log", async () => {
    const cookie = await sessionCookie(t.client.db, kommune.id, kommune.users.admin!.id);
    const res = await exportAs(cookie);
    expect(res.status, await res.clone().text()).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/zip");
    expect(res.headers.get("content-disposition")).toMatch(
      new RegExp(`attachment; filename="spatz-export-${kommune.slug}-\\d{4}-\\d{2}-\\d{2}\\.zip"`),
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    await expectCompleteExport(bytes, kommune);
    const audit = (await (await readArchive(bytes)).json("audit_log")).filter(
      (r) => r.action === "tenant.export",
    );
    expect(audit).toEqual([expect.objectContaining({ actor_user_id: kommune.users.admin!.id })]);
  });

  it("refuses everyone but the administration, and a request from another site", async () => {
    const viewer = await exportAs(await sessionCookie(t.client.db, kommune.id, kommune.users.viewer!.id));
    expect(viewer.status).toBe(403);
    expect(await viewer.text()).toBe(ERROR_MESSAGES.FORBIDDEN);
    const anonymous = await exportAs(null);
    expect(anonymous.status).toBe(401);
    const crossSite = await exportAs(
      await sessionCookie(t.client.db, kommune.id, kommune.users.admin!.id),
      "https://evil.example",
    );
    expect(crossSite.status).toBe(403);
    // The export page's form is sent with `Origin: null` (our Referrer-Policy is no-referrer): the browser's
    // Sec-Fetch-Site then decides.
    const admin = await sessionCookie(t.client.db, kommune.id, kommune.users.admin!.id);
    const nullCrossSite = await exportAs(admin, "null", { "sec-fetch-site": "cross-site" });
    expect(nullCrossSite.status).toBe(403);
    const nullSameOrigin = await exportAs(admin, "null", { "sec-fetch-site": "same-origin" });
    expect(nullSameOrigin.status).toBe(200);
    await nullSameOrigin.arrayBuffer();
  });

  it("writes the same export for the state's operators with pnpm spatz export-tenant", async () => {
    const file = path.join(work, "export.zip");
    const result = spatz(["export-tenant", "--slug", kommune.slug, file], { DATABASE_URL: inject("appUrl") });
    expect(result.out).toContain(`${files.length} Nachweisdateien`);
    expect(result.code).toBe(0);
    await expectCompleteExport(new Uint8Array(readFileSync(file)), kommune);
    const { json } = await readArchive(new Uint8Array(readFileSync(file)));
    expect(
      (await json("audit_log")).filter((r) => r.action === "tenant.export").map((r) => r.actor_label),
    ).toContain("CLI (Betrieb)");
    const again = spatz(["export-tenant", "--slug", kommune.slug, file], { DATABASE_URL: inject("appUrl") });
    expect(again.code).toBe(1);
    expect(again.out).toContain("gibt es schon");
  });
});
