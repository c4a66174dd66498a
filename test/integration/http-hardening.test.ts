// The HTTP surface after the outside probe: German texts for every error (tRPC's own included), no-store on every API
// answer, no public source maps, compressed answers, and the app's HTML with the session in it.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { schema, withTenant } from "@spatz/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTenant, type FixtureTenant, sessionCookie } from "../src/fixtures.ts";
import { createTestApp, type TestApp } from "../src/server.ts";

let t: TestApp;
let kommune: FixtureTenant;
const origin = "http://spatz.test";

beforeAll(async () => {
  t = createTestApp({ appUrl: inject("appUrl"), redisUrl: inject("redisUrl") });
  kommune = await createTenant(t.client.db, "http");
});
afterAll(() => t.close());

async function messageOf(res: Response): Promise<string> {
  return JSON.stringify(await res.json());
}

describe("every error that reaches a user is German", () => {
  it("unreadable JSON in a request body", async () => {
    const res = await t.app.request("/trpc/auth.login", {
      method: "POST",
      headers: { "content-type": "application/json", origin },
      body: '{"json": {tenantSlug: kaputt',
    });
    expect(res.status).toBe(400);
    const text = await messageOf(res);
    expect(text).toContain("kein gültiges JSON");
    expect(text).not.toMatch(/Expected|Unexpected|property name/);
  });

  it("an unknown procedure, the wrong HTTP method, an unknown file address", async () => {
    const unknown = await t.app.request("/trpc/gibtEsNicht.nie");
    expect(unknown.status).toBe(404);
    expect(await messageOf(unknown)).toContain("Diese Funktion gibt es nicht");

    const getMutation = await t.app.request("/trpc/auth.login");
    expect(getMutation.status).toBe(405);
    expect(await messageOf(getMutation)).toContain("Anfrageart");

    const file = await t.app.request("/dateien/unbekannt");
    expect(file.status).toBe(404);
    expect(await messageOf(file)).toContain("Diese Adresse gibt es nicht");
  });
});

describe("Cache-Control: no-store on every API answer", () => {
  it("tRPC answers (data and errors), downloads and health", async () => {
    const cookie = await sessionCookie(t.client.db, kommune.id, kommune.users.viewer!.id);
    const me = await t.app.request("/trpc/account.me", { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(me.headers.get("cache-control")).toBe("no-store");
    const refused = await t.app.request("/trpc/account.me");
    expect(refused.status).toBe(401);
    expect(refused.headers.get("cache-control")).toBe("no-store");
    const batch = await t.app.request("/trpc/account.me,account.sessions?batch=1", { headers: { cookie } });
    expect(batch.headers.get("cache-control")).toBe("no-store");
    const evidence = await t.app.request(`/dateien/nachweise/${crypto.randomUUID()}`, {
      headers: { cookie },
    });
    expect(evidence.headers.get("cache-control")).toBe("no-store");
    expect((await t.app.request("/health")).headers.get("cache-control")).toBe("no-store");
  });
});

describe("source maps", () => {
  it("are never served, even when a build left one beside the scripts", async () => {
    const dist = mkdtempSync(path.join(os.tmpdir(), "spatz-web-"));
    mkdirSync(path.join(dist, "assets"));
    writeFileSync(path.join(dist, "index.html"), '<!doctype html><html lang="de">');
    writeFileSync(path.join(dist, "assets", "app-1.js"), "export {};");
    writeFileSync(path.join(dist, "assets", "app-1.js.map"), '{"version":3,"sources":["geheim.ts"]}');
    const web = createTestApp({ appUrl: inject("appUrl"), redisUrl: inject("redisUrl"), webDist: dist });
    try {
      expect((await web.app.request("/assets/app-1.js")).status).toBe(200);
      const map = await web.app.request("/assets/app-1.js.map");
      expect(map.status).toBe(404);
      expect(await map.text()).not.toContain("geheim.ts");
    } finally {
      await web.close();
      rmSync(dist, { recursive: true, force: true });
    }
  });

  it("the production build does not point browsers at them", () => {
    const assets = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../apps/web/dist/assets");
    expect(existsSync(assets), "the web app is built before the tests (turbo)").toBe(true);
    const scripts = readdirSync(assets).filter((f) => f.endsWith(".js"));
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      expect(readFileSync(path.join(assets, script), "utf8"), script).not.toContain("sourceMappingURL");
    }
  });
});

describe("compressed assets", () => {
  it("the build's brotli and gzip files go to browsers that accept them, with long caching; others get the file", async () => {
    const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../apps/web/dist");
    const entry = /src="\/(assets\/index-[^"]+\.js)"/.exec(
      readFileSync(path.join(dist, "index.html"), "utf8"),
    )![1]!;
    expect(existsSync(path.join(dist, `${entry}.br`)), "the build compresses (apps/web/scripts)").toBe(true);
    const original = readFileSync(path.join(dist, entry));
    const web = createTestApp({ appUrl: inject("appUrl"), redisUrl: inject("redisUrl"), webDist: dist });
    try {
      const br = await web.app.request(`/${entry}`, { headers: { "Accept-Encoding": "gzip, deflate, br" } });
      expect(br.status).toBe(200);
      expect(br.headers.get("content-encoding")).toBe("br");
      expect(br.headers.get("content-type")).toMatch(/javascript/);
      expect(br.headers.get("vary")).toContain("Accept-Encoding");
      expect(br.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      const body = Buffer.from(await br.arrayBuffer());
      expect(body.length).toBeLessThan(original.length / 2);
      expect(brotliDecompressSync(body).equals(original)).toBe(true);
      const gz = await web.app.request(`/${entry}`, { headers: { "Accept-Encoding": "gzip" } });
      expect(gz.headers.get("content-encoding")).toBe("gzip");
      const plain = await web.app.request(`/${entry}`);
      expect(plain.headers.get("content-encoding")).toBeNull();
      expect(Buffer.from(await plain.arrayBuffer()).equals(original)).toBe(true);
    } finally {
      await web.close();
    }
  });
});

describe("compressed API answers", () => {
  it("a large tRPC answer is gzip-compressed for browsers that accept it, and stays no-store", async () => {
    const cookie = await sessionCookie(t.client.db, kommune.id, kommune.users.viewer!.id);
    const gz = await t.app.request("/trpc/maturity.model", {
      headers: { cookie, "Accept-Encoding": "gzip" },
    });
    expect(gz.status).toBe(200);
    expect(gz.headers.get("content-encoding")).toBe("gzip");
    expect(gz.headers.get("cache-control")).toBe("no-store");
    const body = gunzipSync(Buffer.from(await gz.arrayBuffer())).toString("utf8");
    const plain = await t.app.request("/trpc/maturity.model", { headers: { cookie } });
    expect(plain.headers.get("content-encoding")).toBeNull();
    const plainText = await plain.text();
    expect(plainText.length).toBeGreaterThan(1024);
    expect(body).toBe(plainText);
  });
});

describe("the app's HTML", () => {
  const dist = () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "spatz-web-"));
    writeFileSync(
      path.join(dir, "index.html"),
      '<!doctype html><html lang="de"><head><script type="module" src="/assets/app.js"></script></head><body><div id="root"></div></body></html>',
    );
    return dir;
  };
  const sessionIn = (html: string) => {
    const match = /<script type="application\/json" id="spatz-session">(.*?)<\/script>/s.exec(html);
    return match ? (JSON.parse(match[1]!) as { json: unknown }).json : undefined;
  };

  it("carries who is signed in (null for a visitor), is private to the browser and escapes what users typed", async () => {
    const dir = dist();
    const web = createTestApp({ appUrl: inject("appUrl"), redisUrl: inject("redisUrl"), webDist: dir });
    const viewer = kommune.users.viewer!;
    try {
      for (const address of ["/", "/anmelden", "/massnahmen/123"]) {
        const visitor = await web.app.request(address);
        expect(visitor.status).toBe(200);
        expect(visitor.headers.get("cache-control")).toBe("private, no-cache");
        expect(visitor.headers.get("vary")).toContain("Cookie");
        expect(sessionIn(await visitor.text()), address).toBeNull();
      }
      await withTenant(t.client.db, kommune.id, (tx) =>
        tx
          .update(schema.users)
          .set({ displayName: "Eve </script><script>alert(1)</script>" })
          .where(eq(schema.users.id, viewer.id)),
      );
      const cookie = await sessionCookie(t.client.db, kommune.id, viewer.id);
      const html = await (await web.app.request("/start", { headers: { cookie } })).text();
      // One script element of the app and one of data: the name cannot open another.
      expect(html.match(/<script/g)).toHaveLength(2);
      const session = sessionIn(html) as {
        user: { id: string; displayName: string };
        tenant: { id: string };
      };
      expect(session.user.id).toBe(viewer.id);
      expect(session.tenant.id).toBe(kommune.id);
      expect(session.user.displayName).toBe("Eve </script><script>alert(1)</script>");
      expect(html.indexOf("spatz-session")).toBeLessThan(html.indexOf("</head>"));
    } finally {
      await web.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("an ended session gets null and the cookie cleared, as the session procedure does", async () => {
    const dir = dist();
    const web = createTestApp({ appUrl: inject("appUrl"), redisUrl: inject("redisUrl"), webDist: dir });
    try {
      const admin = kommune.users.admin!;
      const cookie = await sessionCookie(t.client.db, kommune.id, admin.id);
      // Ended elsewhere ("Überall abmelden"): the row is gone.
      await withTenant(t.client.db, kommune.id, (tx) =>
        tx.delete(schema.sessions).where(eq(schema.sessions.userId, admin.id)),
      );
      const res = await web.app.request("/start", { headers: { cookie } });
      expect(sessionIn(await res.text())).toBeNull();
      expect(res.headers.get("set-cookie")).toMatch(/^spatz_session=;.*Max-Age=0/);
    } finally {
      await web.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
