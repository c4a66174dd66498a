// The one join condition between tenant tables: a row and the row it references, in the same Kommune. Tenant tables are
// keyed (tenant_id, id), so the join names both: it cannot reach another Kommune's row even through a wrong reference,
// and the planner can use the composite primary key.
import { and, eq, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";

export function tenantRef(
  target: { tenantId: AnyPgColumn; id: AnyPgColumn },
  tenantId: AnyPgColumn,
  id: AnyPgColumn,
): SQL {
  return and(eq(target.tenantId, tenantId), eq(target.id, id))!;
}
