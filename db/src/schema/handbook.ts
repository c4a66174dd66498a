// The digital PM-Koffer (issue 17, docs/adr/0017-pm-koffer.md): the Land's versioned handbook (global tables that
// every Kommune reads and only the state writes; a published version never changes – triggers in migration 0036), and
// each Kommune's own chapters and the version it has taken note of (tenant tables).
import { HANDBOOK_ENTRY_KINDS, HANDBOOK_FORMS, HANDBOOK_STATUSES, PM_STANDARDS } from "@spatz/domain";
import { sql } from "drizzle-orm";
import { integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, enumCheck, updatedAt } from "./columns.ts";
import { tenantIdColumn, tenantPolicy } from "./rls.ts";
import { stateOwned, tenants } from "./tenants.ts";

export const handbookVersions = pgTable(
  "handbook_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    version: integer("version").notNull(),
    status: text("status", { enum: HANDBOOK_STATUSES }).notNull().default("draft"),
    title: text("title").notNull(),
    /** What changed against the version before (shown to the Kommunen with the notice). */
    changes: text("changes").notNull().default(""),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    publishedBy: text("published_by"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    enumCheck("handbook_versions_status_check", t.status, HANDBOOK_STATUSES),
    uniqueIndex("handbook_versions_version_key").on(t.version),
    uniqueIndex("handbook_versions_single_draft_key").on(t.status).where(sql`status = 'draft'`),
    ...stateOwned("handbook_versions"),
  ],
).enableRLS();

export const handbookChapters = pgTable(
  "handbook_chapters",
  {
    versionId: uuid("version_id")
      .notNull()
      .references(() => handbookVersions.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    position: integer("position").notNull(),
    kind: text("kind", { enum: HANDBOOK_ENTRY_KINDS }).notNull().default("chapter"),
    title: text("title").notNull(),
    body: text("body").notNull().default(""),
    standard: text("standard", { enum: PM_STANDARDS }),
    form: text("form", { enum: HANDBOOK_FORMS }),
  },
  (t) => [
    enumCheck("handbook_chapters_kind_check", t.kind, HANDBOOK_ENTRY_KINDS),
    enumCheck("handbook_chapters_standard_check", t.standard, PM_STANDARDS),
    enumCheck("handbook_chapters_form_check", t.form, HANDBOOK_FORMS),
    primaryKey({ columns: [t.versionId, t.key] }),
    ...stateOwned("handbook_chapters"),
  ],
).enableRLS();

/** A Kommune's own chapters and templates, shown after the Land's. */
export const handbookLocalChapters = pgTable(
  "handbook_local_chapters",
  {
    tenantId: tenantIdColumn().references(() => tenants.id),
    id: uuid("id").notNull().defaultRandom(),
    kind: text("kind", { enum: HANDBOOK_ENTRY_KINDS }).notNull().default("chapter"),
    title: text("title").notNull(),
    body: text("body").notNull().default(""),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    enumCheck("handbook_local_chapters_kind_check", t.kind, HANDBOOK_ENTRY_KINDS),
    primaryKey({ columns: [t.tenantId, t.id] }),
    tenantPolicy("handbook_local_chapters"),
  ],
).enableRLS();

/** The Land's version a Kommune has taken note of: a newer published one is announced until it does. */
export const handbookAcknowledgements = pgTable(
  "handbook_acknowledgements",
  {
    tenantId: tenantIdColumn().references(() => tenants.id),
    version: integer("version").notNull(),
    acknowledgedBy: text("acknowledged_by").notNull(),
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId] }), tenantPolicy("handbook_acknowledgements")],
).enableRLS();
