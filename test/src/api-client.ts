// Calls tRPC procedures over the real HTTP surface (CSRF check, cookies, error formatting) of an in-process app.
import { type AppRouter, appRouter } from "@spatz/trpc";
import { createTRPCUntypedClient, httpLink, TRPCClientError } from "@trpc/client";
import superjson from "superjson";
import type { TestApp } from "./server.ts";

export type CallResult =
  | { ok: true; data: unknown; raw: string }
  | { ok: false; code: string; message: string; raw: string; status: number };

type ProcedureDef = { _def: { type: "query" | "mutation" | "subscription" } };

/** Every procedure path of the router, e.g. "users.invite". */
export function procedurePaths(): string[] {
  return Object.keys(
    (appRouter as unknown as { _def: { procedures: Record<string, ProcedureDef> } })._def.procedures,
  ).sort();
}

export function procedureType(path: string): "query" | "mutation" {
  const def = (appRouter as unknown as { _def: { procedures: Record<string, ProcedureDef> } })._def
    .procedures[path];
  if (!def) throw new Error(`unknown procedure ${path}`);
  return def._def.type === "query" ? "query" : "mutation";
}

export class ApiSession {
  cookie: string | null;
  lastRaw = "";
  lastHeaders = new Headers();
  constructor(
    private readonly testApp: TestApp,
    cookie: string | null = null,
    private readonly origin = "http://spatz.test",
    /** The client address (X-Forwarded-For); each session has its own unless one is given. */
    readonly ip = `198.51.100.${Math.floor(Math.random() * 250) + 1}-${Math.random().toString(36).slice(2, 8)}`,
  ) {
    this.cookie = cookie;
  }

  private client() {
    return createTRPCUntypedClient<AppRouter>({
      links: [
        httpLink({
          url: "http://spatz.test/trpc",
          transformer: superjson,
          headers: () => ({
            origin: this.origin,
            ...(this.cookie ? { cookie: this.cookie } : {}),
            "x-forwarded-for": this.ip,
          }),
          fetch: async (url, init) => {
            const res = await this.testApp.app.request(String(url), init as RequestInit);
            const text = await res.text();
            this.lastRaw = text;
            this.lastHeaders = res.headers;
            const setCookie = res.headers.get("set-cookie");
            if (setCookie) {
              const value = /spatz_session=([^;]*)/.exec(setCookie)?.[1];
              this.cookie = value ? `spatz_session=${value}` : null;
            }
            return new Response(text, { status: res.status, headers: res.headers });
          },
        }),
      ],
    });
  }

  async call(path: string, input?: unknown): Promise<CallResult> {
    const client = this.client();
    try {
      const data =
        procedureType(path) === "query"
          ? await client.query(path, input)
          : await client.mutation(path, input);
      return { ok: true, data, raw: this.lastRaw };
    } catch (error) {
      if (error instanceof TRPCClientError) {
        const data = error.data as { code?: string; httpStatus?: number } | undefined;
        return {
          ok: false,
          code: data?.code ?? "UNKNOWN",
          message: error.message,
          raw: this.lastRaw,
          status: data?.httpStatus ?? 0,
        };
      }
      throw error;
    }
  }

  /** Like call, but throws on error: for set-up steps. */
  async must<T = unknown>(path: string, input?: unknown): Promise<T> {
    const result = await this.call(path, input);
    if (!result.ok) throw new Error(`${path} failed: ${result.code} ${result.message}`);
    return result.data as T;
  }
}
