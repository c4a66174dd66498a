// Reports end to end over the API with a real worker: leadership asks for a Reifegradbericht, the job reports its
// progress, the archive holds it once per period, the PDF's text carries the dashboard's index and levels, the CSV
// the same figures, downloads are attachments and another Kommune gets "not found".
import { queries, withTenant } from "@spatz/db";
import { berlinToday } from "@spatz/domain";
import { silent, until } from "@spatz/local/test-helpers";
import { buildReifegradbericht, renderCsv, renderPdf } from "@spatz/reports";
import { startWorkerRuntime, type WorkerRuntime } from "@spatz/worker";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { ApiSession } from "../src/api-client.ts";
import { createTenant, type FixtureTenant, sessionCookie } from "../src/fixtures.ts";
import { refreshAllBenchmarks, sessionAs } from "../src/maturity-fixtures.ts";
import { pdfText } from "../src/reports.ts";
import { createTestApp, type TestApp } from "../src/server.ts";

let t: TestApp;
let worker: WorkerRuntime;
let kommune: FixtureTenant;
let other: FixtureTenant;
const jobsRedisUrl = () => `${inject("redisUrl")}/8`;

async function download(tenant: FixtureTenant, role: string, id: string, format: string) {
  const cookie = await sessionCookie(t.client.db, tenant.id, tenant.users[role]!.id);
  return t.app.request(`/dateien/berichte/${id}/${format}`, { headers: { cookie } });
}

async function complete(cdo: ApiSession, criterionKey: string, completedOn: string) {
  const m = await cdo.must<{ id: string }>("measures.create", {
    title: `Maßnahme ${criterionKey}`,
    criterionKeys: [criterionKey],
  });
  await cdo.must("measures.setStatus", {
    id: m.id,
    status: "completed",
    completedOn,
    evidenceText: "Nachweis",
  });
}

beforeAll(async () => {
  t = createTestApp({ appUrl: inject("appUrl"), redisUrl: inject("redisUrl"), jobsRedisUrl: jobsRedisUrl() });
  await t.deps.jobs!.queue("reports").obliterate({ force: true });
  [kommune, other] = [await createTenant(t.client.db, "bericht"), await createTenant(t.client.db, "fremd")];
  const cdo = await sessionAs(t, kommune, "coordinator");
  await complete(cdo, "sicherheit.1.isb", "2026-01-15");
  await complete(cdo, "sicherheit.1.leitlinie", "2026-02-01");
  await complete(cdo, "strategie.1.verantwortung", berlinToday());
  // Every Kommune's snapshot and the aggregates, as the nightly jobs leave them: the peer figures exist.
  await refreshAllBenchmarks(t);
  worker = await startWorkerRuntime({
    db: t.client.db,
    redisUrl: jobsRedisUrl(),
    logger: silent,
    registerSchedulers: false,
    queues: ["reports"],
  });
}, 60_000);
afterAll(async () => {
  await worker?.shutdown(10_000);
  await t?.close();
});

describe("Reifegradbericht", () => {
  it("is made by the worker with progress, archived once per period, and carries the dashboard's figures", async () => {
    const leadership = await sessionAs(t, kommune, "leadership");
    const { jobId } = await leadership.must<{ jobId: string }>("reports.generate", {
      kind: "reifegradbericht",
    });
    const seen = new Set<number>();
    const done = await until("the report", async () => {
      const s = await leadership.must<{ state: string; progress: number; reportId: string | null }>(
        "reports.status",
        {
          jobId,
        },
      );
      seen.add(s.progress);
      return s.state === "done" && s;
    });
    expect(done.progress).toBe(100);
    expect(done.reportId).toBeTruthy();
    // Asked again for the same period: the same job, the same report, one archive entry.
    const again = await leadership.must<{ jobId: string }>("reports.generate", { kind: "reifegradbericht" });
    expect(again.jobId).toBe(jobId);
    const archive = await (await sessionAs(t, kommune, "viewer")).must<{
      total: number;
      items: { id: string; stichtag: string; triggeredBy: string; pdfSha256: string }[];
    }>("reports.list", { page: 1, pageSize: 20 });
    expect(archive.total).toBe(1);
    expect(archive.items[0]).toMatchObject({ id: done.reportId, stichtag: berlinToday() });
    expect(archive.items[0]!.triggeredBy).toContain("leadership");

    // The PDF: an attachment whose text has the dashboard's index and levels.
    const dashboard = await leadership.must<{
      dashboard: { current: { index: number; dimensions: { name: string; level: number }[] } };
    }>("maturity.dashboard", { orgUnitId: null });
    const pdf = await download(kommune, "viewer", done.reportId!, "pdf");
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(pdf.headers.get("content-disposition")).toMatch(
      /^attachment; filename="Reifegradbericht-bericht-/,
    );
    const bytes = Buffer.from(await pdf.arrayBuffer());
    const text = pdfText(bytes);
    const index = dashboard.dashboard.current.index.toFixed(2).replace(".", ",");
    expect(text).toContain(`Reifegradindex ${index} von 4`);
    const security = dashboard.dashboard.current.dimensions.find((d) => d.name.startsWith("IT-Sicherheit"))!;
    expect(security.level).toBe(1);
    expect(text).toMatch(/IT-Sicherheit &\s+1\s+1,\d\d\s/);
    expect(text).toContain(`Stichtag ${berlinToday().split("-").reverse().join(".")}`);
    expect(text).toMatch(/Maßnahme strategie\.1\.verantwortung/);

    // The CSV: the same figures, German Excel style.
    const csv = await download(kommune, "viewer", done.reportId!, "csv");
    const csvText = (await csv.text()).replace(/^\uFEFF/, "");
    expect(csvText).toContain("Dimension;Stufe (Ist);Punktwert (Ist)");
    expect(csvText).toMatch(/IT-Sicherheit & Notfallmanagement;1;1,\d\d;/);

    // The peer figures are those of the Vergleich page (k-anonymous group "Alle Kommunen"), in PDF and CSV.
    type Position = {
      k: number;
      metrics: {
        key: string;
        label: string;
        own: number | null;
        figures: { suppressed: boolean; n?: number; median?: number };
      }[];
    };
    const position = await leadership.must<Position>("benchmark.position", { groupId: "all" });
    const peers = csvText.slice(csvText.indexOf("Position in der Vergleichsgruppe")).split("\r\n");
    const comma = (v: number) => v.toFixed(2).replace(".", ",");
    for (const m of position.metrics) {
      const row = peers.find((l) => l.startsWith(`${m.label};`))!.split(";");
      expect(row, m.label).toBeDefined();
      if (m.figures.suppressed) expect(row[3]).toMatch(/weniger als \d+ Kommunen/);
      else {
        expect(Number(row[3])).toBe(m.figures.n);
        expect(Number(row[3])).toBeGreaterThanOrEqual(position.k);
        expect(row[6]).toBe(comma(m.figures.median!));
      }
    }
    const ownIndex = position.metrics.find((m) => m.key === "index")!;
    expect(ownIndex.figures.suppressed).toBe(false);
    expect(text).toMatch(
      new RegExp(`Reifegradindex\\s+${comma(ownIndex.own!)}.*${comma(ownIndex.figures.median!)}`),
    );

    // Another Kommune: not found, exactly like an id that exists nowhere.
    const foreign = await download(other, "admin", done.reportId!, "pdf");
    expect([foreign.status, await foreign.text()]).toEqual([404, "Diesen Bericht gibt es nicht."]);
    expect(foreign.headers.get("content-disposition")).toBeNull();
  }, 90_000);

  it("is the same for the same Stichtag: byte-identical CSV and the same PDF text", async () => {
    const build = () =>
      withTenant(t.client.db, kommune.id, async (tx) =>
        buildReifegradbericht({
          ...(await queries.reifegradberichtInputs(tx, kommune.id, null, "2026-03-31")),
          stichtag: "2026-03-31",
        }),
      );
    const [a, b] = [await build(), await build()];
    expect(renderCsv(a).equals(renderCsv(b))).toBe(true);
    expect(pdfText(await renderPdf(a))).toBe(pdfText(await renderPdf(b)));
    // As of 31.03.2026: the measure completed on 15.01.2026 counts, the one completed today does not.
    const csv = renderCsv(a).toString("utf8");
    expect(csv).toContain("Maßnahme sicherheit.1.isb;15.01.2026");
    expect(csv).not.toContain("Maßnahme strategie.1.verantwortung;");
  }, 60_000);

  it("refuses a Stichtag in the future in German and queues nothing", async () => {
    const leadership = await sessionAs(t, kommune, "leadership");
    const waiting = await t.deps
      .jobs!.queue("reports")
      .getJobCounts("waiting", "delayed", "active", "completed");
    const r = await leadership.call("reports.generate", { kind: "reifegradbericht", stichtag: "2099-01-01" });
    expect(r).toMatchObject({ ok: false, code: "BAD_REQUEST" });
    expect(r.ok ? "" : r.raw).toContain("Der Stichtag darf nicht in der Zukunft liegen.");
    expect(
      await t.deps.jobs!.queue("reports").getJobCounts("waiting", "delayed", "active", "completed"),
    ).toEqual(waiting);
  });
});
