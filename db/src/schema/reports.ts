// The report archive (issue 14): every generated report with its three files (PDF, CSV, XLSX), their SHA-256, the
// Stichtag its figures are as of, the model version and who or what triggered it. Tenant data like everything else
// (a Kommune's reports in its tenant, the Land's in the state's). Immutable: the runtime role may insert and read,
// never update or delete (migration 0022; retention deletes through one definer function, migration 0024); one row
// per kind, scope and Stichtag, so a period's report exists once. Beyond the tenant, two read rules, both enforced
// here: the state reads a Kommune's Reifegradbericht of the whole administration only while the Kommune shares its
// figures with the Land by name (benchmark_shares); a Landkreis reads the state's Rollout-Stand of its own Kreis.
import { REPORT_KINDS, type ReportKind } from "@spatz/domain";
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  pgPolicy,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { bytea, createdAt, enumCheck } from "./columns.ts";
import { users } from "./identity.ts";
import { appRole, tenantIdColumn, tenantPolicy } from "./rls.ts";
import { tenants } from "./tenants.ts";

export const reportKinds = REPORT_KINDS;
export type { ReportKind };

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
    pgPolicy("report_archive_state_reads_shared", {
      as: "permissive",
      for: "select",
      to: appRole,
      using: sql`kind = 'reifegradbericht' and scope = '' and (select app_current_tenant_is_state())
        and tenant_id = any ((select benchmark_shared_tenants())::uuid[])`,
    }),
    pgPolicy("report_archive_landkreis_reads_its_kreis", {
      as: "permissive",
      for: "select",
      to: appRole,
      using: sql`kind = 'rollout_stand' and tenant_id = (select id from tenants where kind = 'state')
        and scope = (select kreis_ags from tenants where id = (select app_current_tenant()) and kind = 'landkreis')`,
    }),
  ],
).enableRLS();

/** Who gets a mail when a scheduled report of a kind (and scope) is ready. Rows vanish with their user. */
export const reportSubscriptions = pgTable(
  "report_subscriptions",
  {
    tenantId: tenantIdColumn().references(() => tenants.id),
    userId: uuid("user_id").notNull(),
    kind: text("kind", { enum: reportKinds }).notNull(),
    scope: text("scope").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.userId, t.kind, t.scope] }),
    foreignKey({ columns: [t.tenantId, t.userId], foreignColumns: [users.tenantId, users.id] }).onDelete(
      "cascade",
    ),
    enumCheck("report_subscriptions_kind_check", t.kind, reportKinds),
    tenantPolicy("report_subscriptions"),
  ],
).enableRLS();

/**
 * Mails waiting to be sent (outbox): written in the transaction that decides a mail is due, sent afterwards by the
 * `mail.send` job, so no mail server is ever waited for inside a transaction and a crash between commit and enqueue
 * loses nothing (the hourly sweep enqueues what is still unsent). The dedupe key makes writing a mail idempotent.
 */
export const mailOutbox = pgTable(
  "mail_outbox",
  {
    tenantId: tenantIdColumn().references(() => tenants.id),
    id: uuid("id").notNull().defaultRandom(),
    /** E.g. "report:<report id>:<user id>": the same mail is written once however often the writer runs. */
    dedupeKey: text("dedupe_key").notNull(),
    recipient: text("recipient").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    /** The body carries a secret (an invitation link): it is replaced by a note once the mail is sent. */
    secret: boolean("secret").notNull().default(false),
    createdAt: createdAt(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("mail_outbox_dedupe_key").on(t.tenantId, t.dedupeKey),
    index("mail_outbox_unsent_idx").on(t.tenantId, t.createdAt).where(sql`sent_at is null`),
    tenantPolicy("mail_outbox"),
  ],
).enableRLS();
