// Every action the code writes to the audit log has a German label: the Protokoll never shows "project.update".
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  AUDIT_ACTION_LABELS,
  AUDIT_ENTITY_LABELS,
  auditActionLabel,
  auditEntityLabel,
} from "./audit-labels.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const SOURCES = [
  "db/src",
  "packages/trpc/src",
  "packages/auth/src",
  "apps/api/src",
  "apps/cli/src",
  "apps/worker/src",
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [file] : [];
  });
}

/** Quoted codes written as an audit `action` (also in `cond ? "a.b" : "a.c"`) and `entityType`. */
function writtenCodes() {
  const actions = new Set<string>();
  const entities = new Set<string>();
  for (const file of SOURCES.flatMap((d) => sourceFiles(path.join(root, d)))) {
    const text = readFileSync(file, "utf8");
    if (!text.includes("writeAudit") && !text.includes("auditLog")) continue;
    for (const m of text.matchAll(/\baction:\s*([^,\n}]+)/g))
      for (const code of m[1]!.matchAll(/"([a-z_]+\.[a-z_]+)"/g)) actions.add(code[1]!);
    for (const m of text.matchAll(/\bentityType:\s*"([a-z_]+)"/g)) entities.add(m[1]!);
  }
  return { actions: [...actions].sort(), entities: [...entities].sort() };
}

describe("audit log labels", () => {
  it("finds the audit writes in the source (the scan itself works)", () => {
    const { actions, entities } = writtenCodes();
    expect(actions).toEqual(expect.arrayContaining(["measure.create", "project.update", "auth.login"]));
    expect(entities).toEqual(expect.arrayContaining(["measure", "project"]));
  });

  it("has a German label for every action and object type the code writes", () => {
    const { actions, entities } = writtenCodes();
    expect(actions.filter((a) => !(a in AUDIT_ACTION_LABELS))).toEqual([]);
    expect(entities.filter((e) => !(e in AUDIT_ENTITY_LABELS))).toEqual([]);
  });

  it("shows an unknown code as it is", () => {
    expect(auditActionLabel("project.update")).toBe("Projekt geändert");
    expect(auditActionLabel("alt.aktion")).toBe("alt.aktion");
    expect(auditEntityLabel("rollout_record")).toBe("Rollout-Eintrag");
  });
});
