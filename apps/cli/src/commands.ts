// The CLI commands. Each validates its options with the same schemas the API uses.
import { createAccount, endSessionsByState, hashPassword, passwordProblem } from "@spatz/auth";
import { queries, runMigrations, STATE_TENANT_ID, withTenant } from "@spatz/db";
import {
  DEMO_KOMMUNE_ACCOUNTS,
  DEMO_PASSWORD,
  DEMO_STATE_ACCOUNTS,
  demoEmail,
  loadTenants,
  seedBenchmarkDemo,
  seedDemoUsers,
  seedEvidenceDemo,
  seedGovernanceDemo,
  seedMaturityDemo,
  seedPmKoffer,
  seedPortfolioDemo,
  seedRolloutDemo,
  seedSteeringDemo,
} from "@spatz/db/seed";
import {
  displayName,
  email,
  newPassword,
  ROLES,
  rolesForTenantKind,
  TENANT_KINDS,
  tenantSlug,
} from "@spatz/domain";
import { z } from "zod";
import { CLI_ACTOR, type Command, parse, withRuntimeDb } from "./command.ts";
import { dataSafetyCommands } from "./data-safety.ts";
import { readPassword, requireEnv } from "./env.ts";

export const commands: Record<string, Command> = {
  migrate: {
    summary:
      "apply database migrations (MIGRATION_DATABASE_URL: owner role; APP_DB_PASSWORD sets the runtime role's password)",
    run: async () => {
      await runMigrations(requireEnv("MIGRATION_DATABASE_URL", "postgres:// URL of the owner role"), {
        appPassword: process.env.APP_DB_PASSWORD,
      });
      console.log("migrations applied");
    },
  },

  "load-tenants": {
    summary:
      "create or refresh the 133 Kommunen of Sachsen-Anhalt and their Gemeinden from the bundled Destatis data",
    run: () =>
      withRuntimeDb(async (db) => {
        const result = await loadTenants(db);
        console.log(`${result.tenants} Kommunen and ${result.municipalities} Gemeinden loaded`);
      }),
  },

  "seed-demo": {
    summary:
      "load all tenants and demo accounts for every role and print the demo logins (--public-url); idempotent",
    options: { "public-url": { type: "string" } },
    run: (values) =>
      withRuntimeDb(async (db) => {
        const loaded = await loadTenants(db, "Demo-Daten");
        const created = await seedDemoUsers(db, await hashPassword(DEMO_PASSWORD));
        console.log(`${loaded.tenants} Kommunen, ${created} neue Demo-Konten`);
        for (const p of await seedPortfolioDemo(db))
          console.log(`Portfolio ${p.tenant}: ${p.projects} Projekte (${p.warnings} Hinweise beim Import)`);
        // After the portfolio: the maturity demo reuses its org units and links measures to its projects.
        const maturityStarted = Date.now();
        const maturity = await seedMaturityDemo(db);
        console.log(
          `Reifegrad: ${maturity.kommunen} Kommunen mit ${maturity.measures} Maßnahmen angelegt, ${maturity.skipped} unverändert (${Date.now() - maturityStarted} ms)`,
        );
        const evidence = await seedEvidenceDemo(db);
        console.log(`Nachweisdateien: ${evidence.files} neue Meilensteinberichte (Halle)`);
        const steering = await seedSteeringDemo(db);
        console.log(
          `Projektsteuerung: ${steering.reports} Statusberichte, ${steering.risks} Risiken (Halle)`,
        );
        const governance = await seedGovernanceDemo(db);
        console.log(
          `IT-Governance: ${governance.bodies} Gremien, ${governance.decisions} Beschlüsse (Halle)`,
        );
        const koffer = await seedPmKoffer(db);
        console.log(
          koffer.published
            ? `PM-Koffer: Fassung 1 des Landes veröffentlicht, ${koffer.localChapters} eigenes Kapitel (Halle)`
            : "PM-Koffer: bereits vorhanden",
        );
        const started = Date.now();
        const rollout = await seedRolloutDemo(db, "Demo-Daten");
        console.log(
          `OZG-Katalog: ${rollout.services} Leistungen${rollout.catalogueImported ? " importiert" : ""}; ${rollout.records} neue Rollout-Einträge (${Date.now() - started} ms)`,
        );
        // After every module's demo data: snapshots of every Kommune and the aggregates, so figures exist at once.
        const benchmarkStarted = Date.now();
        const benchmark = await seedBenchmarkDemo(db);
        console.log(
          `Vergleich: Reifegrad-Stände von ${benchmark.snapshots} Kommunen, ${benchmark.published} Vergleichsgruppen mit Werten, ${benchmark.shares} neue Freigaben (${Date.now() - benchmarkStarted} ms)`,
        );
        console.log(demoLogins(String(values["public-url"] ?? "http://localhost:3000")));
      }),
  },

  "refresh-benchmarks": {
    summary:
      "recompute every Kommune's maturity snapshots and all benchmark aggregates now (what the worker does nightly)",
    run: () =>
      withRuntimeDb(async (db) => {
        const started = Date.now();
        const kommunen = await withTenant(db, STATE_TENANT_ID, (tx) => queries.activeKommuneIds(tx));
        let written = 0;
        for (const id of kommunen) {
          const result = await withTenant(db, id, (tx) => queries.refreshMaturitySnapshot(tx, id));
          written += result.monthEndsWritten.length;
        }
        const aggregate = await withTenant(
          db,
          STATE_TENANT_ID,
          (tx) => queries.aggregateBenchmarks(tx, { scope: "all" }),
          {
            isolation: "repeatable read",
            statementTimeoutMs: 3_600_000,
          },
        );
        console.log(
          `${kommunen.length} Kommunen, ${written} neue Monatsstände, ${aggregate.rows} Vergleichswerte (k = ${aggregate.k}) in ${Date.now() - started} ms`,
        );
      }),
  },

  "list-tenants": {
    summary: "list tenants (--search text, --kind kind)",
    options: { search: { type: "string" }, kind: { type: "string" } },
    run: (values) =>
      withRuntimeDb(async (db) => {
        const filter = parse(
          z.object({ search: z.string().optional(), kind: z.enum(TENANT_KINDS).optional() }),
          values,
        );
        const page = await withTenant(db, STATE_TENANT_ID, (tx) =>
          queries.listTenants(tx, { ...filter, page: 1, pageSize: 1000 }),
        );
        for (const t of page.items)
          console.log([t.slug.padEnd(48), t.kind.padEnd(18), t.status.padEnd(10), t.name].join(" "));
        console.log(`${page.total} tenants`);
      }),
  },

  "create-tenant": {
    summary: "create a Kommune tenant: --name, --slug, --kind, [--ags]",
    options: {
      name: { type: "string" },
      slug: { type: "string" },
      kind: { type: "string" },
      ags: { type: "string" },
    },
    run: (values) =>
      withRuntimeDb(async (db) => {
        const input = parse(
          z.object({
            name: z.string().trim().min(3),
            slug: tenantSlug,
            kind: z.enum(TENANT_KINDS).refine((k) => k !== "state", "the state tenant exists already"),
            ags: z
              .string()
              .regex(/^\d{5,9}$/)
              .optional(),
          }),
          values,
        );
        const row = await withTenant(db, STATE_TENANT_ID, (tx) =>
          queries.createTenant(tx, STATE_TENANT_ID, CLI_ACTOR, {
            ...input,
            kind: input.kind as Exclude<typeof input.kind, "state">,
          }),
        );
        console.log(`tenant ${row.slug} created (${row.id})`);
      }),
  },

  "rename-tenant": {
    summary: "rename a tenant: --slug, --name",
    options: { slug: { type: "string" }, name: { type: "string" } },
    run: (values) =>
      withRuntimeDb(async (db) => {
        const input = parse(z.object({ slug: tenantSlug, name: z.string().trim().min(3).max(160) }), values);
        await withTenant(db, STATE_TENANT_ID, async (tx) => {
          const before = await queries.getTenantBySlug(tx, input.slug);
          if (!before) throw new Error(`no tenant with slug ${input.slug}`);
          await queries.renameTenant(tx, STATE_TENANT_ID, CLI_ACTOR, before.id, input.name);
        });
        console.log(`tenant ${input.slug} renamed to "${input.name}"`);
      }),
  },

  "suspend-tenant": {
    summary: "suspend a Kommune (--slug): nobody there can sign in, its sessions end",
    options: { slug: { type: "string" } },
    run: (values) => setTenantStatus(values, "suspended"),
  },

  "reactivate-tenant": {
    summary: "reactivate a suspended Kommune (--slug)",
    options: { slug: { type: "string" } },
    run: (values) => setTenantStatus(values, "active"),
  },

  "create-user": {
    summary: "create a user: --tenant slug, --email, --name, --role; password from stdin or SPATZ_PASSWORD",
    options: {
      tenant: { type: "string" },
      email: { type: "string" },
      name: { type: "string" },
      role: { type: "string" },
    },
    run: (values) =>
      withRuntimeDb(async (db) => {
        const input = parse(
          z.object({ tenant: tenantSlug, email, name: displayName, role: z.enum(ROLES) }),
          values,
        );
        const password = parse(newPassword, await readPassword());
        const problem = passwordProblem(password, { email: input.email, displayName: input.name });
        if (problem) throw new Error(problem);
        const tenant = await withTenant(db, STATE_TENANT_ID, (tx) =>
          queries.getTenantBySlug(tx, input.tenant),
        );
        if (!tenant) throw new Error(`no tenant with slug ${input.tenant}`);
        if (!rolesForTenantKind(tenant.kind).includes(input.role))
          throw new Error(`role ${input.role} does not exist in a ${tenant.kind} tenant`);
        const passwordHash = await hashPassword(password);
        const user = await withTenant(db, tenant.id, async (tx) => {
          if (await queries.getUserWithPassword(tx, input.email))
            throw new Error(`${input.email} exists already in ${tenant.slug}`);
          return createAccount(tx, tenant.id, CLI_ACTOR, {
            email: input.email,
            displayName: input.name,
            role: input.role,
            passwordHash,
          });
        });
        console.log(`user ${user.email} (${user.role}) created in ${tenant.slug}`);
      }),
  },
  ...dataSafetyCommands,
};

function demoLogins(url: string): string {
  const halle = "halle-saale";
  return [
    "",
    `Demo-Anmeldungen (Passwort für alle: ${DEMO_PASSWORD})`,
    `  Land Sachsen-Anhalt   ${url}/t/land-sachsen-anhalt/anmelden`,
    ...DEMO_STATE_ACCOUNTS.map((a) => `    ${a.email.padEnd(36)} ${a.role}`),
    `  Stadt Halle (Saale)   ${url}/t/${halle}/anmelden`,
    ...DEMO_KOMMUNE_ACCOUNTS.map((a) => `    ${demoEmail(a.local, halle).padEnd(36)} ${a.role}`),
    "  Jede andere Kommune genauso: <konto>@<kennung>.example, z. B. cdo@landkreis-harz.example",
  ].join("\n");
}

function setTenantStatus(
  values: Record<string, string | boolean | undefined>,
  status: "active" | "suspended",
) {
  return withRuntimeDb(async (db) => {
    const { slug } = parse(z.object({ slug: tenantSlug }), values);
    const tenant = await withTenant(db, STATE_TENANT_ID, async (tx) => {
      const before = await queries.getTenantBySlug(tx, slug);
      if (!before) throw new Error(`no tenant with slug ${slug}`);
      await queries.setTenantStatus(tx, STATE_TENANT_ID, CLI_ACTOR, before.id, status);
      return before;
    });
    if (status === "suspended") {
      const ended = await withTenant(db, tenant.id, (tx) =>
        endSessionsByState(tx, tenant.id, CLI_ACTOR, "tenant.suspended_by_state"),
      );
      console.log(`tenant ${slug} suspended, ${ended} sessions ended`);
    } else {
      console.log(`tenant ${slug} reactivated`);
    }
  });
}
