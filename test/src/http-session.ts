// A user of a SPATZ API reached over real HTTP (another process, another node): tRPC calls as the web app makes them
// (GET for queries, POST for mutations, superjson, the Origin header), with the session cookie kept.
import superjson from "superjson";

export type HttpResult = { status: number; ok: boolean; data: unknown; error: string | null };

export class HttpSession {
  constructor(
    public baseUrl: string,
    public cookie: string | null = null,
    /** The client address the API sees (TRUST_PROXY): each simulated user has its own for the login limit. */
    readonly ip = `203.0.113.${Math.floor(Math.random() * 250) + 1}`,
  ) {}

  async call(procedure: string, input: unknown, type: "query" | "mutation"): Promise<HttpResult> {
    const serialized = JSON.stringify(superjson.serialize(input));
    const headers: Record<string, string> = { origin: this.baseUrl, "x-forwarded-for": this.ip };
    if (this.cookie) headers.cookie = this.cookie;
    const res =
      type === "query"
        ? await fetch(`${this.baseUrl}/trpc/${procedure}?input=${encodeURIComponent(serialized)}`, {
            headers,
          })
        : await fetch(`${this.baseUrl}/trpc/${procedure}`, {
            method: "POST",
            headers: { ...headers, "content-type": "application/json" },
            body: serialized,
          });
    const setCookie = res.headers.get("set-cookie");
    if (setCookie) {
      const value = /spatz_session=([^;]*)/.exec(setCookie)?.[1];
      this.cookie = value ? `spatz_session=${value}` : null;
    }
    const body = (await res.json().catch(() => null)) as {
      result?: { data: { json: unknown; meta?: unknown } };
      error?: { json: { message: string } };
    } | null;
    if (body?.result)
      return {
        status: res.status,
        ok: true,
        data: superjson.deserialize(body.result.data as never),
        error: null,
      };
    return {
      status: res.status,
      ok: false,
      data: null,
      error: body?.error?.json.message ?? `HTTP ${res.status}`,
    };
  }

  query(procedure: string, input: unknown = undefined) {
    return this.call(procedure, input, "query");
  }

  mutate(procedure: string, input: unknown = undefined) {
    return this.call(procedure, input, "mutation");
  }
}
