// Import bombs through the API: a refused file gets a German 400 naming the limit and writes nothing, and parsing
// runs in a worker thread, so other requests are answered meanwhile.
import type { Worker } from "node:worker_threads";
import { zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ApiSession } from "../src/api-client.ts";
import { createTenant, type FixtureTenant, sessionCookie } from "../src/fixtures.ts";
import { allProjects, base64 } from "../src/portfolio.ts";
import { createTestApp, type TestApp } from "../src/server.ts";

let t: TestApp;
let kommune: FixtureTenant;
let pmo: ApiSession;

beforeAll(async () => {
  t = createTestApp({ appUrl: inject("appUrl"), redisUrl: inject("redisUrl") });
  kommune = await createTenant(t.client.db, "bombe");
  pmo = new ApiSession(t, await sessionCookie(t.client.db, kommune.id, kommune.users.coordinator!.id));
});
afterAll(() => t.close());

describe("import limits", () => {
  it("refuses a ZIP bomb named .xlsx in German and writes nothing", async () => {
    const bomb = zipSync({ "xl/worksheets/sheet1.xml": new Uint8Array(100 * 1024 * 1024) }, { level: 9 });
    const result = await pmo.call("portfolio.importPreview", {
      fileName: "liste.xlsx",
      contentBase64: base64(bomb),
    });
    expect(result).toMatchObject({ ok: false, code: "BAD_REQUEST" });
    expect(result.ok === false && result.message).toContain("entpackt größer als 25 MB");
    expect((await allProjects(pmo)).items).toEqual([]);
  });

  it("parses in a worker thread: the API answers other requests while a large list is read", async () => {
    const workers: Worker[] = [];
    const onWorker = (worker: Worker) => workers.push(worker);
    process.on("worker", onWorker);
    try {
      const text = `GB;R;Name\n${"OB;37;Projekt\n".repeat(130_000)}`;
      let importDone = false;
      const importing = pmo
        .call("portfolio.importPreview", { fileName: "lang.csv", contentBase64: base64(text) })
        .finally(() => {
          importDone = true;
        });
      await expect.poll(() => workers.length, { timeout: 20_000 }).toBeGreaterThan(0);
      const health = await t.app.request("/health");
      expect(health.status).toBe(200);
      expect(importDone).toBe(false);
      const result = await importing;
      expect(result).toMatchObject({ ok: false, code: "BAD_REQUEST" });
      expect(result.ok === false && result.message).toContain("mehr als 10.000 Zeilen");
      expect((await allProjects(pmo)).items).toEqual([]);
    } finally {
      process.off("worker", onWorker);
    }
  }, 60_000);
});
