// Organisational units of a Kommune (e.g. OB → GB II → FB 53 Gesundheitsamt): the scope of measures and strategies,
// and the GB/R of the project portfolio. A tree per tenant.
import { foreignKey, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, updatedAt } from "./columns.ts";
import { tenantIdColumn, tenantPolicy } from "./rls.ts";
import { tenants } from "./tenants.ts";

export const orgUnits = pgTable(
  "org_units",
  {
    tenantId: tenantIdColumn().references(() => tenants.id),
    id: uuid("id").notNull().defaultRandom(),
    name: text("name").notNull(),
    /** As the administration writes it: "OB", "GB II", "FB 53". Unique per tenant. */
    shortCode: text("short_code").notNull(),
    parentId: uuid("parent_id"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.parentId], foreignColumns: [t.tenantId, t.id] }),
    uniqueIndex("org_units_tenant_short_code_key").on(t.tenantId, t.shortCode),
    tenantPolicy("org_units"),
  ],
).enableRLS();

export type OrgUnit = typeof orgUnits.$inferSelect;
