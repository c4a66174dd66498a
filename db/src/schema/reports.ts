// The report archive (issue 14): every generated report with its three files (PDF, CSV, XLSX), their SHA-256, the
// Stichtag its figures are as of, the model version and who or what triggered it. Tenant data like everything else
// (a Kommune's reports in its tenant, the Land's in the state's). Immutable: the runtime role may insert and read,
// never update or delete (migration 0022); one row per kind, scope and Stichtag, so a period's report exists once.
import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { bytea, enumCheck } from "./columns.ts";
import { tenantIdColumn, tenantPolicy } from "./rls.ts";
import { tenants } from "./tenants.ts";

export const reportKinds = ["reifegradbericht"] as const;
export type ReportKind = (typeof reportKinds)[number];

export const reportArchive = pgTable(
  "report_archive",
  {
    tenantId: tenantIdColumn().references(() => tenants.id),
    id: uuid("id").notNull().defaultRandom(),
    kind: text("kind", { enum: reportKinds }).notNull(),
    /** "" for the whole administration, otherwise the org unit's id (Reifegradbericht of e.g. the Gesundheitsamt). */
    scope: text("scope").notNull().default(""),
    /** German name of the scope as of generation, e.g. "gesamte Verwaltung" or "Gesundheitsamt". */
    scopeLabel: text("scope_label").notNull(),
    stichtag: date("stichtag", { mode: "string" }).notNull(),
    modelVersion: integer("model_version"),
    /** "Karin Leitung (leadership)" or "Zeitplan". */
    triggeredBy: text("triggered_by").notNull(),
    generatedAt: timestamp("generated_at", { withTimezone: true }).notNull().defaultNow(),
    fileBase: text("file_base").notNull(),
    pdf: bytea("pdf").notNull(),
    csv: bytea("csv").notNull(),
    xlsx: bytea("xlsx").notNull(),
    pdfSha256: text("pdf_sha256").notNull(),
    csvSha256: text("csv_sha256").notNull(),
    xlsxSha256: text("xlsx_sha256").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("report_archive_period_key").on(t.tenantId, t.kind, t.scope, t.stichtag),
    index("report_archive_list_idx").on(t.tenantId, t.generatedAt),
    enumCheck("report_archive_kind_check", t.kind, reportKinds),
    check(
      "report_archive_sha256",
      sql`${t.pdfSha256} ~ '^[0-9a-f]{64}$' and ${t.csvSha256} ~ '^[0-9a-f]{64}$' and ${t.xlsxSha256} ~ '^[0-9a-f]{64}$'`,
    ),
    tenantPolicy("report_archive"),
  ],
).enableRLS();
