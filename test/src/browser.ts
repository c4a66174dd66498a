// Browser tests: the built web app served by an in-process API on a free port, driven by Debian's Chromium.
import path from "node:path";
import { fileURLToPath } from "node:url";
import AxeBuilder from "@axe-core/playwright";
import { serve } from "@hono/node-server";
import { CHROMIUM_ARGS, ensureChromium, freePort } from "@spatz/local";
import { folderMailer } from "@spatz/mail";
import { startWorkerRuntime, type WorkerRuntime } from "@spatz/worker";
import pino from "pino";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { expect } from "vitest";
import { createTestApp, type TestApp } from "./server.ts";

export const webDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../apps/web/dist");

export type BrowserEnv = {
  baseUrl: string;
  browser: Browser;
  app: TestApp;
  /** The in-process worker, when started with `worker: true`. */
  worker: WorkerRuntime | null;
  close: () => Promise<void>;
};

/**
 * `worker`: mutations enqueue their jobs and an in-process worker runs them (no schedulers), as with `pnpm start`, so
 * that a flow can wait for what a job computes.
 */
export async function startBrowserEnv(opts: {
  appUrl: string;
  redisUrl: string;
  worker?: boolean;
}): Promise<BrowserEnv> {
  const executablePath = ensureChromium();
  if (!executablePath)
    throw new Error("Chromium not found: install Debian's chromium package or set CHROMIUM_PATH.");
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const app = createTestApp({
    appUrl: opts.appUrl,
    redisUrl: opts.redisUrl,
    publicUrl: baseUrl,
    webDist,
    ...(opts.worker && { jobsRedisUrl: opts.redisUrl }),
  });
  const worker: WorkerRuntime | null = opts.worker
    ? await startWorkerRuntime({
        db: app.client.db,
        redisUrl: opts.redisUrl,
        logger: pino({ level: process.env.LOG_LEVEL ?? "silent" }),
        registerSchedulers: false,
        // Mails of jobs (report notices) land in the test app's mail folder, as with `pnpm start`.
        mailer: folderMailer(app.mailDir, "SPATZ <spatz@test.example>"),
        settings: { publicUrl: baseUrl },
      })
    : null;
  const server = serve({ fetch: app.app.fetch, port, hostname: "127.0.0.1" });
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  return {
    baseUrl,
    browser,
    app,
    worker,
    close: async () => {
      await browser.close();
      await new Promise((r) => server.close(r));
      await worker?.shutdown(10_000);
      await app.close();
    },
  };
}

export async function newPage(env: BrowserEnv): Promise<{ context: BrowserContext; page: Page }> {
  const context = await env.browser.newContext({
    locale: "de-DE",
    timezoneId: "Europe/Berlin",
    baseURL: env.baseUrl,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  return { context, page };
}

export async function signIn(page: Page, tenantSlug: string, email: string, password: string) {
  await page.goto(`/t/${tenantSlug}/anmelden`);
  await page.getByLabel("E-Mail-Adresse").fill(email);
  await page.getByLabel("Passwort").fill(password);
  await page.getByRole("button", { name: "Anmelden" }).click();
  await page.waitForURL("**/start");
}

/** Fails on every serious or critical WCAG 2.1 AA finding of axe on the page as it is now, naming where it is. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    serious.map(
      (v) =>
        `${v.id}: ${v.help} @ ${v.nodes.map((n) => `${n.target.join(" ")} ${n.failureSummary ?? ""}`).join(" | ")}`,
    ),
  ).toEqual([]);
}
