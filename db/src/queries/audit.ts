// Reading the audit log of the current tenant (writing is in ../audit.ts).
import { and, count, desc, eq, getTableColumns, gte, ilike, lt, type SQL, sql } from "drizzle-orm";
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

/**
 * The object's name for the log: as it was at the time where the entry recorded it (title or name in its after/before
 * data), otherwise its current name (this tenant's rows only, RLS), otherwise none (the id is still shown).
 */
const SUBJECT_NAME = sql<string | null>`coalesce(
  ${auditLog.after} ->> 'title', ${auditLog.after} ->> 'name', ${auditLog.before} ->> 'title', ${auditLog.before} ->> 'name',
  case when ${auditLog.entityId} ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
    case ${auditLog.entityType}
      when 'measure' then (select m.title from measures m
        where m.tenant_id = ${auditLog.tenantId} and m.id = ${auditLog.entityId}::uuid)
      when 'project' then (select p.name from projects p
        where p.tenant_id = ${auditLog.tenantId} and p.id = ${auditLog.entityId}::uuid)
      when 'org_unit' then (select o.name from org_units o
        where o.tenant_id = ${auditLog.tenantId} and o.id = ${auditLog.entityId}::uuid)
      when 'user' then (select u.display_name from users u
        where u.tenant_id = ${auditLog.tenantId} and u.id = ${auditLog.entityId}::uuid)
    end
  end)`;

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
      .select({ ...getTableColumns(auditLog), subjectName: SUBJECT_NAME })
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
