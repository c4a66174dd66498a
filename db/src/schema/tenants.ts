// The tenant registry (Land + Kommunen) and the reference list of all Gemeinden. Readable by everyone, written by the state.
import { TENANT_KINDS, TENANT_STATUSES } from "@spatz/domain";
import { sql } from "drizzle-orm";
import {
  check,
  doublePrecision,
  index,
  integer,
  pgPolicy,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, enumCheck, updatedAt } from "./columns.ts";
import { appRole, benchmarkRole } from "./rls.ts";

/** Global tables: everyone reads, only a transaction of the state tenant inserts or updates. */
export const stateWrites = (table: string) => [
  pgPolicy(`${table}_read_all`, { as: "permissive", for: "select", to: appRole, using: sql`true` }),
  pgPolicy(`${table}_state_insert`, {
    as: "permissive",
    for: "insert",
    to: appRole,
    withCheck: sql`app_current_tenant_is_state()`,
  }),
  pgPolicy(`${table}_state_update`, {
    as: "permissive",
    for: "update",
    to: appRole,
    using: sql`app_current_tenant_is_state()`,
    withCheck: sql`app_current_tenant_is_state()`,
  }),
];

/** The state's global content (maturity models, the PM-Koffer): read by all, written and deleted only by the state. */
export const stateOwned = (table: string) => [
  ...stateWrites(table),
  pgPolicy(`${table}_state_delete`, {
    as: "permissive",
    for: "delete",
    to: appRole,
    using: sql`app_current_tenant_is_state()`,
  }),
];

export const tenants = pgTable(
  "tenants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    kind: text("kind", { enum: TENANT_KINDS }).notNull(),
    /** AGS of a Gemeinde (8 digits), Kreis (5) or the Verbandsgemeinde key (9); null for the state. */
    ags: text("ags"),
    ars: text("ars"),
    kreisAgs: text("kreis_ags"),
    kreisName: text("kreis_name"),
    population: integer("population"),
    latitude: doublePrecision("latitude"),
    longitude: doublePrecision("longitude"),
    /**
     * `deletion_pending`: the state marked the Kommune for deletion; nobody there can sign in, the state can still undo
     * it, and on `deletionDueAt` `pnpm spatz purge-tenants` removes every row of it (db/src/tenant-purge.ts).
     */
    status: text("status", { enum: TENANT_STATUSES }).notNull().default("active"),
    deletionDueAt: timestamp("deletion_due_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    enumCheck("tenants_kind_check", t.kind, TENANT_KINDS),
    enumCheck("tenants_status_check", t.status, TENANT_STATUSES),
    uniqueIndex("tenants_slug_key").on(t.slug),
    uniqueIndex("tenants_ags_key").on(t.ags),
    uniqueIndex("tenants_single_state_key").on(t.kind).where(sql`kind = 'state'`),
    check("tenants_slug_format", sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check(
      "tenants_deletion_date_when_pending",
      sql`(${t.status} = 'deletion_pending') = (${t.deletionDueAt} is not null)`,
    ),
    ...stateWrites("tenants"),
    // The benchmark's definer functions group Kommunen by kind, population and Kreis.
    pgPolicy("tenants_benchmark_read", {
      as: "permissive",
      for: "select",
      to: benchmarkRole,
      using: sql`true`,
    }),
  ],
).enableRLS();

export const municipalities = pgTable(
  "municipalities",
  {
    ags: text("ags").primaryKey(),
    ars: text("ars").notNull(),
    name: text("name").notNull(),
    /** Kreisfreie Stadt, Stadt or Gemeinde, as Destatis writes it. */
    municipalityType: text("municipality_type").notNull(),
    kreisAgs: text("kreis_ags").notNull(),
    kreisName: text("kreis_name").notNull(),
    verbandKey: text("verband_key").notNull(),
    verbandName: text("verband_name").notNull(),
    /** The Kommune tenant that administers this Gemeinde (itself, or its Verbandsgemeinde). */
    tenantId: uuid("tenant_id").references(() => tenants.id),
    population: integer("population").notNull(),
    areaKm2: doublePrecision("area_km2").notNull(),
    postcode: text("postcode"),
    latitude: doublePrecision("latitude").notNull(),
    longitude: doublePrecision("longitude").notNull(),
  },
  (t) => [
    index("municipalities_tenant_idx").on(t.tenantId),
    index("municipalities_kreis_idx").on(t.kreisAgs),
    ...stateWrites("municipalities"),
  ],
).enableRLS();

export type Tenant = typeof tenants.$inferSelect;
export type TenantKind = Tenant["kind"];
