// The Land's profile of one Kommune (/land/kommunen/:id): the registry entry, its rollout figures from the state's
// aggregates, the contact persons its rollout records name (the state reads every Kommune's records: reviewed policy
// rollout_records_visible_to_state), and its maturity only where the Kommune shares it with the Land by name
// (maturity_snapshots_shared_read). Read in the state's own transaction: the database decides what is visible.
import { sql } from "drizzle-orm";
import type { TenantTx } from "../tenant-tx.ts";
import { benchmarkSharedKommunen } from "./benchmark-views.ts";

export async function kommuneProfile(tx: TenantTx, stateTenantId: string, kommuneId: string) {
  const [kommune] = await tx.execute<{
    id: string;
    name: string;
    kind: string;
    ags: string | null;
    kreisAgs: string | null;
    kreisName: string | null;
    population: number | null;
    status: string;
  }>(sql`
    select id, name, kind, ags, kreis_ags as "kreisAgs", kreis_name as "kreisName", population, status
    from tenants where id = ${kommuneId} and kind <> 'state'`);
  if (!kommune) return null;
  const [rollout] = await tx.execute<{
    relevant: number;
    online: number;
    implementing: number;
    planning: number;
    overdue: number;
    share: number | null;
  }>(sql`
    select coalesce(a.pairs - a.not_responsible, 0) as relevant, coalesce(a.online, 0) as online,
           coalesce(a.implementing, 0) as implementing, coalesce(a.planning, 0) as planning,
           coalesce(a.overdue, 0) as overdue, a.share
    from (select 1) one
    left join rollout_agg_kommunen a on a.kommune_id = ${kommuneId} and a.tenant_id = (select app_current_tenant())`);
  const contacts = await tx.execute<{ contact: string; services: number }>(sql`
    select contact, count(*)::int as services from rollout_records
    where tenant_id = ${kommuneId} and contact is not null and btrim(contact) <> ''
    group by contact order by count(*) desc, contact limit 20`);
  const shared = (await benchmarkSharedKommunen(tx, stateTenantId)).rows.find(
    (r) => r.tenantId === kommuneId,
  );
  return { kommune, rollout: rollout!, contacts: [...contacts], maturity: shared ?? null };
}
