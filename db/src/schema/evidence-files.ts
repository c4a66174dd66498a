// Evidence files (Nachweisdateien) of measures: a Beschluss, an Abnahmeprotokoll or a photo that proves a measure was
// completed. The bytes live in PostgreSQL with the measure (same tenant, same backup, same row-level security); the
// file type is decided from the content on upload (@spatz/domain detectEvidenceFile), never from the browser.
import { sql } from "drizzle-orm";
import {
  check,
  foreignKey,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { bytea } from "./columns.ts";
import { users } from "./identity.ts";
import { measures } from "./measures.ts";
import { tenantIdColumn, tenantPolicy } from "./rls.ts";
import { tenants } from "./tenants.ts";

export const measureEvidenceFiles = pgTable(
  "measure_evidence_files",
  {
    tenantId: tenantIdColumn().references(() => tenants.id),
    id: uuid("id").notNull().defaultRandom(),
    measureId: uuid("measure_id").notNull(),
    /** As uploaded, without any path; shown in the list and used for the download. */
    fileName: text("file_name").notNull(),
    /** Detected from the content (magic bytes), e.g. application/pdf. */
    mediaType: text("media_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    /** SHA-256 of the content, hex: shown for integrity checks and used to refuse the same file twice. */
    sha256: text("sha256").notNull(),
    content: bytea("content").notNull(),
    uploadedBy: uuid("uploaded_by"),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    // A file belongs to its measure: it goes with it (measures are discarded, not deleted, so this is for the owner).
    foreignKey({
      columns: [t.tenantId, t.measureId],
      foreignColumns: [measures.tenantId, measures.id],
    }).onDelete("cascade"),
    foreignKey({ columns: [t.tenantId, t.uploadedBy], foreignColumns: [users.tenantId, users.id] }),
    // Starts with the measure: the list of a measure's files reads this index.
    uniqueIndex("measure_evidence_files_measure_sha256_key").on(t.tenantId, t.measureId, t.sha256),
    check("measure_evidence_files_size_matches", sql`${t.sizeBytes} = octet_length(${t.content})`),
    check("measure_evidence_files_not_empty", sql`${t.sizeBytes} > 0`),
    check("measure_evidence_files_sha256_hex", sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
    check("measure_evidence_files_name_present", sql`length(${t.fileName}) between 1 and 255`),
    tenantPolicy("measure_evidence_files"),
  ],
).enableRLS();

export type MeasureEvidenceFile = typeof measureEvidenceFiles.$inferSelect;
