// Moving a Kommune to the newest published model version: the criterion links of every measure and governance artefact
// are mapped along the chain of versions (keys that no longer exist are dropped and reported), working copies of
// strategies keep only targets whose dimension still exists, and the Kommune is pinned to the new version. Set-based: one statement per table.
import { mapCriterionLinks } from "@spatz/maturity";
import { eq, sql } from "drizzle-orm";
import { type Actor, writeAudit } from "../audit.ts";
import { DomainError } from "../domain-error.ts";
import { governanceDecisions, governanceProcesses, governanceRaciVersions } from "../schema/governance.ts";
import { maturitySettings, measures } from "../schema/measures.ts";
import { strategies } from "../schema/strategies.ts";
import type { TenantTx } from "../tenant-tx.ts";
import { getPublishedModelSummary, loadCriterionMapping, loadModel, modelChain } from "./maturity-models.ts";
import { requireModelInUse } from "./maturity-scope.ts";

export async function adoptPublishedModel(tx: TenantTx, tenantId: string, actor: Actor) {
  const inUse = await requireModelInUse(tx);
  const published = await getPublishedModelSummary(tx);
  if (!published || published.id === inUse.summary.id)
    throw new DomainError("CONFLICT", "Sie verwenden bereits die aktuelle Version des Reifegradmodells.");
  const chain = await modelChain(tx, inUse.summary.id, published.id);
  if (!chain)
    throw new DomainError("CONFLICT", "Für diese Versionen ist keine Zuordnung der Kriterien hinterlegt.");
  const steps = await Promise.all(
    chain.map(async (id) => ({
      model: (await loadModel(tx, id))!,
      mapping: await loadCriterionMapping(tx, id),
    })),
  );

  const dropped = new Set<string>();
  let relinkedMeasures = 0;
  // Measures and the governance evidence (Beschlüsse, RACI versions, processes) link criteria the same way.
  for (const table of [measures, governanceDecisions, governanceRaciVersions, governanceProcesses]) {
    const relinks: { id: string; keys: string[] }[] = [];
    for (const row of await tx.select({ id: table.id, criterionKeys: table.criterionKeys }).from(table)) {
      let keys = row.criterionKeys;
      for (const step of steps) {
        const mapped = mapCriterionLinks(keys, step.mapping, step.model);
        for (const key of mapped.dropped) dropped.add(key);
        keys = mapped.keys;
      }
      if (JSON.stringify(keys) !== JSON.stringify(row.criterionKeys)) relinks.push({ id: row.id, keys });
    }
    if (relinks.length === 0) continue;
    if (table === measures) relinkedMeasures = relinks.length;
    // One UPDATE … FROM a JSON list of (id, keys): the whole Kommune in one statement, whatever its size.
    await tx.execute(sql`
      update ${table} m set criterion_keys = array(select jsonb_array_elements_text(v.keys)), updated_at = now()
      from jsonb_to_recordset(${JSON.stringify(relinks)}::jsonb) as v(id uuid, keys jsonb)
      where m.tenant_id = ${tenantId} and m.id = v.id`);
  }

  // Working copies keep only targets whose dimension still exists; approved versions stay history.
  const dimensions = JSON.stringify(steps.at(-1)!.model.dimensions.map((d) => d.key));
  await tx.execute(sql`
    update ${strategies} s set targets = coalesce((
        select jsonb_agg(t) from jsonb_array_elements(s.targets) t
        where ${dimensions}::jsonb ? (t->>'dimensionKey')), '[]'::jsonb), updated_at = now()
    where s.tenant_id = ${tenantId}
      and exists (select 1 from jsonb_array_elements(s.targets) t where not ${dimensions}::jsonb ? (t->>'dimensionKey'))`);

  if (inUse.pinned) {
    await tx
      .update(maturitySettings)
      .set({ modelId: published.id, adoptedAt: new Date() })
      .where(eq(maturitySettings.tenantId, tenantId));
  } else {
    await tx.insert(maturitySettings).values({ tenantId, modelId: published.id });
  }
  const result = {
    version: published.version,
    relinkedMeasures,
    droppedCriterionKeys: [...dropped].sort(),
  };
  await writeAudit(tx, tenantId, actor, {
    action: "maturity.adopt_model",
    entityType: "maturity_model",
    entityId: published.id,
    before: { version: inUse.summary.version },
    after: result,
  });
  return result;
}
