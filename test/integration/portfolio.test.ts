// The portfolio import and export through the API: the real Halle Projektliste 2023 (TSV), the same list as German
// Excel writes it (semicolon CSV in Windows-1252), a file with one bad date, re-imports, the export round trip and
// the download route.

import { withTenant } from "@spatz/db";
import { IMPORT_TOO_LARGE_MESSAGE } from "@spatz/domain";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ApiSession } from "../src/api-client.ts";
import { addUser, createTenant, type FixtureTenant, sessionCookie } from "../src/fixtures.ts";
import {
  allProjects,
  base64,
  downloadPortfolio,
  halleAsWindows1252Csv,
  halleTsv,
  importFile,
} from "../src/portfolio.ts";
import { createTestApp, type TestApp } from "../src/server.ts";

let t: TestApp;
beforeAll(() => {
  t = createTestApp({ appUrl: inject("appUrl"), redisUrl: inject("redisUrl") });
});
afterAll(() => t.close());

const as = async (tenant: FixtureTenant, role = "coordinator") =>
  new ApiSession(t, await sessionCookie(t.client.db, tenant.id, tenant.users[role]!.id));

/** GB, R, Projektname, Start, Ende (ISO) of the 15 rows, converted by hand from the file. */
const HALLE: [string, string, string, string, string][] = [
  ["ALL", "Quer", "WLAN in städtischen Gebäuden", "2023-04-01", "2023-12-31"],
  ["ALL", "Quer", "Lern-/Wissensplattform (Aufbau)", "2023-01-01", "2023-12-31"],
  ["ALL", "Quer", "Payment", "2023-02-01", "2023-04-30"],
  ["ALL", "Quer", "Modernisierung Druckzentrum", "2023-01-01", "2023-12-31"],
  [
    "ALL",
    "Quer",
    "Erneuerung MS Office i. V. m. Umstellung auf Win10 (Anforderungen durch Fachverfahren)",
    "2023-01-01",
    "2023-12-31",
  ],
  ["ALL", "Quer", "Workflow-Management (DoRIS, Onboarding)", "2023-03-01", "2023-09-30"],
  ["OB", "201", "Energie Management Software", "2023-06-01", "2023-12-31"],
  ["OB", "30", "Einführung Kanzlei-SW", "2022-07-01", "2023-12-31"],
  ["OB", "30", "AI-Vergabemanager - Archivierungsschnittstelle", "2023-05-01", "2023-09-30"],
  ["OB", "37", "Neubau 3. Feuerwache - Teilprojekt IT", "2022-06-01", "2023-02-01"],
  ["OB", "37", "Anpassung OVVISIO - KBA-Meldungen", "2022-10-01", "2023-06-30"],
  ["OB", "37", "Ablösung OVVISIO", "2022-09-01", "2024-04-01"],
  ["OB", "37", "Ablösung eldis", "2020-01-01", "2023-06-01"],
  ["OB", "Quer", "neues Stadtportal (Halle.de)", "2023-01-01", "2023-03-31"],
  ["OB", "Quer", "Veranstaltungsmanagementsoftware", "2023-05-01", "2023-12-31"],
];
/** Lines whose Dauer disagrees with Start and Ende (inclusive end); 11, 13 and 14 agree. */
const DAUER_WARNING_LINES = [2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 15, 16];

function expectHalleProjects(
  items: { gbCode: string; rCode: string; name: string; startDate: string; endDate: string }[],
) {
  expect(items).toHaveLength(15);
  const got = items.map((p) => [p.gbCode, p.rCode, p.name, p.startDate, p.endDate]);
  expect(got.sort()).toEqual([...HALLE].sort());
}

describe("importing the Projektliste 2023", () => {
  it("yields exactly its 15 projects with correct dates and reports the differing Dauer as warnings", async () => {
    const tenant = await createTenant(t.client.db, "halle-tsv");
    const s = await as(tenant);
    const { preview, commit } = await importFile(s, halleTsv(), "projektliste-2023.tsv");
    expect(preview).toMatchObject({ ok: true, rowCount: 15, counts: { create: 15, update: 0 } });
    expect(preview.newOrgUnits.sort()).toEqual(["ALL / Quer", "OB / 201", "OB / 30", "OB / 37", "OB / Quer"]);
    const dauer = preview.warnings.filter((w) => w.field === "declaredDuration");
    expect(dauer.map((w) => w.line)).toEqual(DAUER_WARNING_LINES);
    expect(dauer[0]!.message).toContain("Zeile 2, Spalte „Dauer“");
    expect(dauer[0]!.message).toContain("0 Jahre, 9 Monate, 0 Tage");
    expect(commit).toMatchObject({ ok: true, committed: true, counts: { create: 15, update: 0 } });

    const list = await allProjects(s);
    expectHalleProjects(list.items);
    // The duration is derived from Start and Ende (end inclusive), never taken from the file.
    expect(list.items.find((p) => p.name === "Ablösung eldis")!.duration).toBe("3 Jahre, 5 Monate, 1 Tag");
    // On screen without the zero parts ("Dauer" without "0 Jahre").
    expect(list.items.find((p) => p.name === "Payment")!.duration).toBe("3 Monate");

    // The org units were created as a tree: GB at the top, R below.
    const units =
      await s.must<{ id: string; code: string; kind: string; parentId: string | null }[]>("orgUnits.list");
    const ob = units.find((u) => u.code === "OB" && u.kind === "gb")!;
    expect(
      units
        .filter((u) => u.parentId === ob.id)
        .map((u) => u.code)
        .sort(),
    ).toEqual(["201", "30", "37", "Quer"]);

    // Every created project has its audit entry, and the import one summary entry.
    const history = await s.must<{ items: { action: string }[] }>("portfolio.history", {
      id: list.items[0]!.id,
      page: 1,
      pageSize: 10,
    });
    expect(history.items.map((h) => h.action)).toEqual(["project.import_create"]);
  });

  it("re-importing the same list updates the projects instead of duplicating them", async () => {
    const tenant = await createTenant(t.client.db, "halle-again");
    const s = await as(tenant);
    await importFile(s, halleTsv(), "projektliste-2023.tsv");
    const changed = halleTsv().replace("Umsetzungsprojekt", "Umsetzungsprojekt (Stand 06/2023)");
    const { preview, commit } = await importFile(s, changed, "projektliste-2023-juni.tsv");
    expect(preview.counts).toEqual({ create: 0, update: 15 });
    expect(commit.committed).toBe(true);
    const list = await allProjects(s);
    expect(list.total).toBe(15);
    const wlan = await s.must<{ description: string }>("portfolio.get", {
      id: list.items.find((p) => p.name === "WLAN in städtischen Gebäuden")!.id,
    });
    expect(wlan.description).toBe("Umsetzungsprojekt (Stand 06/2023)");
  });

  it("imports the same 15 projects from a semicolon CSV in Windows-1252 with umlauts", async () => {
    const tenant = await createTenant(t.client.db, "halle-csv");
    const s = await as(tenant);
    const bytes = halleAsWindows1252Csv();
    expect(Buffer.from(bytes).includes(Buffer.from("städtischen", "utf8"))).toBe(false); // really not UTF-8
    const { preview, commit } = await importFile(s, bytes, "Projektliste 2023.csv");
    expect(preview).toMatchObject({ ok: true, rowCount: 15 });
    expect(preview.warnings.filter((w) => w.field === "declaredDuration").map((w) => w.line)).toEqual(
      DAUER_WARNING_LINES,
    );
    expect(commit.committed).toBe(true);
    expectHalleProjects((await allProjects(s)).items);
  });

  it("imports nothing when one row has a bad date, and names the row and the column", async () => {
    const tenant = await createTenant(t.client.db, "halle-bad");
    const s = await as(tenant);
    const bad = halleTsv().replace(
      "01.06.2023\t0 Jahre, 6 Monate 0 Tage\t31.12.2023",
      "31.06.2023\t0 Jahre, 6 Monate 0 Tage\t31.12.2023",
    );
    expect(bad).not.toBe(halleTsv());
    const { preview, commit } = await importFile(s, bad, "projektliste-2023.tsv");
    expect(preview.ok).toBe(false);
    expect(preview.errors).toHaveLength(1);
    expect(preview.errors[0]).toMatchObject({ line: 8, column: "Start" });
    expect(preview.errors[0]!.message).toContain("Zeile 8, Spalte „Start“");
    expect(preview.errors[0]!.message).toContain("31.06.2023");
    expect(commit).toMatchObject({ ok: false, committed: false });
    expect((await allProjects(s)).total).toBe(0);
    expect(await s.must("orgUnits.list")).toEqual([]);
  });

  it("uses an edited column mapping and refuses a mapping without required fields", async () => {
    const tenant = await createTenant(t.client.db, "mapping");
    const s = await as(tenant);
    const text =
      "Bereich\tAmt\tVorhaben X\tVon\tBis\nOB\t37\tDigitale Einsatzplanung\t01.02.2024\t30.11.2024\n";
    const first = await s.must<{
      ok: boolean;
      mapping: Record<string, number | null>;
      errors: { message: string }[];
    }>("portfolio.importPreview", { fileName: "liste.tsv", contentBase64: base64(text) });
    expect(first.ok).toBe(false); // "Bereich" and "Vorhaben X" are not recognised
    expect(first.errors.map((e) => e.message).join(" ")).toContain("Pflichtfeld „GB“");
    const mapping = { ...first.mapping, gb: 0, name: 2 };
    const { commit } = await importFile(s, text, "liste.tsv", mapping);
    expect(commit.committed).toBe(true);
    const list = await allProjects(s);
    expect(list.items.map((p) => [p.gbCode, p.rCode, p.name, p.startDate, p.endDate])).toEqual([
      ["OB", "37", "Digitale Einsatzplanung", "2024-02-01", "2024-11-30"],
    ]);
  });

  it("refuses a file over 5 MB with a German message and an unreadable file with the reader's message", async () => {
    const tenant = await createTenant(t.client.db, "big");
    const s = await as(tenant);
    const big = await s.call("portfolio.importPreview", {
      fileName: "riesig.csv",
      contentBase64: "A".repeat(7_000_000),
    });
    expect(big).toMatchObject({ ok: false, code: "BAD_REQUEST" });
    expect(big.raw).toContain(IMPORT_TOO_LARGE_MESSAGE);
    const xls = await s.call("portfolio.importPreview", {
      fileName: "alt.xls",
      contentBase64: base64(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])),
    });
    expect(xls).toMatchObject({ ok: false, code: "BAD_REQUEST" });
    expect(xls.ok ? "" : xls.message).toContain("alten Excel-Format");
  });
});

describe("export", () => {
  const download = (cookie: string | null, fields: string) => downloadPortfolio(t, cookie, fields);

  it("downloads the filtered portfolio as CSV and XLSX that import again to the same projects", async () => {
    const source = await createTenant(t.client.db, "export");
    const s = await as(source);
    await importFile(s, halleTsv(), "projektliste-2023.tsv");
    const viewer = await sessionCookie(t.client.db, source.id, source.users.viewer!.id);

    const csv = await download(viewer, "format=csv");
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(csv.headers.get("content-disposition")).toContain(`portfolio-${source.slug}-`);
    const csvBytes = new Uint8Array(await csv.arrayBuffer());
    expect(new TextDecoder().decode(csvBytes).split("\r\n")[0]).toContain("Projekt-ID;GB;R;Projektname");

    const filtered = await download(
      viewer,
      `format=xlsx&filter=${encodeURIComponent(JSON.stringify({ search: "OVVISIO" }))}`,
    );
    expect(filtered.status).toBe(200);
    const xlsxBytes = new Uint8Array(await filtered.arrayBuffer());
    expect([...xlsxBytes.slice(0, 2)]).toEqual([0x50, 0x4b]);

    // Round trip into an empty Kommune: CSV gives all 15, XLSX the two filtered ones, with identical fields.
    const target = await createTenant(t.client.db, "roundtrip");
    const ts = await as(target);
    expect((await importFile(ts, csvBytes, "export.csv")).commit.counts).toEqual({ create: 15, update: 0 });
    expectHalleProjects((await allProjects(ts)).items);
    // … and back into the source: matched by Projekt-ID, nothing new.
    const back = await importFile(s, csvBytes, "export.csv");
    expect(back.preview.counts).toEqual({ create: 0, update: 15 });
    expect(back.preview.warnings.filter((w) => w.field === "declaredDuration")).toEqual([]);

    const xlsxTarget = await createTenant(t.client.db, "roundtrip-xlsx");
    const xs = await as(xlsxTarget);
    await importFile(xs, xlsxBytes, "export.xlsx");
    expect((await allProjects(xs)).items.map((p) => p.name).sort()).toEqual([
      "Ablösung OVVISIO",
      "Anpassung OVVISIO - KBA-Meldungen",
    ]);
  });

  it("runs in the session's tenant: no cookie is 401, a bad format 400, and another Kommune's projects never appear", async () => {
    const a = await createTenant(t.client.db, "exp-a");
    const b = await createTenant(t.client.db, "exp-b");
    await importFile(
      await as(b),
      "GB\tR\tProjektname\tStart\tEnde\nOB\t10\tGeheimprojekt Bernd\t01.01.2024\t31.12.2024\n",
      "b.tsv",
    );
    await importFile(
      await as(a),
      "GB\tR\tProjektname\tStart\tEnde\nOB\t10\tOffenes Projekt Anna\t01.01.2024\t31.12.2024\n",
      "a.tsv",
    );

    const none = await download(null, "format=csv");
    expect(none.status).toBe(401);
    expect(await none.text()).toContain("Bitte melden Sie sich an");
    const aCookie = await sessionCookie(t.client.db, a.id, a.users.leadership!.id);
    expect((await download(aCookie, "format=pdf")).status).toBe(400);
    expect((await download(aCookie, "format=csv&filter=%7Bkaputt")).status).toBe(400);
    const text = await (await download(aCookie, "format=csv")).text();
    expect(text).toContain("Offenes Projekt Anna");
    expect(text).not.toContain("Geheimprojekt Bernd");
    // A forged cookie naming B's tenant with A's session secret is no session at all.
    const forged = aCookie.replace(a.id, b.id);
    expect((await download(forged, "format=csv")).status).toBe(401);
  });

  it("is audited, so only a same-origin POST exports: a GET (a link, an image) writes nothing", async () => {
    const k = await createTenant(t.client.db, "exp-get");
    const cookie = await sessionCookie(t.client.db, k.id, k.users.leadership!.id);
    const countExports = async () =>
      (
        await withTenant(t.client.db, k.id, (tx) =>
          tx.execute<{ n: number }>(
            sql`select count(*)::int as n from audit_log where action = 'portfolio.export'`,
          ),
        )
      )[0]!.n;
    const get = await t.app.request("/dateien/portfolio?format=csv", { headers: { cookie } });
    expect(get.status).toBe(405);
    expect(await get.text()).toContain("Schaltflächen");
    const crossSite = await t.app.request("/dateien/portfolio", {
      method: "POST",
      body: "format=csv",
      headers: {
        cookie,
        "content-type": "application/x-www-form-urlencoded",
        origin: "https://evil.example",
      },
    });
    expect(crossSite.status).toBe(403);
    expect(await countExports()).toBe(0);
    expect((await download(cookie, "format=csv")).status).toBe(200);
    expect(await countExports()).toBe(1);
  });
});

describe("dashboard, timeline and the project lead's rights", () => {
  it("aggregates the imported list by status, GB, quarter, overdue milestones and standards", async () => {
    const tenant = await createTenant(t.client.db, "dash");
    const s = await as(tenant);
    await importFile(s, halleTsv(), "projektliste-2023.tsv");
    const list = await allProjects(s);
    const id = (name: string) => list.items.find((p) => p.name === name)!.id;
    // Two running projects with milestones: one overdue, one done, one in the future.
    for (const name of ["WLAN in städtischen Gebäuden", "Ablösung OVVISIO"]) {
      const p = await s.must<Record<string, unknown>>("portfolio.get", { id: id(name) });
      await s.must("portfolio.update", {
        id: p.id,
        gbId: p.gbId,
        rId: p.rId,
        name: p.name,
        start: p.startDate,
        end: p.endDate,
        status: "in_progress",
        budget: "100.000",
        effortDays: "12,5",
      });
    }
    await s.must("portfolio.addMilestone", {
      projectId: id("WLAN in städtischen Gebäuden"),
      title: "Ausschreibung",
      dueDate: "2023-05-31",
    });
    await s.must("portfolio.addMilestone", {
      projectId: id("WLAN in städtischen Gebäuden"),
      title: "Abnahme",
      dueDate: "2099-12-31",
    });
    const done = await s.must<{ id: string }>("portfolio.addMilestone", {
      projectId: id("Ablösung OVVISIO"),
      title: "Vergabe",
      dueDate: "2023-01-31",
    });
    await s.must("portfolio.updateMilestone", {
      id: done.id,
      title: "Vergabe",
      dueDate: "2023-01-31",
      done: true,
    });
    // A stopped project's open milestone is not "overdue".
    await s.must("portfolio.addMilestone", {
      projectId: id("Payment"),
      title: "Start PayPal",
      dueDate: "2023-03-01",
    });
    await s.must("portfolio.setStandard", { projectId: id("Payment"), standard: "charter", followed: true });
    await s.must("portfolio.setStandard", {
      projectId: id("Ablösung OVVISIO"),
      standard: "charter",
      followed: true,
    });
    await s.must("portfolio.setStandard", {
      projectId: id("Ablösung OVVISIO"),
      standard: "risk_register",
      followed: true,
    });

    type Dash = {
      total: number;
      budgetCents: number;
      effortDays: number;
      byStatus: { status: string; count: number }[];
      byGb: { code: string; count: number; budgetCents: number }[];
      quarters: { quarter: string; starting: number; ending: number }[];
      overdueMilestones: { count: number; items: { title: string; projectName: string }[] };
      standards: { standard: string; count: number }[];
    };
    const all = await s.must<Dash>("portfolio.dashboard", { filter: {} });
    expect(all.total).toBe(15);
    expect(all.budgetCents).toBe(20_000_000);
    expect(all.effortDays).toBe(25);
    expect(Object.fromEntries(all.byStatus.map((x) => [x.status, x.count]))).toEqual({
      approved: 13,
      in_progress: 2,
    });
    expect(all.byGb.map((g) => [g.code, g.count, g.budgetCents])).toEqual([
      ["ALL", 6, 10_000_000],
      ["OB", 9, 10_000_000],
    ]);
    expect(all.overdueMilestones.count).toBe(2); // WLAN's Ausschreibung and Payment's Start (Payment is still approved)
    expect(all.overdueMilestones.items.map((m) => m.title)).toEqual(["Start PayPal", "Ausschreibung"]);
    expect(Object.fromEntries(all.standards.map((x) => [x.standard, x.count]))).toEqual({
      charter: 2,
      risk_register: 1,
    });

    const y2023 = await s.must<Dash>("portfolio.dashboard", { filter: { year: 2023 } });
    expect(y2023.total).toBe(15); // every project of the list runs in 2023
    // Counted by hand from the file. Starts in 2023: Q1 Lern, Payment, Druckzentrum, MS Office, Workflow, Stadtportal;
    // Q2 WLAN, Energie, AI-Vergabe, Veranstaltung (earlier starts are not counted). Ends in 2023: Q1 Feuerwache,
    // Stadtportal; Q2 Payment, eldis, KBA-Meldungen; Q3 Workflow, AI-Vergabe; Q4 the other seven but OVVISIO (2024).
    expect(y2023.quarters).toEqual([
      { quarter: "2023-Q1", starting: 6, ending: 2 },
      { quarter: "2023-Q2", starting: 4, ending: 3 },
      { quarter: "2023-Q3", starting: 0, ending: 2 },
      { quarter: "2023-Q4", starting: 0, ending: 7 },
    ]);

    // Stopping Payment removes its milestone from the overdue list.
    const payment = await s.must<Record<string, unknown>>("portfolio.get", { id: id("Payment") });
    await s.must("portfolio.update", {
      id: payment.id,
      gbId: payment.gbId,
      rId: payment.rId,
      name: payment.name,
      start: payment.startDate,
      end: payment.endDate,
      status: "stopped",
    });
    expect((await s.must<Dash>("portfolio.dashboard", { filter: {} })).overdueMilestones.count).toBe(1);

    type Timeline = {
      total: number;
      items: {
        name: string;
        gbCode: string;
        milestones: { title: string; overdue: boolean; done: boolean }[];
      }[];
    };
    const tl = await s.must<Timeline>("portfolio.timeline", {
      from: "2024-01-01",
      to: "2024-12-31",
      page: 1,
      pageSize: 40,
    });
    expect(tl.items.map((p) => p.name)).toEqual(["Ablösung OVVISIO"]);
    expect(tl.items[0]!.milestones).toEqual([
      expect.objectContaining({ title: "Vergabe", done: true, overdue: false }),
    ]);
    const all2023 = await s.must<Timeline>("portfolio.timeline", {
      from: "2023-01-01",
      to: "2023-12-31",
      page: 1,
      pageSize: 10,
    });
    expect(all2023.total).toBe(15);
    expect(all2023.items).toHaveLength(10);
    // Grouped by GB: all ALL projects before the OB ones.
    expect(all2023.items.map((p) => p.gbCode)).toEqual([...Array(6).fill("ALL"), ...Array(4).fill("OB")]);
  });

  it("lets a project lead edit only the projects they lead, and completes a project through completeProject", async () => {
    const tenant = await createTenant(t.client.db, "lead");
    const pmo = await as(tenant);
    const lead = await as(tenant, "project_lead");
    await importFile(
      pmo,
      `GB\tR\tProjektname\tStart\tEnde\tProjektleitung\nOB\t10\tGeführt\t01.01.2024\t31.12.2024\t${tenant.users.project_lead!.displayName}\nOB\t10\tFremd\t01.01.2024\t31.12.2024\tJemand Anderes\n`,
      "liste.tsv",
    );
    const list = await allProjects(lead, { mine: true });
    // The Projektleitung of the file names the user, so the import linked the project to them.
    expect(list.items.map((p) => p.name)).toEqual(["Geführt"]);
    const other = (await allProjects(lead)).items.find((p) => p.name === "Fremd")!;
    const forbidden = await lead.call("portfolio.addMilestone", {
      projectId: other.id,
      title: "Nope",
      dueDate: "2024-05-01",
    });
    expect(forbidden).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect((await lead.must<{ canEdit: boolean }>("portfolio.get", { id: other.id })).canEdit).toBe(false);

    const own = list.items[0]!;
    expect(await lead.must("portfolio.complete", { id: own.id, completeLinkedMeasures: true })).toEqual({
      id: own.id,
      status: "completed",
      measuresCompleted: 0,
    });
    expect((await lead.call("portfolio.complete", { id: own.id })).ok).toBe(false);
    const history = await lead.must<{ items: { action: string }[] }>("portfolio.history", {
      id: own.id,
      page: 1,
      pageSize: 10,
    });
    expect(history.items.map((h) => h.action)).toEqual(["project.complete", "project.import_create"]);
  });

  it("lets the submitter correct a proposal until it is scored, and only while the round is open", async () => {
    const tenant = await createTenant(t.client.db, "proposal-edit");
    const pmo = await as(tenant);
    const lead = await as(tenant, "project_lead");
    const other = await addUser(t.client.db, tenant, "project_lead");
    const otherLead = new ApiSession(t, await sessionCookie(t.client.db, tenant.id, other.id));
    const gb = await pmo.must<{ id: string }>("orgUnits.create", {
      code: "GB1",
      name: "Bürgerdienste",
      kind: "gb",
      parentId: null,
    });
    const r = await pmo.must<{ id: string }>("orgUnits.create", {
      code: "33",
      name: "Bürgeramt",
      kind: "r",
      parentId: gb.id,
    });
    const elsewhere = await pmo.must<{ id: string }>("orgUnits.create", {
      code: "GB2",
      name: "Finanzen",
      kind: "gb",
      parentId: null,
    });
    const round = await pmo.must<{ id: string }>("registration.openRound", {
      year: 2031,
      title: "Anmeldung für 2031",
    });
    const fields = { gbId: gb.id, rId: r.id, start: "2031-02-01", end: "2031-09-30" };
    const { id } = await lead.must<{ id: string }>("registration.submitProposal", {
      roundId: round.id,
      ...fields,
      name: "Terminbuchung",
      budget: "40.000",
    });
    type Round = { proposals: { id: string; name: string; budgetCents: number | null; endDate: string }[] };
    const proposal = async () =>
      (await pmo.must<Round>("registration.round", { id: round.id })).proposals.find((p) => p.id === id);

    // Bad input: named per field, nothing changes.
    const bad = await lead.call("registration.updateProposal", {
      id,
      ...fields,
      name: "Terminbuchung",
      budget: "viel",
    });
    expect(bad).toMatchObject({ ok: false, code: "BAD_REQUEST" });
    const crossed = await lead.call("registration.updateProposal", {
      id,
      ...fields,
      gbId: elsewhere.id,
      name: "X1",
    });
    expect(crossed).toMatchObject({ ok: false });
    expect(await proposal()).toMatchObject({
      name: "Terminbuchung",
      budgetCents: 4_000_000,
      endDate: "2031-09-30",
    });

    // Another project lead may not; the submitter and the PMO may.
    expect(
      await otherLead.call("registration.updateProposal", { id, ...fields, name: "Gekapert" }),
    ).toMatchObject({ ok: false, code: "FORBIDDEN" });
    await lead.must("registration.updateProposal", {
      id,
      ...fields,
      end: "2031-12-31",
      name: "Online-Terminbuchung Bürgeramt",
      budget: "45.500,50",
    });
    expect(await proposal()).toMatchObject({
      name: "Online-Terminbuchung Bürgeramt",
      budgetCents: 4_550_050,
      endDate: "2031-12-31",
    });
    await pmo.must("registration.updateProposal", {
      id,
      ...fields,
      end: "2031-12-31",
      name: "Online-Terminbuchung",
    });

    // The change is in the Protokoll with what was there before.
    const admin = await as(tenant, "admin");
    const log = await admin.must<{ items: { action: string; before: unknown; after: unknown }[] }>(
      "audit.list",
      {
        page: 1,
        pageSize: 10,
        action: "registration.proposal_update",
      },
    );
    expect(log.items[log.items.length - 1]).toMatchObject({
      before: { name: "Terminbuchung", budgetCents: 4_000_000, endDate: "2031-09-30" },
      after: { name: "Online-Terminbuchung Bürgeramt", budgetCents: 4_550_050, endDate: "2031-12-31" },
    });

    // A closed round, and then a scored proposal, are final.
    await pmo.must("registration.setRoundStatus", { id: round.id, status: "closed" });
    expect(await lead.call("registration.updateProposal", { id, ...fields, name: "Zu spät" })).toMatchObject({
      ok: false,
      code: "CONFLICT",
    });
    await pmo.must("registration.setRoundStatus", { id: round.id, status: "open" });
    await pmo.must("registration.scoreProposal", {
      id,
      scores: { strategicFit: 3, urgency: 3, dependencies: 3, cost: 3 },
    });
    const late = await lead.call("registration.updateProposal", {
      id,
      ...fields,
      name: "Nach der Bewertung",
    });
    expect(late).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(late.raw).toContain("bewertete");
    expect(await proposal()).toMatchObject({ name: "Online-Terminbuchung" });
  });

  it("runs a registration round: weights decide the ranking, approval creates the project of that year", async () => {
    const tenant = await createTenant(t.client.db, "round");
    const pmo = await as(tenant);
    const lead = await as(tenant, "project_lead");
    const gb = await pmo.must<{ id: string }>("orgUnits.create", {
      code: "OB",
      name: "Oberbürgermeister",
      kind: "gb",
      parentId: null,
    });
    const r = await pmo.must<{ id: string }>("orgUnits.create", {
      code: "37",
      name: "Feuerwehr",
      kind: "r",
      parentId: gb.id,
    });
    const round = await pmo.must<{ id: string }>("registration.openRound", {
      year: 2030,
      title: "Anmeldung für 2030",
    });
    const again = await pmo.call("registration.openRound", { year: 2030, title: "Nochmal" });
    expect(again).toMatchObject({ ok: false, code: "CONFLICT" });
    const propose = (name: string, budget: string) =>
      lead.must<{ id: string }>("registration.submitProposal", {
        roundId: round.id,
        gbId: gb.id,
        rId: r.id,
        name,
        start: "2030-03-01",
        end: "2030-10-31",
        budget,
      });
    const bad = await lead.call("registration.submitProposal", {
      roundId: round.id,
      gbId: gb.id,
      rId: r.id,
      name: "Mit kaputtem Budget",
      start: "2030-03-01",
      end: "2030-10-31",
      budget: "ca. 5000",
    });
    expect(bad).toMatchObject({ ok: false, code: "BAD_REQUEST" });
    expect(bad.raw).toContain("ca. 5000");
    const a = await propose("Strategisch", "50.000");
    const b = await propose("Dringend", "20.000");
    // Decide before scoring: refused.
    expect(await pmo.call("registration.decideProposal", { id: a.id, decision: "approved" })).toMatchObject({
      ok: false,
      code: "CONFLICT",
    });
    await pmo.must("registration.scoreProposal", {
      id: a.id,
      scores: { strategicFit: 5, urgency: 1, dependencies: 3, cost: 3 },
    });
    await pmo.must("registration.scoreProposal", {
      id: b.id,
      scores: { strategicFit: 1, urgency: 5, dependencies: 3, cost: 3 },
    });
    type Round = { proposals: { name: string; score: number; rank: number }[] };
    const ranked = (x: Round) => x.proposals.map((p) => [p.rank, p.name, p.score]);
    // 40/30/15/15: Strategisch = (200 + 30 + 45 + 45) / 100 = 3,2; Dringend = (40 + 150 + 90) / 100 = 2,8
    expect(ranked(await pmo.must<Round>("registration.round", { id: round.id }))).toEqual([
      [1, "Strategisch", 3.2],
      [2, "Dringend", 2.8],
    ]);
    await pmo.must("registration.updateRound", {
      id: round.id,
      title: "Anmeldung für 2030",
      weights: { strategicFit: 10, urgency: 60, dependencies: 15, cost: 15 },
    });
    expect(ranked(await pmo.must<Round>("registration.round", { id: round.id }))).toEqual([
      // 10/60/15/15: Dringend = (10 + 300 + 45 + 45) / 100 = 4; Strategisch = (50 + 60 + 45 + 45) / 100 = 2
      [1, "Dringend", 4],
      [2, "Strategisch", 2],
    ]);
    const decided = await pmo.must<{ status: string; projectId: string }>("registration.decideProposal", {
      id: b.id,
      decision: "approved",
    });
    expect(decided.status).toBe("approved");
    const project = await pmo.must<{
      name: string;
      status: string;
      startDate: string;
      endDate: string;
      budgetCents: number;
      leadUserId: string;
    }>("portfolio.get", { id: decided.projectId });
    expect(project).toMatchObject({
      name: "Dringend",
      status: "approved",
      startDate: "2030-03-01",
      endDate: "2030-10-31",
      budgetCents: 2_000_000,
      leadUserId: tenant.users.project_lead!.id,
    });
    const rounds =
      await pmo.must<{ proposals: number; open: number; approved: number }[]>("registration.rounds");
    expect(rounds).toEqual([expect.objectContaining({ proposals: 2, open: 1, approved: 1 })]);
    // A project lead cannot withdraw someone else's proposal, and nobody withdraws an assessed one.
    expect(await lead.call("registration.withdrawProposal", { id: a.id })).toMatchObject({
      ok: false,
      code: "CONFLICT",
    });
  });
});
