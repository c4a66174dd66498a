export * from "./audit.ts";
export { readBundledCatalogue } from "./bundled-catalogue.ts";
export * from "./client.ts";
export { DEFAULT_MODEL_ID, STATE_TENANT_ID } from "./constants.ts";
export * from "./domain-error.ts";
export { describeDbError, MigrationError, runMigrations } from "./migrate.ts";
export * as queries from "./queries/index.ts";
export {
  findRlsProblems,
  GLOBAL_TABLES,
  TENANT_TABLES_QUERY,
  type TenantTable,
  tenantTables,
} from "./rls-catalog.ts";
export * as schema from "./schema/index.ts";
export * from "./tenant-export.ts";
export * from "./tenant-purge.ts";
export * from "./tenant-tx.ts";
