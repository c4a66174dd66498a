// Writes audit entries inside the caller's tenant transaction, so a write and its audit entry commit together.
import type { AuditAction, AuditEntity } from "@spatz/domain";
import { auditLog } from "./schema/audit.ts";
import type { TenantTx } from "./tenant-tx.ts";

export type Actor = { userId: string | null; label: string; requestId?: string | null };

export type AuditInput = {
  /** A code with a German label in @spatz/domain audit-labels.ts (the Protokoll shows the label). */
  action: AuditAction;
  entityType: AuditEntity;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
};

export async function writeAudit(
  tx: TenantTx,
  tenantId: string,
  actor: Actor,
  entry: AuditInput,
): Promise<void> {
  await tx.insert(auditLog).values(auditRow(tenantId, actor, entry));
}

/** Many entries of one operation (e.g. an import) in one statement; same transaction rule as writeAudit. */
export async function writeAuditBatch(
  tx: TenantTx,
  tenantId: string,
  actor: Actor,
  entries: readonly AuditInput[],
): Promise<void> {
  for (let i = 0; i < entries.length; i += 500) {
    await tx
      .insert(auditLog)
      .values(entries.slice(i, i + 500).map((entry) => auditRow(tenantId, actor, entry)));
  }
}

function auditRow(tenantId: string, actor: Actor, entry: AuditInput) {
  return {
    tenantId,
    actorUserId: actor.userId,
    actorLabel: actor.label,
    requestId: actor.requestId ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    before: redact(entry.before),
    after: redact(entry.after),
  };
}

const SECRET_KEYS = new Set(["passwordHash", "secretHash", "tokenHash", "password"]);

/** Secrets never reach the audit log, not even as hashes. */
function redact(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return value.map(redact);
  if (value instanceof Date) return value.toISOString();
  if (typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([key]) => !SECRET_KEYS.has(key))
      .map(([key, v]) => [key, redact(v)]),
  );
}
