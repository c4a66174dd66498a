// Portfolio helpers shared by the isolation, authorization, integration, browser and benchmark code.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Database, queries, withTenant } from "@spatz/db";
import type { ApiSession } from "./api-client.ts";
import type { TestApp } from "./server.ts";

export const HALLE_TSV_PATH = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../db/seed-data/halle/projektliste-2023.tsv",
);

export function halleTsv(): string {
  return readFileSync(HALLE_TSV_PATH, "utf8");
}

export function base64(bytes: Uint8Array | string): string {
  return Buffer.from(typeof bytes === "string" ? new TextEncoder().encode(bytes) : bytes).toString("base64");
}

/** The TSV as German Excel saves "CSV (Trennzeichen-getrennt)": semicolons, CRLF, Windows-1252. */
export function halleAsWindows1252Csv(): Uint8Array {
  const lines = halleTsv().trimEnd().split("\n");
  const csv = lines
    .map((line) =>
      line
        .split("\t")
        .map((cell) => (/[;"\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell))
        .join(";"),
    )
    .join("\r\n");
  // Every character of the list (ä, ö, ü, ß) is in Latin-1, where Windows-1252 and Latin-1 agree.
  if ([...csv].some((c) => c.charCodeAt(0) > 0xff))
    throw new Error("fixture has characters outside Windows-1252");
  return new Uint8Array(Buffer.from(`${csv}\r\n`, "latin1"));
}

export type ImportAnswer = {
  ok: boolean;
  committed?: boolean;
  rowCount: number;
  headers: string[];
  mapping: Record<string, number | null>;
  errors: { line: number; column: string; message: string }[];
  warnings: { line: number; column: string; field: string; message: string }[];
  counts: { create: number; update: number };
  rows: { line: number; action: string; name: string }[];
  newOrgUnits: string[];
};

export async function importFile(
  session: ApiSession,
  bytes: Uint8Array | string,
  fileName: string,
  mapping?: Record<string, number | null>,
): Promise<{ preview: ImportAnswer; commit: ImportAnswer }> {
  const contentBase64 = base64(bytes);
  const preview = await session.must<ImportAnswer>("portfolio.importPreview", {
    fileName,
    contentBase64,
    mapping,
  });
  const commit = await session.must<ImportAnswer>("portfolio.importCommit", {
    fileName,
    contentBase64,
    mapping: mapping ?? preview.mapping,
  });
  return { preview, commit };
}

export type ListedProject = {
  id: string;
  name: string;
  gbCode: string;
  rCode: string;
  startDate: string;
  endDate: string;
  status: string;
  duration: string;
  leadName: string | null;
  budgetCents: number | null;
};

export async function allProjects(session: ApiSession, filter: Record<string, unknown> = {}) {
  return session.must<{ items: ListedProject[]; total: number }>("portfolio.list", {
    filter,
    sort: "name",
    dir: "asc",
    page: 1,
    pageSize: 200,
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Database fixtures, written through the same domain functions the API uses (so they carry audit entries too)

export const FIXTURE_ACTOR = { userId: null, label: "Test" };

export type ProjectFixture = {
  projectId: string;
  milestoneId: string;
  gbId: string;
  rId: string;
  name: string;
};

/** A GB "T<n>" with an R "10" below it, in the tenant. */
export async function orgUnitsFixture(db: Database, tenantId: string) {
  return withTenant(db, tenantId, async (tx) => {
    const units = await queries.listOrgUnits(tx);
    const { gb, r } = await queries.ensureGbAndR(tx, tenantId, units, "TEST", "10");
    return { gbId: gb.id, rId: r.id };
  });
}

export async function projectFixture(
  db: Database,
  tenantId: string,
  opts: { leadUserId?: string | null; name?: string } = {},
): Promise<ProjectFixture> {
  const { gbId, rId } = await orgUnitsFixture(db, tenantId);
  const name = opts.name ?? `Testprojekt ${randomUUID().slice(0, 8)}`;
  return withTenant(db, tenantId, async (tx) => {
    const project = await queries.createProject(tx, tenantId, FIXTURE_ACTOR, {
      gbId,
      rId,
      name,
      description: "Fixture",
      startDate: "2024-01-01",
      endDate: "2024-12-31",
      status: "in_progress",
      priority: null,
      method: "agile",
      leadName: null,
      leadUserId: opts.leadUserId ?? null,
      budgetCents: 1_000_000,
      effortDays: 20,
      notes: null,
    });
    const milestone = await queries.addMilestone(tx, tenantId, FIXTURE_ACTOR, {
      projectId: project.id,
      title: "Abnahme",
      dueDate: "2024-06-30",
      done: false,
    });
    return { projectId: project.id, milestoneId: milestone.id, gbId, rId, name };
  });
}

const nextYear = new Map<string, number>();
/** A registration round in a year not yet used by the tenant (the fixture counts up from 2000). */
export async function roundFixture(db: Database, tenantId: string, title = "Testrunde") {
  const year = nextYear.get(tenantId) ?? 2000;
  nextYear.set(tenantId, year + 1);
  return withTenant(db, tenantId, (tx) =>
    queries.openRound(tx, tenantId, FIXTURE_ACTOR, { year, title: `${title} ${year}`, deadline: null }),
  );
}

const openRounds = new Map<string, string>();
/** One open round per tenant (year 2100) that proposals can be registered in. */
export async function openRoundFixture(db: Database, tenantId: string): Promise<string> {
  const cached = openRounds.get(tenantId);
  if (cached) return cached;
  const round = await withTenant(db, tenantId, (tx) =>
    queries.openRound(tx, tenantId, FIXTURE_ACTOR, {
      year: 2100,
      title: "Anmeldung für 2100",
      deadline: null,
    }),
  );
  openRounds.set(tenantId, round.id);
  return round.id;
}

export async function proposalFixture(
  db: Database,
  tenantId: string,
  opts: { submittedBy: string | null; status?: "submitted" | "assessed"; name?: string },
) {
  const roundId = await openRoundFixture(db, tenantId);
  const { gbId, rId } = await orgUnitsFixture(db, tenantId);
  return withTenant(db, tenantId, async (tx) => {
    const proposal = await queries.submitProposal(tx, tenantId, FIXTURE_ACTOR, opts.submittedBy as string, {
      roundId,
      gbId,
      rId,
      name: opts.name ?? `Anmeldung ${randomUUID().slice(0, 8)}`,
      description: "",
      justification: "",
      startDate: "2100-01-01",
      endDate: "2100-12-31",
      method: null,
      leadName: null,
      budgetCents: null,
      effortDays: null,
    });
    if (opts.status === "assessed")
      await queries.scoreProposal(
        tx,
        tenantId,
        FIXTURE_ACTOR,
        proposal.id,
        { strategicFit: 4, urgency: 3, dependencies: 2, cost: 5 },
        "",
      );
    return proposal;
  });
}

export async function savedFilterFixture(db: Database, tenantId: string, userId: string, name?: string) {
  return withTenant(db, tenantId, (tx) =>
    queries.saveFilter(tx, tenantId, FIXTURE_ACTOR, userId, name ?? `Filter ${randomUUID().slice(0, 6)}`, {
      status: "in_progress",
    }),
  );
}

export async function orgUnitFixture(db: Database, tenantId: string) {
  return withTenant(db, tenantId, (tx) =>
    queries.createOrgUnit(tx, tenantId, FIXTURE_ACTOR, {
      code: `U${randomUUID().slice(0, 6)}`,
      name: "Einheit zum Testen",
      kind: "gb",
      parentId: null,
    }),
  );
}

/** Column mapping for a file with the headers GB, R, Projektname, Start, Ende. */
export const SIMPLE_MAPPING = {
  externalId: null,
  gb: 0,
  r: 1,
  name: 2,
  description: null,
  start: 3,
  end: 4,
  declaredDuration: null,
  status: null,
  priority: null,
  method: null,
  lead: null,
  budgetEur: null,
  effortDays: null,
  notes: null,
};

export function simpleList(...names: string[]): string {
  return `GB\tR\tProjektname\tStart\tEnde\n${names.map((n) => `OB\t10\t${n}\t01.01.2024\t31.12.2024`).join("\n")}\n`;
}

/**
 * The portfolio download as the list's export buttons send it: a form POST from our own origin (the export is audited,
 * so it passes the CSRF check). `fields` is a query string like "format=csv&filter=…".
 */
export async function downloadPortfolio(
  app: TestApp,
  cookie: string | null,
  fields: string,
): Promise<Response> {
  return app.app.request("/dateien/portfolio", {
    method: "POST",
    body: new URLSearchParams(fields).toString(),
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      origin: "http://spatz.test",
      ...(cookie ? { cookie } : {}),
    },
  });
}
