// Valid inputs for the PM-Koffer procedures in the authorization matrix. Publishing and discarding need a draft, and
// taking note needs a published version: the factories make them (as the state) before the call.
import { randomUUID } from "node:crypto";
import { queries, withTenant } from "@spatz/db";
import type { ProcedurePath, Role } from "@spatz/domain";
import type { FixtureTenant } from "../src/fixtures.ts";
import { handbookChapter, handbookDraftFixture, publishedHandbookFixture } from "../src/handbook.ts";
import { FIXTURE_ACTOR } from "../src/portfolio.ts";
import type { TestApp } from "../src/server.ts";

type Env = { tenant: FixtureTenant; role: Role };
type Factory = (env: Env) => Promise<unknown> | unknown;
type HandbookPath = Extract<ProcedurePath, `handbook.${string}`>;

export function handbookInputs(app: () => TestApp): Record<HandbookPath, Factory> {
  const db = () => app().client.db;
  return {
    "handbook.current": () => undefined,
    "handbook.history": () => undefined,
    "handbook.standardChapters": () => undefined,
    "handbook.draft": () => undefined,
    "handbook.saveDraft": () => ({ title: "PM-Koffer", chapters: [handbookChapter("Einführung")] }),
    "handbook.publish": async () => {
      await handbookDraftFixture(db());
      return undefined;
    },
    "handbook.discardDraft": async () => {
      await handbookDraftFixture(db());
      return undefined;
    },
    "handbook.saveLocal": () => ({ title: `Eigenes Kapitel ${randomUUID().slice(0, 8)}`, body: "**Text**" }),
    "handbook.removeLocal": async (e) => {
      if (e.tenant.kind === "state") return { id: randomUUID() };
      const row = await withTenant(db(), e.tenant.id, (tx) =>
        queries.saveLocalChapter(tx, e.tenant.id, FIXTURE_ACTOR, {
          kind: "chapter",
          title: "Zu löschen",
          body: "",
        }),
      );
      return { id: row.id };
    },
    "handbook.templateFile": async (e) => {
      const row = await withTenant(db(), e.tenant.id, (tx) =>
        queries.saveLocalChapter(tx, e.tenant.id, FIXTURE_ACTOR, {
          kind: "template",
          title: "Checkliste",
          body: "- Punkt eins\n- Punkt zwei",
        }),
      );
      return { source: "local", id: row.id, format: "csv" };
    },
    "handbook.acknowledge": async () => {
      await publishedHandbookFixture(db());
      return undefined;
    },
  };
}
