// File downloads as plain routes (a browser saves them directly; audited ones are same-origin POSTs). Each download runs the tRPC procedure that
// produces the file through a server-side caller, so the session check, the tenant transaction, the authorization
// matrix and the input validation are exactly those of the procedure.
import { tenantExportArchive, tenantExportFileName } from "@spatz/db";
import type { createContextFactory } from "@spatz/trpc";
import { TRPCError } from "@trpc/server";
import type { Context as HonoContext } from "hono";
import { type Caller, callerFor, type Env } from "./caller.ts";

const STATUS: Record<string, 400 | 401 | 403 | 404> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
};

function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** German error texts as plain text with the matching status (and any Set-Cookie the session check wrote). */
function plainText(resHeaders: Headers, status: number, text: string): Response {
  const headers = new Headers(resHeaders);
  headers.set("Content-Type", "text/plain; charset=utf-8");
  headers.set("Cache-Control", "no-store");
  return new Response(text, { status, headers });
}

/** A file answer: the headers every download sends, plus the session's Set-Cookie. */
function fileResponse(
  resHeaders: Headers,
  body: ConstructorParameters<typeof Response>[0],
  type: string,
  fileName: string,
  extra: Record<string, string> = {},
) {
  const headers = new Headers(resHeaders);
  headers.set("Content-Type", type);
  headers.set("Content-Disposition", attachment(fileName));
  headers.set("X-Content-Type-Options", "nosniff");
  headers.set("Cache-Control", "no-store");
  for (const [name, value] of Object.entries(extra)) headers.set(name, value);
  return new Response(body, { status: 200, headers });
}

/**
 * One download route: `produce` runs procedures through a caller with this request's session; a refusal of a procedure
 * becomes its German message as plain text with the matching status (`refusal` may reword it).
 */
function downloadRoute(
  createContext: ReturnType<typeof createContextFactory>,
  clientIp: (c: HonoContext<Env>) => string,
  produce: (caller: Caller, c: HonoContext<Env>, resHeaders: Headers) => Promise<Response>,
  refusal: (error: TRPCError) => { status: number; text: string } | null = () => null,
) {
  return async (c: HonoContext<Env>) => {
    const resHeaders = new Headers();
    try {
      return await produce(callerFor(createContext, clientIp, c, resHeaders), c, resHeaders);
    } catch (error) {
      if (error instanceof TRPCError && STATUS[error.code]) {
        const answer = refusal(error) ?? { status: STATUS[error.code]!, text: error.message };
        return plainText(resHeaders, answer.status, answer.text);
      }
      throw error;
    }
  };
}

/**
 * POST /dateien/portfolio (form fields format=csv|xlsx|tsv, filter=<JSON>, sort, dir): the filtered portfolio, as the
 * list shows it. A POST because the export is audited: a GET could be triggered by a cross-site link or image, while a
 * POST passes the CSRF check (originCheck). German error texts as plain text with the matching status.
 */
export function portfolioDownload(
  createContext: ReturnType<typeof createContextFactory>,
  clientIp: (c: HonoContext<Env>) => string,
) {
  return downloadRoute(
    createContext,
    clientIp,
    async (caller, c, resHeaders) => {
      const form = await c.req.parseBody().catch(() => null);
      const field = (name: string) => (typeof form?.[name] === "string" ? (form[name] as string) : undefined);
      let filter: unknown = {};
      try {
        const raw = field("filter");
        if (raw) filter = JSON.parse(raw);
      } catch {
        return plainText(resHeaders, 400, "Der Filter des Exports ist ungültig.");
      }
      const file = await caller.portfolio.export({
        format: field("format") as "csv",
        filter: filter as Record<string, never>,
        ...(field("sort") ? { sort: field("sort") as "start" } : {}),
        ...(field("dir") ? { dir: field("dir") as "asc" } : {}),
      });
      return fileResponse(
        resHeaders,
        Buffer.from(file.contentBase64, "base64"),
        file.mediaType,
        file.fileName,
      );
    },
    (error) =>
      error.code === "BAD_REQUEST" && error.cause && "issues" in error.cause
        ? { status: 400, text: "Die Angaben für den Export sind ungültig (Format: csv oder xlsx)." }
        : null,
  );
}

/**
 * The file itself, whatever its type, is never shown by the browser: it is saved (attachment), never sniffed into
 * another type (nosniff), and even if opened in place it may load nothing and run nothing (CSP sandbox). So an
 * uploaded file cannot act in SPATZ's origin, whatever slipped past the type check on upload.
 */
const FILE_CSP = "default-src 'none'; sandbox; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * GET /dateien/nachweise/:id: one evidence file of a measure, through the query measures.evidenceFile (session, tenant
 * transaction, matrix). Another Kommune's file answers 404 like an id that exists nowhere.
 */
export function evidenceDownload(
  createContext: ReturnType<typeof createContextFactory>,
  clientIp: (c: HonoContext<Env>) => string,
) {
  return downloadRoute(
    createContext,
    clientIp,
    async (caller, c, resHeaders) => {
      const file = await caller.measures.evidenceFile({ id: c.req.param("id") ?? "" });
      const bytes = Buffer.from(file.contentBase64, "base64");
      return fileResponse(resHeaders, bytes, file.mediaType, file.fileName, {
        "Content-Length": String(bytes.length),
        "Content-Security-Policy": FILE_CSP,
        "Cache-Control": "private, no-store",
      });
    },
    // A malformed id is no file either: the same answer as an unknown one.
    (error) =>
      error.code === "BAD_REQUEST" ? { status: 404, text: "Diese Nachweisdatei gibt es nicht." } : null,
  );
}

/**
 * POST /dateien/export: all data of the signed-in administration's own tenant as a ZIP. The mutation
 * tenantExport.prepare checks the matrix, writes the audit entry and reads every tenant table; the evidence files then
 * follow one at a time through the query measures.evidenceFile, so the download never holds more than one of them.
 * A POST (from a form on the export page), because the export is recorded: no link or prefetch can start one.
 */
export function tenantExportDownload(
  createContext: ReturnType<typeof createContextFactory>,
  clientIp: (c: HonoContext<Env>) => string,
) {
  return downloadRoute(createContext, clientIp, async (caller, _c, resHeaders) => {
    const data = await caller.tenantExport.prepare();
    const archive = tenantExportArchive(data, async (ref) => {
      try {
        const file =
          ref.kind === "evidence"
            ? await caller.measures.evidenceFile({ id: ref.id })
            : await caller.reports.file({ id: ref.id, format: ref.format });
        return Buffer.from(file.contentBase64, "base64");
      } catch (error) {
        // Removed since the export was read: the manifest lists it as missing.
        if (error instanceof TRPCError && error.code === "NOT_FOUND") return null;
        throw error;
      }
    });
    return fileResponse(resHeaders, archive, "application/zip", tenantExportFileName(data));
  });
}

/**
 * GET /dateien/berichte/:id/:format: one file (pdf, csv, xlsx) of an archived report, through reports.file (session,
 * the Kommune's own tenant transaction, matrix). Another Kommune's report answers 404 like an id that exists nowhere.
 */
export function reportDownload(
  createContext: ReturnType<typeof createContextFactory>,
  clientIp: (c: HonoContext<Env>) => string,
) {
  return downloadRoute(
    createContext,
    clientIp,
    async (caller, c, resHeaders) => {
      const file = await caller.reports.file({
        id: c.req.param("id") ?? "",
        format: (c.req.param("format") ?? "") as "pdf",
      });
      const bytes = Buffer.from(file.contentBase64, "base64");
      return fileResponse(resHeaders, bytes, file.mediaType, file.fileName, {
        "Content-Length": String(bytes.length),
        "Content-Security-Policy": FILE_CSP,
        "Cache-Control": "private, no-store",
      });
    },
    (error) => (error.code === "BAD_REQUEST" ? { status: 404, text: "Diesen Bericht gibt es nicht." } : null),
  );
}
