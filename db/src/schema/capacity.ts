// Capacity (issue 17, docs/adr/0016-capacity.md): the person-days a GB – or the administration centrally (no GB) – has
// per year, from its own staff or a framework contract (with the days already called off). The planned side is
// derived from projects and proposals, never stored.
import { CAPACITY_KINDS } from "@spatz/domain";
import { sql } from "drizzle-orm";
import {
  check,
  foreignKey,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, enumCheck, updatedAt } from "./columns.ts";
import { governanceDecisions } from "./governance.ts";
import { orgUnits } from "./org-units.ts";
import { tenantIdColumn, tenantPolicy } from "./rls.ts";
import { tenants } from "./tenants.ts";

const days = (name: string) => numeric(name, { precision: 15, scale: 3, mode: "number" });

export const capacitySources = pgTable(
  "capacity_sources",
  {
    tenantId: tenantIdColumn().references(() => tenants.id),
    id: uuid("id").notNull().defaultRandom(),
    /** null: central capacity of the whole administration (e.g. a framework contract for all GBs). */
    gbId: uuid("gb_id"),
    year: integer("year").notNull(),
    kind: text("kind", { enum: CAPACITY_KINDS }).notNull(),
    name: text("name").notNull(),
    personDays: days("person_days").notNull(),
    consumedDays: days("consumed_days").notNull().default(0),
    decisionId: uuid("decision_id"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    enumCheck("capacity_sources_kind_check", t.kind, CAPACITY_KINDS),
    check("capacity_sources_year_range", sql`${t.year} between 2000 and 2100`),
    check(
      "capacity_sources_days_check",
      sql`${t.personDays} > 0 and ${t.consumedDays} >= 0 and ${t.consumedDays} <= ${t.personDays}`,
    ),
    check(
      "capacity_sources_internal_not_consumed",
      sql`${t.kind} = 'framework_contract' or ${t.consumedDays} = 0`,
    ),
    primaryKey({ columns: [t.tenantId, t.id] }),
    // RESTRICT: a GB with capacity entries cannot silently lose them (the org unit screen refuses in German).
    foreignKey({ columns: [t.tenantId, t.gbId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
    foreignKey({
      columns: [t.tenantId, t.decisionId],
      foreignColumns: [governanceDecisions.tenantId, governanceDecisions.id],
    }),
    index("capacity_sources_year_idx").on(t.tenantId, t.year),
    tenantPolicy("capacity_sources"),
  ],
).enableRLS();
