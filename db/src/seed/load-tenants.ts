// Upserts the real Kommune tenants and Gemeinden, acting as the state (the only tenant allowed to write the registry).
import { sql } from "drizzle-orm";
import { writeAudit } from "../audit.ts";
import type { Database } from "../client.ts";
import { STATE_TENANT_ID } from "../constants.ts";
import { municipalities, tenants } from "../schema/tenants.ts";
import { withTenant } from "../tenant-tx.ts";
import { loadReferenceData } from "./reference-data.ts";

export async function loadTenants(
  db: Database,
  actorLabel = "CLI",
): Promise<{ tenants: number; municipalities: number }> {
  const data = loadReferenceData();
  return withTenant(db, STATE_TENANT_ID, async (tx) => {
    const before = await tx.$count(tenants);
    const rows = await tx
      .insert(tenants)
      .values(data.kommunen)
      .onConflictDoUpdate({
        target: tenants.ags,
        set: {
          // The name and slug may have been edited by a state admin; reference data only refreshes the facts.
          population: sql`excluded.population`,
          ars: sql`excluded.ars`,
          kreisAgs: sql`excluded.kreis_ags`,
          kreisName: sql`excluded.kreis_name`,
          latitude: sql`excluded.latitude`,
          longitude: sql`excluded.longitude`,
        },
      })
      .returning({ id: tenants.id, ags: tenants.ags });
    const idByAgs = new Map(rows.map((r) => [r.ags, r.id]));
    await tx
      .insert(municipalities)
      .values(
        data.municipalities.map(({ tenantAgs, ...m }) => ({
          ...m,
          tenantId: idByAgs.get(tenantAgs) ?? null,
        })),
      )
      .onConflictDoUpdate({
        target: municipalities.ags,
        set: {
          name: sql`excluded.name`,
          population: sql`excluded.population`,
          tenantId: sql`excluded.tenant_id`,
          latitude: sql`excluded.latitude`,
          longitude: sql`excluded.longitude`,
        },
      });
    const after = await tx.$count(tenants);
    if (after !== before) {
      await writeAudit(
        tx,
        STATE_TENANT_ID,
        { userId: null, label: actorLabel },
        {
          action: "tenants.load_reference",
          entityType: "tenant",
          after: { created: after - before, kommunen: data.kommunen.length },
        },
      );
    }
    return { tenants: rows.length, municipalities: data.municipalities.length };
  });
}
