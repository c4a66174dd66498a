// The organisation of a Kommune as a tree: Geschäftsbereiche (GB) at the top, Ressorts/Fachbereiche (R) below them
// (e.g. OB → 37), and any other unit a module needs (e.g. the Gesundheitsamt with its own maturity targets).
// Cross-cutting work hangs on "ALL" → "Quer". Shared by the portfolio and the maturity module.
import { ORG_UNIT_KINDS } from "@spatz/domain";
import { foreignKey, index, integer, pgTable, primaryKey, text, unique, uuid } from "drizzle-orm/pg-core";
import { createdAt, enumCheck, updatedAt } from "./columns.ts";
import { tenantIdColumn, tenantPolicy } from "./rls.ts";

export const orgUnits = pgTable(
  "org_units",
  {
    tenantId: tenantIdColumn(),
    id: uuid("id").notNull().defaultRandom(),
    /** Short code as people write it in lists: "OB", "37", "ALL", "Quer". */
    code: text("code").notNull(),
    name: text("name").notNull(),
    kind: text("kind", { enum: ORG_UNIT_KINDS }).notNull(),
    parentId: uuid("parent_id"),
    sortOrder: integer("sort_order").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    enumCheck("org_units_kind_check", t.kind, ORG_UNIT_KINDS),
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.parentId], foreignColumns: [t.tenantId, t.id] }),
    // A code is unique among its siblings ("Quer" exists below ALL and below OB); NULL parents count as equal.
    unique("org_units_tenant_parent_code_key").on(t.tenantId, t.parentId, t.code).nullsNotDistinct(),
    index("org_units_tenant_parent_idx").on(t.tenantId, t.parentId),
    tenantPolicy("org_units"),
  ],
).enableRLS();

export type OrgUnit = typeof orgUnits.$inferSelect;
export type OrgUnitKind = OrgUnit["kind"];
