// Evidence files of measures: list (without the bytes), one file with its bytes for the download, add and remove. Adding
// decides the type from the content (@spatz/domain detectEvidenceFile); removing keeps a completed measure's evidence
// (text, link or at least one file; the database enforces the same with measures_completed_has_evidence). Both writes
// are audit-logged on the measure, so its history shows them.
import { createHash } from "node:crypto";
import {
  detectEvidenceFile,
  EVIDENCE_MAX_FILES,
  EVIDENCE_TOO_MANY_MESSAGE,
  evidenceQuotaMessage,
  formatFileSize,
} from "@spatz/domain";
import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import { type Actor, writeAudit } from "../audit.ts";
import { DomainError, isUniqueViolation } from "../domain-error.ts";
import { measureEvidenceFiles } from "../schema/evidence-files.ts";
import { users } from "../schema/identity.ts";
import type { Measure } from "../schema/measures.ts";
import type { TenantTx } from "../tenant-tx.ts";
import { tenantRef } from "./tenant-ref.ts";

const f = measureEvidenceFiles;

const listColumns = {
  id: f.id,
  measureId: f.measureId,
  fileName: f.fileName,
  mediaType: f.mediaType,
  sizeBytes: f.sizeBytes,
  sha256: f.sha256,
  uploadedAt: f.uploadedAt,
  uploadedByName: users.displayName,
};

/** A measure's files, oldest first (at most EVIDENCE_MAX_FILES, so no paging). */
export async function listEvidenceFiles(tx: TenantTx, measureId: string) {
  return tx
    .select(listColumns)
    .from(f)
    .leftJoin(users, tenantRef(users, f.tenantId, f.uploadedBy))
    .where(eq(f.measureId, measureId))
    .orderBy(asc(f.uploadedAt), asc(f.fileName), asc(f.id));
}

/** One file with its bytes, or null (also for another tenant's id: row-level security hides it). */
export async function getEvidenceFile(tx: TenantTx, id: string) {
  const [row] = await tx
    .select({
      id: f.id,
      measureId: f.measureId,
      fileName: f.fileName,
      mediaType: f.mediaType,
      sizeBytes: f.sizeBytes,
      content: f.content,
    })
    .from(f)
    .where(eq(f.id, id));
  return row ?? null;
}

/** The file's facts without its bytes (to check the rights on its measure before anything else). */
export async function getEvidenceFileInfo(tx: TenantTx, id: string) {
  const [row] = await tx
    .select({
      id: f.id,
      measureId: f.measureId,
      fileName: f.fileName,
      sizeBytes: f.sizeBytes,
      sha256: f.sha256,
    })
    .from(f)
    .where(eq(f.id, id));
  return row ?? null;
}

/** The ids among `measureIds` that have at least one file. */
export async function measuresWithEvidenceFiles(tx: TenantTx, measureIds: string[]): Promise<Set<string>> {
  if (measureIds.length === 0) return new Set();
  const rows = await tx
    .selectDistinct({ measureId: f.measureId })
    .from(f)
    .where(inArray(f.measureId, measureIds));
  return new Set(rows.map((r) => r.measureId));
}

export async function countEvidenceFiles(tx: TenantTx, measureId: string): Promise<number> {
  const [row] = await tx.select({ n: count() }).from(f).where(eq(f.measureId, measureId));
  return row?.n ?? 0;
}

/** What the audit log keeps of a file: never the bytes, the hash proves which file it was. */
function auditFacts(file: {
  id: string;
  fileName: string;
  sizeBytes: number;
  sha256: string;
  mediaType?: string;
}) {
  return {
    evidenceFile: `${file.fileName} (${formatFileSize(file.sizeBytes)})`,
    fileId: file.id,
    sha256: file.sha256,
    ...(file.mediaType ? { mediaType: file.mediaType } : {}),
  };
}

/** Bytes of evidence files the current tenant stores (RLS limits the sum to it). */
export async function evidenceBytesUsed(tx: TenantTx): Promise<number> {
  const [row] = await tx.select({ n: sql<string>`coalesce(sum(${f.sizeBytes}), 0)` }).from(f);
  return Number(row?.n ?? 0);
}

/**
 * Stores `bytes` as evidence of the loaded measure. Refuses (field "file", German) a type that is not allowed or does
 * not match its name, a file the measure already has, more than EVIDENCE_MAX_FILES files, and a file that would take
 * the Kommune over `quotaBytes` in total.
 */
export async function addEvidenceFile(
  tx: TenantTx,
  tenantId: string,
  actor: Actor,
  measure: Pick<Measure, "id">,
  upload: { fileName: string; bytes: Uint8Array },
  limits: { quotaBytes?: number } = {},
) {
  const detected = detectEvidenceFile(upload.fileName, upload.bytes);
  if (!detected.ok) throw new DomainError("BAD_REQUEST", detected.message, "file");
  if ((await countEvidenceFiles(tx, measure.id)) >= EVIDENCE_MAX_FILES)
    throw new DomainError("BAD_REQUEST", EVIDENCE_TOO_MANY_MESSAGE, "file");
  if (limits.quotaBytes !== undefined) {
    // One upload at a time per Kommune past this point, so that two parallel uploads cannot both fit the last space.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`evidence-quota:${tenantId}`}, 0))`);
    const used = await evidenceBytesUsed(tx);
    if (used + upload.bytes.length > limits.quotaBytes)
      throw new DomainError("BAD_REQUEST", evidenceQuotaMessage(used, limits.quotaBytes), "file");
  }
  const sha256 = createHash("sha256").update(upload.bytes).digest("hex");
  const values = {
    tenantId,
    measureId: measure.id,
    fileName: detected.file.fileName,
    mediaType: detected.file.mediaType,
    sizeBytes: upload.bytes.length,
    sha256,
    content: upload.bytes,
    uploadedBy: actor.userId,
  };
  const duplicate = new DomainError(
    "BAD_REQUEST",
    "Diese Datei ist bereits als Nachweis hinterlegt.",
    "file",
  );
  // Asked first, so that the bytes are not sent for nothing; the unique index decides a race.
  const [existing] = await tx
    .select({ id: f.id })
    .from(f)
    .where(and(eq(f.measureId, measure.id), eq(f.sha256, sha256)));
  if (existing) throw duplicate;
  let row: { id: string; uploadedAt: Date } | undefined;
  try {
    [row] = await tx.insert(f).values(values).returning({ id: f.id, uploadedAt: f.uploadedAt });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate;
    throw error;
  }
  await writeAudit(tx, tenantId, actor, {
    action: "measure.evidence_add",
    entityType: "measure",
    entityId: measure.id,
    after: auditFacts({ ...values, id: row!.id }),
  });
  return {
    id: row!.id,
    measureId: measure.id,
    fileName: values.fileName,
    mediaType: values.mediaType,
    sizeBytes: values.sizeBytes,
    sha256,
    uploadedAt: row!.uploadedAt,
  };
}

/**
 * Removes one file of the loaded measure. A completed measure keeps its evidence: its last file goes only when it
 * also has a text or a link (a completion without evidence would make the maturity level unprovable).
 */
export async function removeEvidenceFile(
  tx: TenantTx,
  tenantId: string,
  actor: Actor,
  measure: Pick<Measure, "id" | "status" | "evidenceText" | "evidenceUrl">,
  file: { id: string; fileName: string; sizeBytes: number; sha256: string },
) {
  if (measure.status === "completed" && !measure.evidenceText && !measure.evidenceUrl) {
    if ((await countEvidenceFiles(tx, measure.id)) <= 1)
      throw new DomainError(
        "CONFLICT",
        "Die Maßnahme ist abgeschlossen und diese Datei ist ihr einziger Nachweis. Bitte zuerst einen anderen Nachweis (Beschreibung, Link oder Datei) hinterlegen.",
      );
  }
  await tx.delete(f).where(and(eq(f.tenantId, tenantId), eq(f.id, file.id)));
  await writeAudit(tx, tenantId, actor, {
    action: "measure.evidence_remove",
    entityType: "measure",
    entityId: measure.id,
    before: auditFacts(file),
  });
}
