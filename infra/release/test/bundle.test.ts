// The bundler's contract between an app's package.json and what its bundle imports (bundle.ts checkDependencies).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkDependencies, packageName } from "../src/bundle.ts";

const root = mkdtempSync(path.join(os.tmpdir(), "spatz-bundle-check-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function pkg(dir: string, json: object): string {
  const full = path.join(root, dir);
  mkdirSync(full, { recursive: true });
  writeFileSync(path.join(full, "package.json"), JSON.stringify(json));
  return full;
}

const app = (dependencies: Record<string, string>) =>
  pkg(`app-${Object.keys(dependencies).join("-") || "none"}-${Math.random().toString(36).slice(2)}`, {
    name: "@spatz/app",
    dependencies,
    devDependencies: { "@spatz/db": "workspace:*" },
  });
const db = pkg("db", { name: "@spatz/db", dependencies: { "drizzle-orm": "0.45.4", bullmq: "6.7.0" } });
const libraries: Record<string, { peerDependencies?: Record<string, string> }> = {
  "drizzle-orm": {},
  bullmq: { peerDependencies: { ioredis: "^6" } },
};
const resolve = (dep: string) => ({ name: dep, ...libraries[dep] });

describe("the bundle's dependency check", () => {
  it("accepts an app that declares exactly what the bundle imports, and the peers those need", () => {
    const dir = app({ "drizzle-orm": "0.45.4", bullmq: "6.7.0", ioredis: "6.0.0" });
    const externals = new Map([
      ["drizzle-orm", new Set([db])],
      ["bullmq", new Set([db])],
    ]);
    expect(checkDependencies(dir, externals, resolve)).toEqual([]);
  });

  it("refuses a library the runtime install would miss", () => {
    const dir = app({});
    const problems = checkDependencies(dir, new Map([["drizzle-orm", new Set([db])]]), resolve);
    expect(problems).toEqual([
      'drizzle-orm is imported by @spatz/db but is not in "dependencies" of @spatz/app: the runtime install would miss it',
    ]);
  });

  it("refuses a version other than the importing package's", () => {
    const dir = app({ "drizzle-orm": "0.44.0" });
    const problems = checkDependencies(dir, new Map([["drizzle-orm", new Set([db])]]), resolve);
    expect(problems).toEqual(["drizzle-orm: @spatz/db declares 0.45.4, @spatz/app installs 0.44.0"]);
  });

  it("refuses a dependency the bundle never imports, and a workspace package in the runtime install", () => {
    const dir = app({ tsx: "4.23.15", "@spatz/domain": "workspace:*" });
    const problems = checkDependencies(dir, new Map(), resolve);
    expect(problems).toContain(
      "@spatz/domain is compiled into the bundle: move it to devDependencies of @spatz/app",
    );
    expect(problems).toContain('tsx is in "dependencies" of @spatz/app but the bundle never imports it');
  });

  it("names packages by their import specifier", () => {
    expect(packageName("drizzle-orm/pg-core")).toBe("drizzle-orm");
    expect(packageName("@trpc/server/adapters/fetch")).toBe("@trpc/server");
  });
});
