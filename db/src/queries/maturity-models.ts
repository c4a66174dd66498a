// Reading and writing the state's maturity model versions. Kommunen read published and superseded versions; the
// state also edits the one draft. The engine shape (@spatz/maturity MaturityModel) is assembled here.
import type { MaturityModel } from "@spatz/maturity";
import { and, asc, desc, eq, inArray, max, ne } from "drizzle-orm";
import {
  type ModelStatus,
  maturityCriteria,
  maturityCriterionMappings,
  maturityDimensions,
  maturityLevels,
  maturityModels,
} from "../schema/maturity-model.ts";
import type { TenantTx } from "../tenant-tx.ts";

export type ModelSummary = {
  id: string;
  version: number;
  name: string;
  status: ModelStatus;
  basedOnId: string | null;
  createdAt: Date;
  updatedAt: Date;
  publishedAt: Date | null;
  publishedBy: string | null;
  supersededAt: Date | null;
};

const summary = {
  id: maturityModels.id,
  version: maturityModels.version,
  name: maturityModels.name,
  status: maturityModels.status,
  basedOnId: maturityModels.basedOnId,
  createdAt: maturityModels.createdAt,
  updatedAt: maturityModels.updatedAt,
  publishedAt: maturityModels.publishedAt,
  publishedBy: maturityModels.publishedBy,
  supersededAt: maturityModels.supersededAt,
};

export async function listModels(tx: TenantTx, opts: { includeDrafts: boolean }): Promise<ModelSummary[]> {
  return tx
    .select(summary)
    .from(maturityModels)
    .where(opts.includeDrafts ? undefined : ne(maturityModels.status, "draft"))
    .orderBy(desc(maturityModels.version));
}

export async function getModelSummary(tx: TenantTx, id: string): Promise<ModelSummary | null> {
  const [row] = await tx.select(summary).from(maturityModels).where(eq(maturityModels.id, id));
  return row ?? null;
}

export async function getPublishedModelSummary(tx: TenantTx): Promise<ModelSummary | null> {
  const [row] = await tx.select(summary).from(maturityModels).where(eq(maturityModels.status, "published"));
  return row ?? null;
}

export async function getDraftModelSummary(tx: TenantTx): Promise<ModelSummary | null> {
  const [row] = await tx.select(summary).from(maturityModels).where(eq(maturityModels.status, "draft"));
  return row ?? null;
}

/** The full model in the engine's shape (dimensions, levels and criteria in their stored order). */
export async function loadModel(tx: TenantTx, id: string): Promise<MaturityModel | null> {
  const head = await getModelSummary(tx, id);
  if (!head) return null;
  const [dimensions, levels, criteria] = await Promise.all([
    tx
      .select()
      .from(maturityDimensions)
      .where(eq(maturityDimensions.modelId, id))
      .orderBy(asc(maturityDimensions.position)),
    tx.select().from(maturityLevels).where(eq(maturityLevels.modelId, id)).orderBy(asc(maturityLevels.level)),
    tx
      .select()
      .from(maturityCriteria)
      .where(eq(maturityCriteria.modelId, id))
      .orderBy(asc(maturityCriteria.level), asc(maturityCriteria.position)),
  ]);
  return {
    id: head.id,
    version: head.version,
    name: head.name,
    dimensions: dimensions.map((d) => ({
      key: d.key,
      name: d.name,
      description: d.description,
      weight: d.weight,
      levels: levels
        .filter((l) => l.dimensionKey === d.key)
        .map((l) => ({
          level: l.level as 1 | 2 | 3 | 4,
          name: l.name,
          criteria: criteria
            .filter((c) => c.dimensionKey === d.key && c.level === l.level)
            .map((c) => ({
              key: c.key,
              title: c.title,
              explanation: c.explanation,
              validityMonths: c.validityMonths,
            })),
        })),
    })),
  };
}

/** Old key → new keys of the step from the version this one is based on. */
export async function loadCriterionMapping(tx: TenantTx, modelId: string): Promise<Record<string, string[]>> {
  const rows = await tx
    .select()
    .from(maturityCriterionMappings)
    .where(eq(maturityCriterionMappings.modelId, modelId));
  return Object.fromEntries(rows.map((r) => [r.oldKey, r.newKeys]));
}

/** Replaces a draft's content with `model` (the triggers refuse anything but a draft). */
export async function writeModelContent(
  tx: TenantTx,
  modelId: string,
  model: Omit<MaturityModel, "id" | "version">,
) {
  await tx.delete(maturityDimensions).where(eq(maturityDimensions.modelId, modelId));
  await tx.update(maturityModels).set({ name: model.name }).where(eq(maturityModels.id, modelId));
  if (model.dimensions.length === 0) return;
  await tx.insert(maturityDimensions).values(
    model.dimensions.map((d, i) => ({
      modelId,
      key: d.key,
      position: i + 1,
      name: d.name,
      description: d.description,
      weight: d.weight,
    })),
  );
  const levels = model.dimensions.flatMap((d) =>
    d.levels.map((l) => ({ modelId, dimensionKey: d.key, level: l.level, name: l.name })),
  );
  if (levels.length > 0) await tx.insert(maturityLevels).values(levels);
  const criteria = model.dimensions.flatMap((d) =>
    d.levels.flatMap((l) =>
      l.criteria.map((c, i) => ({
        modelId,
        key: c.key,
        dimensionKey: d.key,
        level: l.level,
        position: i + 1,
        title: c.title,
        explanation: c.explanation,
        validityMonths: c.validityMonths,
      })),
    ),
  );
  if (criteria.length > 0) await tx.insert(maturityCriteria).values(criteria);
}

/** A new draft copied from `source` (the next version number). */
export async function createDraftFrom(tx: TenantTx, source: MaturityModel & { id: string }): Promise<string> {
  const [top] = await tx.select({ v: max(maturityModels.version) }).from(maturityModels);
  const [row] = await tx
    .insert(maturityModels)
    .values({ version: (top?.v ?? 0) + 1, name: source.name, status: "draft", basedOnId: source.id })
    .returning({ id: maturityModels.id });
  await writeModelContent(tx, row!.id, source);
  return row!.id;
}

export async function deleteDraft(tx: TenantTx, id: string): Promise<boolean> {
  const rows = await tx
    .delete(maturityModels)
    .where(and(eq(maturityModels.id, id), eq(maturityModels.status, "draft")))
    .returning({ id: maturityModels.id });
  return rows.length > 0;
}

/** Publishes the draft: the current version is superseded first (one published version at a time). */
export async function publishDraft(
  tx: TenantTx,
  draftId: string,
  mapping: Record<string, string[]>,
  publishedBy: string,
): Promise<void> {
  const entries = Object.entries(mapping);
  if (entries.length > 0) {
    await tx
      .insert(maturityCriterionMappings)
      .values(entries.map(([oldKey, newKeys]) => ({ modelId: draftId, oldKey, newKeys })));
  }
  const now = new Date();
  await tx
    .update(maturityModels)
    .set({ status: "superseded", supersededAt: now })
    .where(eq(maturityModels.status, "published"));
  await tx
    .update(maturityModels)
    .set({ status: "published", publishedAt: now, publishedBy, updatedAt: now })
    .where(and(eq(maturityModels.id, draftId), eq(maturityModels.status, "draft")));
}

/** Versions from `fromId` (exclusive) up to `toId` (inclusive), oldest first, following based_on links. */
export async function modelChain(tx: TenantTx, fromId: string, toId: string): Promise<string[] | null> {
  const rows = await tx
    .select({ id: maturityModels.id, basedOnId: maturityModels.basedOnId })
    .from(maturityModels)
    .where(inArray(maturityModels.status, ["published", "superseded"]));
  const parent = new Map(rows.map((r) => [r.id, r.basedOnId]));
  const chain: string[] = [];
  let current: string | null | undefined = toId;
  while (current && current !== fromId) {
    chain.unshift(current);
    current = parent.get(current);
  }
  return current === fromId ? chain : null;
}
