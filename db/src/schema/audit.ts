// The audit log: append-only (the runtime role may insert and read, never update or delete).
import { bigint, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { tenantIdColumn, tenantPolicy } from "./rls.ts";

export const auditLog = pgTable(
  "audit_log",
  {
    tenantId: tenantIdColumn(),
    id: bigint("id", { mode: "number" }).generatedAlwaysAsIdentity(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid("actor_user_id"),
    /** Who, readable even after the user is gone: e-mail, "CLI" or "System". */
    actorLabel: text("actor_label").notNull(),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id"),
    before: jsonb("before"),
    after: jsonb("after"),
    requestId: text("request_id"),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index("audit_log_tenant_at_idx").on(t.tenantId, t.at),
    index("audit_log_tenant_entity_idx").on(t.tenantId, t.entityType, t.entityId),
    tenantPolicy("audit_log"),
  ],
).enableRLS();

export type AuditEntry = typeof auditLog.$inferSelect;
