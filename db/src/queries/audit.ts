// Reading the audit log of the current tenant (writing is in ../audit.ts).
import { and, count, desc, eq, gte, ilike, lt, type SQL } from "drizzle-orm";
import { auditLog } from "../schema/audit.ts";
import type { TenantTx } from "../tenant-tx.ts";

export type AuditFilter = {
  action?: string;
  entityType?: string;
  entityId?: string;
  actor?: string;
  from?: Date;
  to?: Date;
  page: number;
  pageSize: number;
};

export async function listAudit(tx: TenantTx, f: AuditFilter) {
  const conditions: (SQL | undefined)[] = [
    f.action ? ilike(auditLog.action, `${f.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined,
    f.entityType ? eq(auditLog.entityType, f.entityType) : undefined,
    f.entityId ? eq(auditLog.entityId, f.entityId) : undefined,
    f.actor ? ilike(auditLog.actorLabel, `%${f.actor.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined,
    f.from ? gte(auditLog.at, f.from) : undefined,
    f.to ? lt(auditLog.at, f.to) : undefined,
  ];
  const where = and(...conditions);
  const [items, [total]] = await Promise.all([
    tx
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    tx.select({ n: count() }).from(auditLog).where(where),
  ]);
  return { items, total: total?.n ?? 0, page: f.page, pageSize: f.pageSize };
}

export async function distinctAuditActions(tx: TenantTx): Promise<string[]> {
  const rows = await tx.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(auditLog.action);
  return rows.map((r) => r.action);
}
