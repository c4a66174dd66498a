// The PM-Koffer (docs/adr/0017-pm-koffer.md): the Landes-PMO publishes versions of the handbook; a Kommune reads the
// version in force with its own chapters on top, is told of a new version until it takes note, and keeps its chapters
// across versions. A published version never changes, not even by the state with SQL; a Kommune cannot write the
// Land's handbook at all. The decision aid's suggestion and the chosen method are stored with the project.
import { STATE_TENANT_ID, withTenant } from "@spatz/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ApiSession } from "../src/api-client.ts";
import { createTenant, type FixtureTenant, sessionCookie, stateTenant } from "../src/fixtures.ts";
import { handbookChapter } from "../src/handbook.ts";
import { projectFixture } from "../src/portfolio.ts";
import { createTestApp, type TestApp } from "../src/server.ts";

let t: TestApp;
let state: FixtureTenant;
beforeAll(async () => {
  t = createTestApp({ appUrl: inject("appUrl"), redisUrl: inject("redisUrl") });
  state = await stateTenant(t.client.db);
});
afterAll(() => t.close());

const as = async (tenant: FixtureTenant, role: string) =>
  new ApiSession(t, await sessionCookie(t.client.db, tenant.id, tenant.users[role]!.id));

type Current = {
  land: {
    version: number;
    title: string;
    chapters: { key: string; title: string; body: string; standard: string | null }[];
  } | null;
  local: { title: string }[];
  acknowledgedVersion: number | null;
  isNew: boolean;
};

describe("the PM-Koffer", () => {
  it("goes from the Land's draft to every Kommune, with a notice per new version and the Kommune's own chapters", async () => {
    const kommune = await createTenant(t.client.db, "pm-koffer");
    const land = await as(state, "state_pmo");
    const cdo = await as(kommune, "coordinator");
    const viewer = await as(kommune, "viewer");

    await land.must("handbook.saveDraft", {
      title: "PM-Koffer Sachsen-Anhalt",
      changes: "Erste Fassung",
      chapters: [
        {
          ...handbookChapter("Risikomanagement", "Wahrscheinlichkeit **mal** Auswirkung"),
          kind: "template",
          standard: "risk_register",
          form: "risk_register",
        },
        handbookChapter("Risikomanagement", "Zweites Kapitel gleichen Titels"),
      ],
    });
    // Before publishing, a Kommune sees no draft (neither through the API nor by listing versions).
    const before = await viewer.must<Current>("handbook.current");
    const publishedBefore = before.land?.version ?? 0;
    const v1 = await land.must<{ version: number }>("handbook.publish");
    expect(v1.version).toBeGreaterThan(publishedBefore);

    const seen = await viewer.must<Current>("handbook.current");
    expect(seen.land).toMatchObject({ version: v1.version, title: "PM-Koffer Sachsen-Anhalt" });
    // Keys come from the titles and stay unique in a version.
    expect(seen.land!.chapters.map((c) => c.key)).toEqual(["risikomanagement", "risikomanagement-2"]);
    expect(seen.isNew).toBe(true);
    expect(await viewer.call("handbook.acknowledge")).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await cdo.must("handbook.acknowledge")).toEqual({ version: v1.version });
    expect((await viewer.must<Current>("handbook.current")).isNew).toBe(false);
    // The checklist's link: the chapter that explains the risk list.
    const standards = await viewer.must<{ standard: string; key: string }[]>("handbook.standardChapters");
    expect(standards).toEqual([
      { standard: "risk_register", key: "risikomanagement", title: "Risikomanagement" },
    ]);

    await cdo.must("handbook.saveLocal", { title: "Projektanmeldung bei uns", body: "Bis **30.09.**" });
    // Templates as sheets to fill in: the Land's form template with the form's columns, the Kommune's own table.
    const csv = async (input: Record<string, unknown>) => {
      const file = await viewer.must<{ filename: string; base64: string }>("handbook.templateFile", {
        ...input,
        format: "csv",
      });
      return { name: file.filename, text: Buffer.from(file.base64, "base64").toString("utf8") };
    };
    const risk = await csv({ source: "land", key: "risikomanagement" });
    expect(risk.text.split("\r\n")[0]).toBe(
      "\uFEFFRisiko;Beschreibung;Eintrittswahrscheinlichkeit (1–5);Auswirkung (1–5);Verantwortlich;Behandlung (Maßnahmen);Status",
    );
    const own = await cdo.must<{ id: string }>("handbook.saveLocal", {
      kind: "template",
      title: "Steckbrief Halle",
      body: '| Feld | Inhalt |\n| --- | --- |\n| Projektname | |\n| =HYPERLINK("x") | |',
    });
    const steckbrief = await csv({ source: "local", id: own.id });
    expect(steckbrief.name).toBe("Steckbrief-Halle.csv");
    // Cells that look like formulas are neutralised, like every export.
    expect(steckbrief.text.split("\r\n").slice(0, 3)).toEqual([
      "\uFEFFFeld;Inhalt",
      "Projektname;",
      '"\'=HYPERLINK(""x"")";',
    ]);
    // A chapter that is no template has no file.
    expect(
      await viewer.call("handbook.templateFile", {
        source: "land",
        key: "risikomanagement-2",
        format: "csv",
      }),
    ).toMatchObject({ ok: false, code: "NOT_FOUND" });
    // A new version: same keys for kept chapters, the Kommune is told again, its own chapter stays.
    await land.must("handbook.saveDraft", {
      title: "PM-Koffer Sachsen-Anhalt",
      changes: "Lessons learned ergänzt",
      chapters: [
        {
          ...handbookChapter("Risiken managen", "Neu formuliert"),
          key: "risikomanagement",
          standard: "risk_register",
        },
        handbookChapter("Lessons learned"),
      ],
    });
    const v2 = await land.must<{ version: number }>("handbook.publish");
    const after = await cdo.must<Current>("handbook.current");
    expect(after).toMatchObject({
      isNew: true,
      acknowledgedVersion: v1.version,
      land: { version: v2.version },
    });
    expect(after.land!.chapters.map((c) => [c.key, c.title])).toEqual([
      ["risikomanagement", "Risiken managen"],
      ["lessons-learned", "Lessons learned"],
    ]);
    expect(after.local.map((c) => c.title)).toEqual(["Projektanmeldung bei uns", "Steckbrief Halle"]);
    const history = await viewer.must<{ version: number; changes: string }[]>("handbook.history");
    expect(history.slice(0, 2).map((h) => [h.version, h.changes])).toEqual([
      [v2.version, "Lessons learned ergänzt"],
      [v1.version, "Erste Fassung"],
    ]);
  });

  it("keeps published versions unchanged and the Land's handbook out of a Kommune's reach", async () => {
    const kommune = await createTenant(t.client.db, "pm-koffer-schutz");
    const land = await as(state, "state_pmo");
    await land.must("handbook.saveDraft", { title: "PM-Koffer", chapters: [handbookChapter("Einführung")] });
    await land.must("handbook.publish");
    expect(await land.call("handbook.discardDraft")).toMatchObject({ ok: false, code: "CONFLICT" });
    // An empty handbook is refused as input.
    expect(await land.call("handbook.saveDraft", { title: "Leer", chapters: [] })).toMatchObject({
      ok: false,
      code: "BAD_REQUEST",
    });
    // The state itself cannot change or delete a published version or its chapters.
    for (const statement of [
      sql`update handbook_chapters set body = 'geändert'`,
      sql`update handbook_versions set title = 'geändert' where status = 'published'`,
      sql`delete from handbook_versions where status = 'published'`,
    ])
      await expect(
        withTenant(t.client.db, STATE_TENANT_ID, (tx) => tx.execute(statement)),
      ).rejects.toMatchObject({
        cause: { message: expect.stringMatching(/published/) },
      });
    // A Kommune can neither call the Land's procedures nor write the tables (row-level security).
    const cdo = await as(kommune, "coordinator");
    expect(
      await cdo.call("handbook.saveDraft", { title: "Eigen", chapters: [handbookChapter("X")] }),
    ).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    await expect(
      withTenant(t.client.db, kommune.id, (tx) =>
        tx.execute(sql`insert into handbook_versions (version, title) values (9999, 'Kommune')`),
      ),
    ).rejects.toMatchObject({ cause: { message: expect.stringMatching(/row-level security/) } });
    const deleted = await withTenant(t.client.db, kommune.id, (tx) =>
      tx.execute(sql`delete from handbook_versions where status = 'draft' returning id`),
    );
    expect(deleted.length).toBe(0);
  });

  it("stores the method chosen with the decision aid, its suggestion and answers in the project's history", async () => {
    const kommune = await createTenant(t.client.db, "pm-methode");
    const lead = await as(kommune, "project_lead");
    const led = await projectFixture(t.client.db, kommune.id, { leadUserId: kommune.users.project_lead!.id });
    const other = await projectFixture(t.client.db, kommune.id);
    const answers = {
      requirements: true,
      feedback: true,
      fixedScope: true,
      increments: true,
      novelty: false,
    };
    // Three answers for classic, two for agile: hybrid is suggested; the lead chooses classic on purpose.
    expect(
      await lead.must("steering.chooseMethod", { projectId: led.projectId, answers, method: "classic" }),
    ).toEqual({
      method: "classic",
      suggested: "hybrid",
    });
    const project = await lead.must<{ method: string }>("portfolio.get", { id: led.projectId });
    expect(project.method).toBe("classic");
    const history = await lead.must<{ items: { action: string; after: { suggested: string } }[] }>(
      "portfolio.history",
      { id: led.projectId, page: 1, pageSize: 10 },
    );
    expect(history.items[0]).toMatchObject({
      action: "project.method_choose",
      after: { suggested: "hybrid" },
    });
    // Unanswered questions are refused; a lead cannot choose for a project they do not lead.
    expect(
      await lead.call("steering.chooseMethod", {
        projectId: led.projectId,
        answers: { requirements: true },
        method: "agile",
      }),
    ).toMatchObject({ ok: false, code: "BAD_REQUEST" });
    expect(
      await lead.call("steering.chooseMethod", { projectId: other.projectId, answers, method: "agile" }),
    ).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });
});
