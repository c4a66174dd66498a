// The Land's reports over the API with a real worker, on the demo's 133 Kommunen and their rollout records: the
// Lagebericht carries the coverage of the state's dashboards, publishes only k-anonymous group figures and names only
// Kommunen that share with the Land; the Rollout-Stand covers the Gemeinden of one Kreis; the same Stichtag gives a
// byte-identical CSV and the same PDF text; a Landkreis finds its Kreis's Rollout-Stand among what is shared with it.
import { queries, STATE_TENANT_ID, withTenant } from "@spatz/db";
import { berlinToday } from "@spatz/domain";
import { silent, until } from "@spatz/local/test-helpers";
import { buildLagebericht, renderCsv, renderPdf } from "@spatz/reports";
import { startWorkerRuntime, type WorkerRuntime } from "@spatz/worker";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ApiSession } from "../src/api-client.ts";
import { addUser, createTenant, type FixtureTenant, sessionCookie, stateTenant } from "../src/fixtures.ts";
import { refreshAllBenchmarks, sessionAs } from "../src/maturity-fixtures.ts";
import { pdfText } from "../src/reports.ts";
import { createTestApp, type TestApp } from "../src/server.ts";

let t: TestApp;
let worker: WorkerRuntime;
let state: FixtureTenant;
let sharing: FixtureTenant;

async function generate(session: ApiSession, input: object): Promise<string> {
  const { jobId } = await session.must<{ jobId: string }>("reports.generate", input);
  const done = await until(
    "the report",
    async () => {
      const s = await session.must<{ state: string; reportId: string | null; error: string | null }>(
        "reports.status",
        { jobId },
      );
      if (s.state === "failed") throw new Error(`report failed: ${s.error}`);
      return s.state === "done" && s;
    },
    { ms: 90_000 },
  );
  return done.reportId!;
}

async function download(tenant: FixtureTenant, role: string, id: string, format: string) {
  const cookie = await sessionCookie(t.client.db, tenant.id, tenant.users[role]!.id);
  const res = await t.app.request(`/dateien/berichte/${id}/${format}`, { headers: { cookie } });
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

/** The rows of one table of the report's CSV (title line, header, rows until the empty line). */
function csvTable(csv: string, title: string): string[][] {
  const lines = csv.replace(/^\uFEFF/, "").split("\r\n");
  const start = lines.indexOf(title);
  expect(start, title).toBeGreaterThan(-1);
  const rows: string[][] = [];
  for (let i = start + 2; i < lines.length && lines[i] !== ""; i++) rows.push(lines[i]!.split(";"));
  return rows;
}

beforeAll(async () => {
  t = createTestApp({
    appUrl: inject("appUrl"),
    redisUrl: inject("redisUrl"),
    jobsRedisUrl: `${inject("redisUrl")}/10`,
  });
  await t.deps.jobs!.queue("reports").obliterate({ force: true });
  state = await stateTenant(t.client.db);
  sharing = await createTenant(t.client.db, "landbericht");
  await (await sessionAs(t, sharing, "leadership")).must("benchmark.setSharing", {
    withLand: true,
    withKommunen: false,
  });
  // Every Kommune's snapshot and the aggregates, as the nightly jobs leave them.
  await refreshAllBenchmarks(t);
  worker = await startWorkerRuntime({
    db: t.client.db,
    redisUrl: `${inject("redisUrl")}/10`,
    logger: silent,
    registerSchedulers: false,
    queues: ["reports"],
  });
}, 180_000);
afterAll(async () => {
  await worker?.shutdown(10_000);
  await t?.close();
});

describe("Lagebericht Digitalisierung", () => {
  it("carries the dashboards' coverage, only k-anonymous group figures, and names only sharing Kommunen", async () => {
    const pmo = await sessionAs(t, state, "state_pmo");
    const id = await generate(pmo, { kind: "lagebericht" });
    const csv = (await download(state, "state_pmo", id, "csv")).toString("utf8");
    const text = pdfText(await download(state, "state_pmo", id, "pdf"));

    const coverage = await withTenant(t.client.db, STATE_TENANT_ID, (tx) =>
      queries.coverage(tx, { kommunen: false }),
    );
    const relevant = coverage.services.filter((s) => s.relevant > 0);
    const nationwide = relevant.filter((s) => s.nationwide).length;
    const atLeastOne = relevant.filter((s) => s.atLeastOne).length;
    expect(text.replace(/\s+/g, " ")).toContain(
      `${nationwide} von ${relevant.length} Leistungen sind flächendeckend online, ${atLeastOne} in mindestens einer Kommune.`,
    );
    expect(text).toContain("Lagebericht Digitalisierung");
    expect(text).toContain(`Stichtag ${berlinToday().split("-").reverse().join(".")}`);

    // k-anonymity: every group row either covers at least k Kommunen or says why it is not shown.
    const { k } = await pmo.must<{ k: number }>("benchmark.settings");
    const groups = [
      ...csvTable(csv, "Verteilung je Dimension (alle Kommunen)"),
      ...csvTable(csv, "Reifegradindex je Gruppe"),
      ...csvTable(csv, "Reifegradindex im Verlauf (Monatsenden)"),
    ];
    expect(groups.length).toBeGreaterThan(5);
    for (const row of groups) {
      const n = Number(row[1]);
      if (Number.isInteger(n) && row[1] !== "") expect(n, row.join(";")).toBeGreaterThanOrEqual(k);
      else expect(row[1], row.join(";")).toMatch(/weniger als \d+ Kommunen|nicht|noch/);
    }
    expect(groups.some((r) => Number(r[1]) >= k)).toBe(true);

    // Named: the Kommune that shares with the Land, and no other.
    const named = csvTable(csv, "Kommunen, die ihre Werte mit dem Land teilen").map((r) => r[0]);
    expect(named).toContain(sharing.name);
    const sharers = await withTenant(t.client.db, STATE_TENANT_ID, (tx) =>
      tx.execute<{ name: string }>(sql`select name from tenants where id = any(benchmark_shared_tenants())`),
    );
    expect(sharers.length).toBeGreaterThan(0);
    for (const name of named) expect(sharers.map((s) => s.name)).toContain(name);
  }, 120_000);

  it("is the same for the same Stichtag: byte-identical CSV and the same PDF text", async () => {
    const stichtag = berlinToday();
    const build = () =>
      withTenant(t.client.db, STATE_TENANT_ID, async (tx) =>
        buildLagebericht(await queries.lageberichtInputs(tx, STATE_TENANT_ID, stichtag)),
      );
    const [a, b] = [await build(), await build()];
    expect(renderCsv(a).equals(renderCsv(b))).toBe(true);
    expect(pdfText(await renderPdf(a))).toBe(pdfText(await renderPdf(b)));
  }, 60_000);
});

describe("Rollout-Stand of a Landkreis", () => {
  it("lists the Kreis's Gemeinden with the aggregates' counts, and the Landkreis finds it shared", async () => {
    const pmo = await sessionAs(t, state, "state_pmo");
    const { landkreise } = await pmo.must<{ landkreise: { ags: string; name: string }[] }>("reports.options");
    expect(landkreise.length).toBe(11);
    const kreis = landkreise[0]!;
    const id = await generate(pmo, { kind: "rollout_stand", kreisAgs: kreis.ags });
    const csv = (await download(state, "state_pmo", id, "csv")).toString("utf8");
    const rows = csvTable(csv, "Kommunen des Kreises");
    const expected = await withTenant(t.client.db, STATE_TENANT_ID, (tx) =>
      tx.execute<{ name: string; online: number }>(sql`
        select t.name, coalesce(a.online, 0) as online from tenants t
        left join rollout_agg_kommunen a on a.kommune_id = t.id
        where t.kind <> 'state' and t.kreis_ags = ${kreis.ags}`),
    );
    expect(rows.map((r) => r[0]).sort()).toEqual(expected.map((e) => e.name).sort());
    for (const e of expected) expect(rows.find((r) => r[0] === e.name)![3]).toBe(String(e.online));

    // The Landkreis of that Kreis reads it among what is shared with it.
    const [lk] = await withTenant(t.client.db, STATE_TENANT_ID, (tx) =>
      tx.execute<{ id: string; slug: string; name: string }>(
        sql`select id, slug, name from tenants where kind = 'landkreis' and kreis_ags = ${kreis.ags}`,
      ),
    );
    const landkreis: FixtureTenant = { ...lk!, kind: "landkreis", users: {} };
    const viewer = await addUser(t.client.db, landkreis, "viewer");
    const session = new ApiSession(t, await sessionCookie(t.client.db, landkreis.id, viewer.id));
    const shared = await session.must<{ items: { id: string; owner: string }[] }>("reports.list", {
      page: 1,
      pageSize: 50,
      source: "shared",
    });
    expect(shared.items.find((r) => r.id === id)).toMatchObject({ owner: "Land Sachsen-Anhalt" });
  }, 120_000);

  it("refuses a Kreis that is not a Landkreis, in German", async () => {
    const pmo = await sessionAs(t, state, "state_pmo");
    const r = await pmo.call("reports.generate", { kind: "rollout_stand", kreisAgs: "15001" });
    expect(r).toMatchObject({ ok: false, code: "BAD_REQUEST" });
    expect(r.ok ? "" : r.raw).toContain("Bitte einen Landkreis wählen.");
    const k = await (await sessionAs(t, sharing, "leadership")).call("reports.generate", {
      kind: "lagebericht",
    });
    expect(k.ok ? "" : k.raw).toContain("Diese Berichtsart gibt es für Ihre Verwaltung nicht.");
  });
});
