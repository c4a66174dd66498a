import { type SQL, sql } from "drizzle-orm";
import { type AnyPgColumn, check, customType, timestamp } from "drizzle-orm/pg-core";

export const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
/** Set by the schema on every update through drizzle (`$onUpdate`), so no query sets it by hand. */
export const updatedAt = () =>
  timestamp("updated_at", { withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());

/** Raw bytes (hashes, uploaded files); postgres.js reads them as a Buffer. */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });

/**
 * A CHECK constraint that the column holds one of the code list's values, so that no migration, script or manual fix
 * can store a value the application does not know (the lists live once, in @spatz/domain and @spatz/rollout).
 */
export function enumCheck(name: string, column: AnyPgColumn, values: readonly string[]) {
  const list: SQL = sql.raw(values.map((v) => `'${v.replaceAll("'", "''")}'`).join(", "));
  return check(name, sql`${column} in (${list})`);
}
