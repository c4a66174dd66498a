// The admin CLI as an operator uses it: a fresh install bootstraps its first state admin.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, inject, it } from "vitest";

const main = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../src/main.ts");

function spatz(args: string[], opts: { input?: string; env?: Record<string, string> } = {}) {
  const result = spawnSync(process.execPath, ["--import", "tsx", main, ...args], {
    input: opts.input ?? "",
    env: {
      ...process.env,
      DATABASE_URL: inject("appUrl"),
      MIGRATION_DATABASE_URL: inject("ownerUrl"),
      ...opts.env,
    },
    encoding: "utf8",
  });
  return { code: result.status, out: result.stdout + result.stderr };
}

/** `spatz create-user` in the state tenant; the password comes from stdin or SPATZ_PASSWORD (in `opts`). */
function createStateUser(email: string, name: string, role: string, opts: Parameters<typeof spatz>[1]) {
  return spatz(
    ["create-user", "--tenant", "land-sachsen-anhalt", "--email", email, "--name", name, "--role", role],
    opts,
  );
}

describe("pnpm spatz", () => {
  it("migrates idempotently and bootstraps the first state admin with a password from stdin", () => {
    expect(spatz(["migrate"]).code).toBe(0);
    const created = createStateUser("Erste.Admin@Land.example", "Erste Admin", "state_admin", {
      input: "ein-sicheres-passwort\n",
    });
    expect(created.out).toContain(
      "user erste.admin@land.example (state_admin) created in land-sachsen-anhalt",
    );
    expect(created.code).toBe(0);
    const again = createStateUser("erste.admin@land.example", "Erste Admin", "state_admin", {
      env: { SPATZ_PASSWORD: "ein-sicheres-passwort" },
    });
    expect(again.code).toBe(1);
    expect(again.out).toContain("exists already");
  });

  it("refuses a password on the command line, a short password and a role that does not fit the tenant", () => {
    const argv = spatz([
      "create-user",
      "--tenant",
      "land-sachsen-anhalt",
      "--email",
      "x@land.example",
      "--name",
      "X Y",
      "--role",
      "state_pmo",
      "--password",
      "geheim-geheim",
    ]);
    expect(argv.code).toBe(1);
    const short = createStateUser("x@land.example", "X Y", "state_pmo", { input: "kurz" });
    expect(short.out).toContain("mindestens 12 Zeichen");
    const guessable = createStateUser("x@land.example", "X Y", "state_pmo", { input: "123456789012" });
    expect(guessable.code).toBe(1);
    expect(guessable.out).toContain("zu leicht zu erraten");
    const role = createStateUser("x@land.example", "X Y", "viewer", { input: "ein-sicheres-passwort" });
    expect(role.out).toContain("does not exist in a state tenant");
  });

  it("creates and lists tenants and loads the real Kommunen", () => {
    expect(
      spatz([
        "create-tenant",
        "--name",
        "Stadt Musterhausen",
        "--slug",
        "musterhausen",
        "--kind",
        "einheitsgemeinde",
      ]).code,
    ).toBe(0);
    expect(spatz(["load-tenants"]).out).toContain("133 Kommunen and 218 Gemeinden loaded");
    const list = spatz(["list-tenants", "--search", "muster"]);
    expect(list.out).toContain("musterhausen");
    expect(list.out).toContain("1 tenants");
    expect(
      spatz(["create-tenant", "--name", "X", "--slug", "Bad Slug", "--kind", "einheitsgemeinde"]).code,
    ).toBe(1);
  });

  it("renames, suspends and reactivates a tenant", () => {
    expect(
      spatz(["rename-tenant", "--slug", "musterhausen", "--name", "Hansestadt Musterhausen"]).out,
    ).toContain("renamed");
    expect(spatz(["suspend-tenant", "--slug", "musterhausen"]).out).toContain(
      "tenant musterhausen suspended, 0 sessions ended",
    );
    expect(spatz(["list-tenants", "--search", "muster"]).out).toMatch(
      /musterhausen\s+einheitsgemeinde\s+suspended\s+Hansestadt Musterhausen/,
    );
    expect(spatz(["reactivate-tenant", "--slug", "musterhausen"]).out).toContain("reactivated");
    expect(spatz(["suspend-tenant", "--slug", "land-sachsen-anhalt"]).code).toBe(1);
  });
});
