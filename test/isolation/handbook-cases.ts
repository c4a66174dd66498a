// Cross-tenant cases for the PM-Koffer: the Land's handbook is for everyone to read and for the state alone to write;
// a Kommune's own chapters and its acknowledgement are its own – Kommune A uses B's real ids and learns nothing.
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import type { ApiSession, CallResult } from "../src/api-client.ts";
import type { FixtureTenant } from "../src/fixtures.ts";
import { handbookChapter } from "../src/handbook.ts";

export type HandbookSecrets = {
  localId: string;
  localTitle: string;
  localBody: string;
  acknowledged: number;
};

/** B's own chapter and B's acknowledgement of the version in force (published by the state first). */
export async function setUpHandbookB(
  as: (tenant: FixtureTenant, role: string) => Promise<ApiSession>,
  state: FixtureTenant,
  b: FixtureTenant,
): Promise<HandbookSecrets> {
  const tag = randomUUID().slice(0, 8);
  const land = await as(state, "state_pmo");
  await land.must("handbook.saveDraft", {
    title: "PM-Koffer Test",
    chapters: [handbookChapter("Einführung")],
  });
  await land.must("handbook.publish");
  const cdo = await as(b, "coordinator");
  const localTitle = `Geheimes Kapitel ${tag}`;
  const localBody = `Geheimer Kapiteltext ${tag}`;
  const local = await cdo.must<{ id: string }>("handbook.saveLocal", { title: localTitle, body: localBody });
  const { version } = await cdo.must<{ version: number }>("handbook.acknowledge");
  return { localId: local.id, localTitle, localBody, acknowledged: version };
}

export const handbookCanaries = (s: HandbookSecrets) => [s.localId, s.localTitle, s.localBody];

type Ctx = {
  a: () => FixtureTenant;
  b: () => FixtureTenant;
  secrets: () => HandbookSecrets;
  as: (tenant: FixtureTenant, role: string) => Promise<ApiSession>;
  expectNoLeak: (...results: (CallResult | string)[]) => void;
  refusedForKommune: (path: string, input?: unknown) => () => Promise<void>;
};

export function handbookCases(c: Ctx): Record<string, () => Promise<void>> {
  const cdoA = () => c.as(c.a(), "coordinator");
  async function bIntact() {
    const s = c.secrets();
    const cdoB = await c.as(c.b(), "coordinator");
    const mine = await cdoB.must<{
      local: { id: string; title: string; body: string }[];
      acknowledgedVersion: number;
    }>("handbook.current");
    expect(mine.local).toEqual([
      expect.objectContaining({ id: s.localId, title: s.localTitle, body: s.localBody }),
    ]);
    expect(mine.acknowledgedVersion).toBe(s.acknowledged);
  }
  return {
    "handbook.current": async () => {
      const r = await (await c.as(c.a(), "viewer")).call("handbook.current");
      expect(r).toMatchObject({ ok: true });
      c.expectNoLeak(r);
    },
    "handbook.history": async () => {
      c.expectNoLeak(await (await c.as(c.a(), "viewer")).call("handbook.history"));
    },
    "handbook.standardChapters": async () => {
      c.expectNoLeak(await (await c.as(c.a(), "viewer")).call("handbook.standardChapters"));
    },
    "handbook.draft": c.refusedForKommune("handbook.draft"),
    "handbook.saveDraft": c.refusedForKommune("handbook.saveDraft", {
      title: "Übernommen",
      chapters: [handbookChapter("Fremd")],
    }),
    "handbook.publish": c.refusedForKommune("handbook.publish"),
    "handbook.discardDraft": c.refusedForKommune("handbook.discardDraft"),
    "handbook.saveLocal": async () => {
      const r = await (await cdoA()).call("handbook.saveLocal", {
        id: c.secrets().localId,
        title: "Überschrieben",
        body: "von A",
      });
      expect(r).toMatchObject({ ok: false, code: "NOT_FOUND" });
      c.expectNoLeak(r);
      await bIntact();
    },
    "handbook.removeLocal": async () => {
      const r = await (await cdoA()).call("handbook.removeLocal", { id: c.secrets().localId });
      expect(r).toMatchObject({ ok: false, code: "NOT_FOUND" });
      c.expectNoLeak(r);
      await bIntact();
    },
    "handbook.templateFile": async () => {
      const r = await (await c.as(c.a(), "viewer")).call("handbook.templateFile", {
        source: "local",
        id: c.secrets().localId,
        format: "csv",
      });
      expect(r).toMatchObject({ ok: false, code: "NOT_FOUND" });
      c.expectNoLeak(r);
    },
    "handbook.acknowledge": async () => {
      // A's acknowledgement is A's: B's stays as B left it.
      const r = await (await cdoA()).call("handbook.acknowledge");
      expect(r).toMatchObject({ ok: true });
      c.expectNoLeak(r);
      await bIntact();
    },
  };
}
