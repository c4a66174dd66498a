// The HTTP surface: security headers, CSRF check, request ids and logs, /health, /trpc and the built web app.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { getConnInfo } from "@hono/node-server/conninfo";
import { serveStatic } from "@hono/node-server/serve-static";
import { trpcServer } from "@hono/trpc-server";
import { batchRefusal, MAX_BATCH_CALLS } from "@spatz/domain";
import { withLogContext } from "@spatz/logging";
import { appRouter, createContextFactory, readCookie, SESSION_COOKIE, type ServerDeps } from "@spatz/trpc";
import { Hono, type MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { compress } from "hono/compress";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import type postgres from "postgres";
import { appHtml } from "./app-html.ts";
import { BODY_LIMITS } from "./body-limits.ts";
import { originCheck } from "./csrf.ts";
import { devMailsPage } from "./dev-mails.ts";
import { evidenceDownload, portfolioDownload, reportDownload, tenantExportDownload } from "./downloads.ts";
import { checkHealth } from "./health.ts";
import type { AppLogger } from "./logger.ts";
import type { ApiMetrics } from "./metrics.ts";

export type AppOptions = {
  deps: ServerDeps;
  sql: postgres.Sql;
  logger: AppLogger;
  /** Directory of the built web app; served with an index.html fallback for client-side routes. */
  webDist?: string | null;
  trustProxy?: boolean;
  /** Further origins allowed to send state-changing requests (the Vite dev server in development). */
  extraOrigins?: string[];
  /** The local mail folder to list at /entwicklung/mails (`pnpm start` only; null: no such page). */
  devMailDir?: string | null;
  /** Records every request's duration for the Prometheus metrics (served on their own port, metrics.ts). */
  metrics?: ApiMetrics | null;
  /** True once the process drains for shutdown: answers then close their connection (no keep-alive). */
  isDraining?: () => boolean;
};

/** Procedures that carry an evidence file (measures.uploadEvidence, and measures.setStatus when completing). */
const EVIDENCE_UPLOADS = new Set(["measures.uploadEvidence", "measures.setStatus"]);

const CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", "data:"],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

export function createApp(opts: AppOptions) {
  const { deps, logger } = opts;
  const app = new Hono<{ Variables: { requestId: string } }>();
  const createContext = createContextFactory(deps);
  const publicOrigin = new URL(deps.publicUrl).origin;

  app.use(requestId({ headerName: "X-Request-Id", limitLength: 64 }));
  // Every log line of the request carries its id, and its tenant once the session is known (@spatz/logging).
  app.use((c, next) => withLogContext({ requestId: c.get("requestId") }, next));
  // While draining, a kept-alive connection must not carry the client's next request: close it after this answer.
  app.use(async (c, next) => {
    await next();
    if (opts.isDraining?.()) c.header("Connection", "close");
  });
  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    const elapsed = performance.now() - started;
    const ms = Math.round(elapsed * 10) / 10;
    opts.metrics?.observe({
      path: c.req.path,
      routePath: c.req.routePath,
      method: c.req.method,
      status: c.res.status,
      seconds: elapsed / 1000,
    });
    logger.info(
      { requestId: c.get("requestId"), method: c.req.method, path: c.req.path, status: c.res.status, ms },
      "request",
    );
  });
  app.use(
    secureHeaders({
      contentSecurityPolicy: CSP,
      strictTransportSecurity: "max-age=31536000; includeSubDomains",
      referrerPolicy: "no-referrer",
      crossOriginEmbedderPolicy: false,
      permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
      // A route that sets a stricter header of its own keeps it (evidence files: a sandboxing CSP).
      overwrite: false,
    }),
  );
  // State-changing requests must come from our own origin (Origin header or Sec-Fetch-Site), never cross-site.
  app.use(originCheck(() => [publicOrigin, ...(opts.extraOrigins ?? [])]));

  // Answers of the API never land in a browser or proxy cache: they hold a user's data (tRPC, files) or a live state.
  const noStore: MiddlewareHandler = async (c, next) => {
    await next();
    if (!c.res.headers.get("Cache-Control")?.includes("no-store"))
      c.res.headers.set("Cache-Control", "no-store");
  };
  app.use("/trpc/*", noStore);
  app.use("/dateien/*", noStore);
  app.use("/health", noStore);
  app.use("/health/*", noStore);

  // /health: the full report, 503 when any part fails (monitoring). For orchestrators: /health/live says the process
  // answers; /health/ready needs PostgreSQL only, because without Redis only sign-in limits fall back to the process
  // (ADR 0007) and jobs wait, so a Redis blip must not take every API replica out of service.
  app.get("/health", async (c) => {
    const report = await checkHealth(opts.sql, deps.redis);
    return c.json(report, report.status === "ok" ? 200 : 503);
  });
  app.get("/health/live", (c) => c.json({ status: "ok" }));
  app.get("/health/ready", async (c) => {
    const report = await checkHealth(opts.sql, deps.redis);
    return c.json(report, report.db === "ok" ? 200 : 503);
  });

  const limitBody = bodyLimit({
    maxSize: BODY_LIMITS.request,
    onError: (c) =>
      c.json(
        { error: { message: "Die Anfrage ist zu groß. Dateien dürfen höchstens 5 MB groß sein." } },
        413,
      ),
  });
  // Only the procedures that take an evidence file get the room for one.
  const limitEvidenceBody = bodyLimit({
    maxSize: BODY_LIMITS.evidenceUpload,
    onError: (c) =>
      c.json(
        { error: { message: "Die Anfrage ist zu groß. Nachweisdateien dürfen höchstens 10 MB groß sein." } },
        413,
      ),
  });
  // A batch runs its calls in parallel: its size is capped, and anonymous calls (sign-in, invitations) are never
  // batched, so that one request cannot multiply password checks or transactions.
  app.use("/trpc/*", async (c, next) => {
    const paths = c.req.path.slice("/trpc/".length).split(",");
    const refusal = c.req.query("batch") === "1" ? batchRefusal(paths) : null;
    if (!refusal) return await next();
    logger.warn({ requestId: c.get("requestId"), calls: paths.length }, "batch refused");
    return c.json(
      { error: { message: refusal, code: -32600, data: { code: "BAD_REQUEST", httpStatus: 400 } } },
      400,
    );
  });
  app.use("/trpc/*", (c, next) => {
    if (c.req.method === "GET") return next();
    const procedures = c.req.path.slice("/trpc/".length).split(",");
    return procedures.every((p) => EVIDENCE_UPLOADS.has(p)) ? limitEvidenceBody(c, next) : limitBody(c, next);
  });
  // Answers are JSON, often large (a dashboard is ~200 KB, a tenth of that compressed). They hold no secret a page could
  // also reflect from an attacker's input, so compression does not open a BREACH-style guess.
  app.use("/trpc/*", compress());
  app.use(
    "/trpc/*",
    trpcServer({
      router: appRouter,
      endpoint: "/trpc",
      maxBatchSize: MAX_BATCH_CALLS,
      createContext: (fetchOpts, c) =>
        createContext({
          requestId: c.get("requestId"),
          clientIp: () => clientIp(c, opts.trustProxy ?? false),
          userAgent: c.req.header("user-agent") ?? null,
          sessionToken: readCookie(c.req.header("cookie"), SESSION_COOKIE),
          resHeaders: fetchOpts.resHeaders,
        }),
      onError: ({ error, path: procedure }) => {
        if (error.code === "INTERNAL_SERVER_ERROR")
          logger.error({ err: error.cause ?? error, procedure }, "procedure failed");
      },
    }),
  );

  app.post(
    "/dateien/portfolio",
    portfolioDownload(createContext, (c) => clientIp(c, opts.trustProxy ?? false)),
  );
  app.get("/dateien/portfolio", (c) =>
    c.text(
      "Der Export startet über die Schaltflächen „Export CSV“ und „Export Excel“ in der Projektliste.",
      405,
      {
        Allow: "POST",
      },
    ),
  );
  app.get(
    "/dateien/nachweise/:id",
    evidenceDownload(createContext, (c) => clientIp(c, opts.trustProxy ?? false)),
  );
  app.get(
    "/dateien/berichte/:id/:format",
    reportDownload(createContext, (c) => clientIp(c, opts.trustProxy ?? false)),
  );
  app.post(
    "/dateien/export",
    tenantExportDownload(createContext, (c) => clientIp(c, opts.trustProxy ?? false)),
  );

  if (opts.devMailDir) app.get("/entwicklung/mails", devMailsPage(opts.devMailDir));

  if (opts.webDist && existsSync(path.join(opts.webDist, "index.html"))) {
    const root = path.relative(process.cwd(), opts.webDist) || ".";
    const html = appHtml(readFileSync(path.join(opts.webDist, "index.html"), "utf8"), createContext, (c) =>
      clientIp(c, opts.trustProxy ?? false),
    );
    // The start address, too, gets the HTML with the session (serveStatic would send index.html as it is).
    app.get("/", html);
    app.get("/index.html", html);
    app.use("/assets/*", async (c, next) => {
      // Source maps are built (hidden) for error reporting, but never served: they would publish the sources.
      if (c.req.path.endsWith(".map")) return c.text("Nicht gefunden", 404);
      await next();
      if (c.res.status === 200) c.header("Cache-Control", "public, max-age=31536000, immutable");
    });
    // The build leaves .br and .gz beside every larger file (apps/web/scripts/compress-assets.mjs): browsers that
    // accept them get those, with Content-Encoding and Vary.
    app.use("/*", serveStatic({ root, precompressed: true }));
    // A missing build file (e.g. a chunk of the previous version, asked for by a tab opened before a deploy) is a
    // 404, not the app's HTML: the browser then reports a failed load instead of a MIME-type error, and no proxy
    // caches HTML under an immutable asset name.
    app.get("/assets/*", (c) => c.text("Nicht gefunden", 404));
    app.get("*", html);
  }
  app.notFound((c) =>
    c.req.path.startsWith("/trpc/") || c.req.path.startsWith("/dateien/")
      ? c.json({ error: { message: "Diese Adresse gibt es nicht." } }, 404)
      : c.text("Nicht gefunden", 404),
  );
  app.onError((err, c) => {
    logger.error({ requestId: c.get("requestId"), err: String(err), path: c.req.path }, "request failed");
    return c.json(
      { error: { message: "Ein interner Fehler ist aufgetreten. Bitte versuchen Sie es später erneut." } },
      500,
    );
  });
  return app;
}

function clientIp(c: Parameters<typeof getConnInfo>[0], trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header("x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown";
  }
}
