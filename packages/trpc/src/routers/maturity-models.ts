// The state's maturity model: versions (draft → published → superseded), the draft editor's save, validation with
// German messages, and publishing with a mapping of the previous version's criteria onto the new ones.
import { queries, type TenantTx, writeAudit } from "@spatz/db";
import { DEFAULT_LEVEL_NAMES_DE, keySlug, publishModelInput, saveModelDraftInput } from "@spatz/domain";
import { type MaturityModel, validateModel } from "@spatz/maturity";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { fieldError, notFound } from "../field-error.ts";
import { router, type SessionContext, tenantProcedure } from "../trpc.ts";

const NOT_FOUND = "Diese Modellversion gibt es nicht.";

function isState(session: SessionContext): boolean {
  return session.tenant.kind === "state";
}

async function requireDraft(tx: TenantTx, id: string) {
  const summary = await queries.getModelSummary(tx, id);
  if (!summary) throw notFound(NOT_FOUND);
  if (summary.status !== "draft") {
    throw new TRPCError({
      code: "CONFLICT",
      message: "Nur ein Entwurf kann bearbeitet werden; veröffentlichte Versionen bleiben unverändert.",
    });
  }
  return summary;
}

function uniqueKey(base: string, taken: Set<string>): string {
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}-${n}`;
  taken.add(key);
  return key;
}

type CriterionSummary = { key: string; title: string; dimensionName: string; level: number };

function criteriaOf(model: MaturityModel): CriterionSummary[] {
  return model.dimensions.flatMap((d) =>
    d.levels.flatMap((l) =>
      l.criteria.map((c) => ({ key: c.key, title: c.title, dimensionName: d.name, level: l.level })),
    ),
  );
}

/** What changed between two versions, for the audit log (keys and titles, not the whole text). */
function modelDiff(before: MaturityModel, after: MaturityModel) {
  const b = new Map(criteriaOf(before).map((c) => [c.key, c]));
  const a = new Map(criteriaOf(after).map((c) => [c.key, c]));
  const bd = new Map(before.dimensions.map((d) => [d.key, d]));
  const ad = new Map(after.dimensions.map((d) => [d.key, d]));
  return {
    name: before.name === after.name ? undefined : { from: before.name, to: after.name },
    dimensionsAdded: [...ad.keys()].filter((k) => !bd.has(k)),
    dimensionsRemoved: [...bd.keys()].filter((k) => !ad.has(k)),
    dimensionsChanged: [...ad.keys()].filter((k) => {
      const x = bd.get(k);
      const y = ad.get(k)!;
      return (
        x &&
        JSON.stringify([x.name, x.description, x.weight, x.levels.map((l) => l.name)]) !==
          JSON.stringify([y.name, y.description, y.weight, y.levels.map((l) => l.name)])
      );
    }),
    criteriaAdded: [...a.keys()].filter((k) => !b.has(k)),
    criteriaRemoved: [...b.keys()].filter((k) => !a.has(k)),
    criteriaChanged: [...a.keys()].filter(
      (k) => b.has(k) && JSON.stringify(b.get(k)) !== JSON.stringify(a.get(k)),
    ),
  };
}

export const maturityModelsRouter = router({
  list: tenantProcedure.query(({ ctx }) =>
    queries.listModels(ctx.tx, { includeDrafts: isState(ctx.session) }),
  ),

  get: tenantProcedure.input(z.object({ id: z.uuid() })).query(async ({ ctx, input }) => {
    const summary = await queries.getModelSummary(ctx.tx, input.id);
    // A draft is the state's work in progress: for a Kommune it does not exist.
    if (!summary || (summary.status === "draft" && !isState(ctx.session))) throw notFound(NOT_FOUND);
    const model = (await queries.loadModel(ctx.tx, input.id))!;
    const mapping = await queries.loadCriterionMapping(ctx.tx, input.id);
    const previous = summary.basedOnId ? await queries.loadModel(ctx.tx, summary.basedOnId) : null;
    const currentKeys = new Set(criteriaOf(model).map((c) => c.key));
    return {
      summary,
      model,
      mapping,
      problems: validateModel(model),
      previousVersion: previous ? previous.version : null,
      /** Criteria of the previous version this version no longer has: they need a mapping when publishing. */
      removedCriteria: previous ? criteriaOf(previous).filter((c) => !currentKeys.has(c.key)) : [],
    };
  }),

  createDraft: tenantProcedure.mutation(async ({ ctx }) => {
    const existing = await queries.getDraftModelSummary(ctx.tx);
    if (existing) {
      throw new TRPCError({
        code: "CONFLICT",
        message: `Es gibt bereits einen Entwurf (Version ${existing.version}).`,
      });
    }
    const published = await queries.getPublishedModelSummary(ctx.tx);
    if (!published)
      throw notFound("Es gibt keine veröffentlichte Version, von der ein Entwurf ausgehen kann.");
    const source = (await queries.loadModel(ctx.tx, published.id))!;
    const id = await queries.createDraftFrom(ctx.tx, source);
    const created = (await queries.getModelSummary(ctx.tx, id))!;
    await writeAudit(ctx.tx, ctx.session.tenant.id, ctx.session.actor, {
      action: "maturity_model.create_draft",
      entityType: "maturity_model",
      entityId: id,
      after: { version: created.version, basedOnVersion: published.version },
    });
    return created;
  }),

  saveDraft: tenantProcedure.input(saveModelDraftInput).mutation(async ({ ctx, input }) => {
    const summary = await requireDraft(ctx.tx, input.id);
    const before = (await queries.loadModel(ctx.tx, input.id))!;
    // New dimensions and criteria get stable keys from their names; existing ones keep theirs.
    const dimensionKeys = new Set(input.dimensions.flatMap((d) => (d.key ? [d.key] : [])));
    if (dimensionKeys.size !== input.dimensions.filter((d) => d.key).length) {
      throw fieldError("dimensions", "Zwei Dimensionen haben denselben Schlüssel.");
    }
    const criterionKeys = new Set(
      input.dimensions.flatMap((d) =>
        d.levels.flatMap((l) => l.criteria.flatMap((c) => (c.key ? [c.key] : []))),
      ),
    );
    const criterionCount = input.dimensions.flatMap((d) =>
      d.levels.flatMap((l) => l.criteria.filter((c) => c.key)),
    ).length;
    if (criterionKeys.size !== criterionCount)
      throw fieldError("dimensions", "Zwei Kriterien haben denselben Schlüssel.");
    const levelsSeen = input.dimensions.map((d) => new Set(d.levels.map((l) => l.level)).size);
    if (levelsSeen.some((n) => n !== 4))
      throw fieldError("dimensions", "Jede Dimension hat die Stufen 1 bis 4 genau einmal.");
    const model: MaturityModel = {
      id: summary.id,
      version: summary.version,
      name: input.name,
      dimensions: input.dimensions.map((d) => {
        const key = d.key ?? uniqueKey(keySlug(d.name, 30), dimensionKeys);
        return {
          key,
          name: d.name,
          description: d.description,
          weight: d.weight,
          levels: [...d.levels]
            .sort((x, y) => x.level - y.level)
            .map((l) => ({
              level: l.level as 1 | 2 | 3 | 4,
              name: l.name || DEFAULT_LEVEL_NAMES_DE[l.level as 1 | 2 | 3 | 4],
              criteria: l.criteria.map((c) => ({
                key: c.key ?? uniqueKey(`${key}.${l.level}.${keySlug(c.title)}`, criterionKeys),
                title: c.title,
                explanation: c.explanation,
                validityMonths: c.validityMonths,
              })),
            })),
        };
      }),
    };
    await queries.writeModelContent(ctx.tx, summary.id, model);
    await writeAudit(ctx.tx, ctx.session.tenant.id, ctx.session.actor, {
      action: "maturity_model.save_draft",
      entityType: "maturity_model",
      entityId: summary.id,
      after: { version: summary.version, ...modelDiff(before, model) },
    });
    return { model, problems: validateModel(model) };
  }),

  discardDraft: tenantProcedure.input(z.object({ id: z.uuid() })).mutation(async ({ ctx, input }) => {
    const summary = await requireDraft(ctx.tx, input.id);
    await queries.deleteDraft(ctx.tx, summary.id);
    await writeAudit(ctx.tx, ctx.session.tenant.id, ctx.session.actor, {
      action: "maturity_model.discard_draft",
      entityType: "maturity_model",
      entityId: summary.id,
      before: { version: summary.version },
    });
    return { ok: true };
  }),

  publish: tenantProcedure.input(publishModelInput).mutation(async ({ ctx, input }) => {
    const summary = await requireDraft(ctx.tx, input.id);
    const model = (await queries.loadModel(ctx.tx, summary.id))!;
    const problems = validateModel(model);
    if (problems.length > 0) {
      throw new TRPCError({
        code: "BAD_REQUEST",
        message: `Der Entwurf kann noch nicht veröffentlicht werden: ${problems.join(" ")}`,
      });
    }
    const previous = summary.basedOnId ? await queries.loadModel(ctx.tx, summary.basedOnId) : null;
    const oldKeys = new Set(previous ? criteriaOf(previous).map((c) => c.key) : []);
    const newKeys = new Set(criteriaOf(model).map((c) => c.key));
    for (const [oldKey, targets] of Object.entries(input.mapping)) {
      if (!oldKeys.has(oldKey)) throw fieldError("mapping", `„${oldKey}“ ist kein Kriterium der Vorversion.`);
      const unknown = targets.filter((k) => !newKeys.has(k));
      if (unknown.length > 0)
        throw fieldError("mapping", `„${unknown.join(", ")}“ ist kein Kriterium des Entwurfs.`);
    }
    await queries.publishDraft(ctx.tx, summary.id, input.mapping, ctx.session.actor.label);
    const removed = [...oldKeys].filter((k) => !newKeys.has(k));
    await writeAudit(ctx.tx, ctx.session.tenant.id, ctx.session.actor, {
      action: "maturity_model.publish",
      entityType: "maturity_model",
      entityId: summary.id,
      after: {
        version: summary.version,
        mapping: input.mapping,
        retiredWithoutMapping: removed.filter((k) => !Object.hasOwn(input.mapping, k)),
      },
    });
    return (await queries.getModelSummary(ctx.tx, summary.id))!;
  }),
});
