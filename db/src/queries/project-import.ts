// Import of a project list (TSV, German Excel CSV, XLSX) on top of the pure @spatz/portfolio reader and validator:
// plan (mapping, per-row errors and warnings, which rows create and which update projects) and commit. The commit
// re-plans from the same bytes inside the caller's transaction and writes everything or nothing.
import {
  type ColumnMapping,
  fieldDefinition,
  type ImportedProject,
  ImportFileError,
  type ImportTable,
  mappingIssues,
  projectFields,
  projectNaturalKey,
  type RowIssue,
  readTableOffThread,
  suggestMapping,
  validateRows,
} from "@spatz/portfolio";
import { eq } from "drizzle-orm";
import { type Actor, type AuditInput, writeAudit, writeAuditBatch } from "../audit.ts";
import { DomainError } from "../domain-error.ts";
import { users } from "../schema/identity.ts";
import { projects } from "../schema/portfolio.ts";
import type { TenantTx } from "../tenant-tx.ts";
import { codeKey, ensureGbAndR, listOrgUnits, type OrgUnitRow } from "./org-units.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Status of projects created by an import whose file has no Status column (or an empty cell). */
export const IMPORT_DEFAULT_STATUS = "approved" as const;

type Existing = {
  id: string;
  externalId: string | null;
  naturalKey: string;
  name: string;
};

export type ImportRowPlan = {
  line: number;
  action: "create" | "update";
  projectId: string | null;
  gb: string;
  r: string;
  name: string;
  start: string;
  end: string;
  status: string | null;
};

export type ImportPlan = {
  fileName: string;
  format: string;
  encoding: string | null;
  delimiter: string | null;
  sheetName: string | null;
  headers: string[];
  /** The mapping used: the one given, or the suggestion from the headers. */
  mapping: ColumnMapping;
  fields: { field: string; label: string; description: string; required: boolean }[];
  rowCount: number;
  ok: boolean;
  errors: RowIssue[];
  warnings: RowIssue[];
  rows: ImportRowPlan[];
  counts: { create: number; update: number };
  /** "OB / 201": GB/R combinations the import will create as org units. */
  newOrgUnits: string[];
};

function idKey(text: string): string {
  return text.normalize("NFKC").trim().toLocaleLowerCase("de-DE");
}

function rowIssue(
  project: ImportedProject,
  field: RowIssue["field"],
  column: string,
  message: string,
): RowIssue {
  return {
    line: project.line,
    column,
    field,
    value: field === "externalId" ? (project.externalId ?? "") : project.name,
    message: `Zeile ${project.line}, Spalte „${column}“: ${message}`,
  };
}

/** Reads and validates the file and matches every valid row to an existing project (by Projekt-ID, else GB+R+name). */
export async function planImport(
  tx: TenantTx,
  bytes: Uint8Array,
  fileName: string,
  requestedMapping?: ColumnMapping,
): Promise<ImportPlan & { projects: ImportedProject[]; matches: (Existing | null)[] }> {
  let table: ImportTable;
  try {
    table = await readTableOffThread(bytes, fileName);
  } catch (error) {
    if (error instanceof ImportFileError) throw new DomainError("BAD_REQUEST", error.message, "file");
    throw error;
  }
  const mapping = requestedMapping ?? suggestMapping(table.headers);
  const result = validateRows(table, mapping);
  const columnOf = (field: "externalId" | "name") => {
    const index = mapping[field];
    return index === null
      ? fieldDefinition(field).label
      : (table.headers[index] ?? fieldDefinition(field).label);
  };

  const existing: Existing[] = await tx
    .select({
      id: projects.id,
      externalId: projects.externalId,
      naturalKey: projects.naturalKey,
      name: projects.name,
    })
    .from(projects);
  const byId = new Map(existing.map((p) => [p.id.toLowerCase(), p]));
  const byExternal = new Map(existing.filter((p) => p.externalId).map((p) => [idKey(p.externalId!), p]));
  const byKey = new Map(existing.map((p) => [p.naturalKey, p]));
  const units = await listOrgUnits(tx);

  const errors = [...result.errors];
  const matches: (Existing | null)[] = [];
  const rows: ImportRowPlan[] = [];
  const claimed = new Map<string, number>();
  const newUnits = new Set<string>();
  for (const project of result.projects) {
    const key = projectNaturalKey(project);
    const external = project.externalId ? idKey(project.externalId) : null;
    let match: Existing | null = null;
    if (external)
      match = (UUID.test(external) ? byId.get(external) : undefined) ?? byExternal.get(external) ?? null;
    if (!match) {
      match = byKey.get(key) ?? null;
      if (match && external && match.externalId && idKey(match.externalId) !== external) {
        errors.push(
          rowIssue(
            project,
            "externalId",
            columnOf("externalId"),
            `Das Projekt „${project.name}“ hat in SPATZ die Projekt-ID „${match.externalId}“, in der Datei steht ` +
              `„${project.externalId}“. Bitte prüfen Sie die Projekt-ID.`,
          ),
        );
        continue;
      }
    } else if (match.naturalKey !== key) {
      // Renamed or moved by the file: the new GB + R + name must not belong to another project.
      const other = byKey.get(key);
      if (other && other.id !== match.id) {
        errors.push(
          rowIssue(
            project,
            "name",
            columnOf("name"),
            `Ein anderes Projekt „${other.name}“ hat in SPATZ bereits GB „${project.gb}“, R „${project.r}“ und ` +
              "diesen Namen. Bitte wählen Sie einen anderen Projektnamen.",
          ),
        );
        continue;
      }
    }
    if (match) {
      const first = claimed.get(match.id);
      if (first !== undefined) {
        errors.push(
          rowIssue(
            project,
            "name",
            columnOf("name"),
            `Diese Zeile und Zeile ${first} beziehen sich auf dasselbe Projekt „${match.name}“ in SPATZ.`,
          ),
        );
        continue;
      }
      claimed.set(match.id, project.line);
    }
    const gb = units.find((u) => u.kind === "gb" && codeKey(u.code) === codeKey(project.gb));
    const r =
      gb &&
      units.find((u) => u.kind === "r" && u.parentId === gb.id && codeKey(u.code) === codeKey(project.r));
    if (!r) newUnits.add(`${gb?.code ?? project.gb.trim()} / ${project.r.trim()}`);
    matches.push(match);
    rows.push({
      line: project.line,
      action: match ? "update" : "create",
      projectId: match?.id ?? null,
      gb: project.gb,
      r: project.r,
      name: project.name,
      start: project.start,
      end: project.end,
      status: project.status ?? null,
    });
  }
  errors.sort((a, b) => a.line - b.line);
  const plannedLines = new Set(rows.map((r) => r.line));
  const ok = errors.length === 0;
  return {
    fileName,
    format: table.format,
    encoding: table.encoding,
    delimiter: table.delimiter,
    sheetName: table.sheetName ?? null,
    headers: table.headers,
    mapping,
    fields: projectFields.map((f) => ({
      field: f.field,
      label: f.label,
      description: f.description,
      required: f.required,
    })),
    rowCount: result.rowCount,
    ok,
    errors,
    warnings: result.warnings,
    rows,
    counts: {
      create: rows.filter((r) => r.action === "create").length,
      update: rows.filter((r) => r.action === "update").length,
    },
    newOrgUnits: [...newUnits],
    projects: result.projects.filter((p) => plannedLines.has(p.line)),
    matches,
  };
}

/** A plan without the internal matches, for the preview screen. */
export function publicPlan(plan: Awaited<ReturnType<typeof planImport>>): ImportPlan {
  const { projects: _p, matches: _m, ...rest } = plan;
  return rest;
}

export type ImportCommitResult = ImportPlan & { committed: boolean };

/**
 * Plans and, when the plan has no errors, writes it: org units first, then new projects (one insert), then updates,
 * each with its audit entry, plus one summary entry. Fields whose column is not mapped keep their stored values;
 * a mapped but empty cell clears the value. Nothing is written when the plan has errors.
 */
export async function commitImport(
  tx: TenantTx,
  tenantId: string,
  actor: Actor,
  bytes: Uint8Array,
  fileName: string,
  mapping?: ColumnMapping,
): Promise<ImportCommitResult> {
  const plan = await planImport(tx, bytes, fileName, mapping);
  if (!plan.ok || plan.rows.length === 0) return { ...publicPlan(plan), committed: false };
  if (mappingIssues(plan.mapping, plan.headers).length > 0) return { ...publicPlan(plan), committed: false };
  const mapped = (field: keyof ColumnMapping) => plan.mapping[field] !== null;

  const units: OrgUnitRow[] = await listOrgUnits(tx);
  // A Projektleitung that names exactly one active user of the Kommune links the project to that user (who may then
  // edit it); other names stay plain text.
  const people = await tx
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(eq(users.status, "active"));
  const userByName = new Map<string, string | null>();
  for (const person of people) {
    const key = idKey(person.displayName);
    userByName.set(key, userByName.has(key) ? null : person.id);
  }
  const leadUserOf = (lead: string | undefined) => (lead ? (userByName.get(idKey(lead)) ?? null) : null);
  const createdUnits: OrgUnitRow[] = [];
  const audits: AuditInput[] = [];
  const inserts: (typeof projects.$inferInsert)[] = [];
  const now = new Date();

  for (const [index, project] of plan.projects.entries()) {
    const match = plan.matches[index] ?? null;
    const { gb, r, created } = await ensureGbAndR(tx, tenantId, units, project.gb, project.r);
    createdUnits.push(...created);
    const naturalKey = projectNaturalKey({ gb: gb.code, r: r.code, name: project.name });
    const externalId =
      project.externalId && !UUID.test(project.externalId.trim()) ? project.externalId.trim() : undefined;
    const optional = <
      K extends "status" | "priority" | "method" | "lead" | "budgetCents" | "effortDays" | "notes",
    >(
      key: K,
      field: keyof ColumnMapping,
    ) => (mapped(field) ? { value: project[key] ?? null } : null);
    const values = {
      gbId: gb.id,
      rId: r.id,
      name: project.name,
      startDate: project.start,
      endDate: project.end,
      naturalKey,
      ...(mapped("description") ? { description: project.description } : {}),
      ...(optional("priority", "priority") ? { priority: project.priority ?? null } : {}),
      ...(optional("method", "method") ? { method: project.method ?? null } : {}),
      ...(optional("lead", "lead")
        ? { leadName: project.lead ?? null, leadUserId: leadUserOf(project.lead) }
        : {}),
      ...(optional("budgetCents", "budgetEur") ? { budgetCents: project.budgetCents ?? null } : {}),
      ...(optional("effortDays", "effortDays") ? { effortDays: project.effortDays ?? null } : {}),
      ...(optional("notes", "notes") ? { notes: project.notes ?? null } : {}),
      ...(externalId ? { externalId } : {}),
    };
    if (!match) {
      const status = project.status ?? IMPORT_DEFAULT_STATUS;
      inserts.push({
        tenantId,
        ...values,
        status,
        completedAt: status === "completed" ? now : null,
      });
      continue;
    }
    const [before] = await tx.select().from(projects).where(eq(projects.id, match.id));
    const status = mapped("status") && project.status ? project.status : before!.status;
    const [after] = await tx
      .update(projects)
      .set({
        ...values,
        status,
        completedAt:
          status === "completed"
            ? (before!.completedAt ?? now)
            : status === before!.status
              ? before!.completedAt
              : null,
        updatedAt: now,
      })
      .where(eq(projects.id, match.id))
      .returning();
    const { before: b, after: a } = diff(before!, after!);
    if (Object.keys(a).length > 0) {
      audits.push({
        action: "project.import_update",
        entityType: "project",
        entityId: match.id,
        before: b,
        after: { ...a, line: project.line, file: fileName },
      });
    }
  }
  for (let i = 0; i < inserts.length; i += 500) {
    const created = await tx
      .insert(projects)
      .values(inserts.slice(i, i + 500))
      .returning();
    for (const row of created) {
      const { tenantId: _t, naturalKey: _k, createdAt: _c, updatedAt: _u, ...after } = row;
      audits.push({
        action: "project.import_create",
        entityType: "project",
        entityId: row.id,
        after: { ...after, file: fileName },
      });
    }
  }
  await writeAuditBatch(tx, tenantId, actor, [
    ...createdUnits.map(
      (unit): AuditInput => ({
        action: "org_unit.create",
        entityType: "org_unit",
        entityId: unit.id,
        after: { ...unit, source: fileName },
      }),
    ),
    ...audits,
  ]);
  await writeAudit(tx, tenantId, actor, {
    action: "portfolio.import",
    entityType: "portfolio_import",
    entityId: null,
    after: {
      file: fileName,
      format: plan.format,
      encoding: plan.encoding,
      rows: plan.rowCount,
      created: plan.counts.create,
      updated: plan.counts.update,
      warnings: plan.warnings.length,
      orgUnitsCreated: createdUnits.map((u) => u.code),
    },
  });
  return { ...publicPlan(plan), committed: true };
}

function diff(before: typeof projects.$inferSelect, after: typeof projects.$inferSelect) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof typeof after)[]) {
    if (key === "updatedAt" || key === "naturalKey" || key === "tenantId") continue;
    const x = before[key] instanceof Date ? (before[key] as Date).toISOString() : before[key];
    const y = after[key] instanceof Date ? (after[key] as Date).toISOString() : after[key];
    if (JSON.stringify(x) !== JSON.stringify(y)) {
      b[key] = x;
      a[key] = y;
    }
  }
  return { before: b, after: a };
}
