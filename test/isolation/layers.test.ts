// The layer rule of docs/ARCHITECTURE.md: routers parse, check and call one query or domain function; no router (or
// any tRPC file) builds SQL itself. Checked on the sources, so a new router cannot slip past it.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sources(file);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [file] : [];
  });
}

const rel = (file: string) => path.relative(root, file);

describe("layers", () => {
  it("no tRPC router imports drizzle or the seed, or uses the schema's tables", () => {
    const files = sources(path.join(root, "packages/trpc/src"));
    expect(files.length).toBeGreaterThan(10);
    const offenders = files.filter((file) => {
      const text = readFileSync(file, "utf8");
      return (
        /from "drizzle-orm/.test(text) ||
        // Demo data and its seeding stay off the request path (the bundled catalogue is in @spatz/db itself).
        /from "@spatz\/db\/seed"/.test(text) ||
        /\bschema\.[a-z]\w*\s*[,)}]/.test(text) ||
        /ctx\.tx\s*\.\s*(select|insert|update|delete|execute)\b/.test(text)
      );
    });
    expect(offenders.map(rel)).toEqual([]);
  });

  it("the web app talks only tRPC: it imports no server package", () => {
    const files = sources(path.join(root, "apps/web/src"));
    expect(files.length).toBeGreaterThan(10);
    const offenders = files.filter((file) =>
      /from "(@spatz\/(db|auth|jobs|trpc(?!\/client))|drizzle-orm|postgres|ioredis|bullmq)["/]/.test(
        readFileSync(file, "utf8"),
      ),
    );
    expect(offenders.map(rel)).toEqual([]);
  });

  it("the pure packages do no I/O", () => {
    const pure = [
      "packages/domain/src",
      "packages/maturity/src",
      "packages/benchmark/src",
      "packages/charts/src",
    ];
    const offenders = pure
      .flatMap((dir) => sources(path.join(root, dir)))
      .filter((file) =>
        /from "(@spatz\/(db|auth|jobs|trpc)|drizzle-orm|postgres|ioredis|bullmq|node:fs|node:net)["/]/.test(
          readFileSync(file, "utf8"),
        ),
      );
    expect(offenders.map(rel)).toEqual([]);
  });
});
