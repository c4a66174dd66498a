// The state's maturity model in the database: version 1 is the engine's default model, only the state writes model
// tables, and published versions cannot change (triggers), whichever path tries; approved strategy versions are
// append-only; measures cannot be completed without date and evidence.
import { defaultModel } from "@spatz/maturity";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDb, type DbClient } from "../src/client.ts";
import { DEFAULT_MODEL_ID, STATE_TENANT_ID } from "../src/constants.ts";
import { describeDbError } from "../src/migrate.ts";
import * as q from "../src/queries/index.ts";
import {
  governanceBodies,
  governanceDecisions,
  governanceMeetings,
  governanceProcesses,
  governanceRaciVersions,
} from "../src/schema/governance.ts";
import { maturityCriteria, maturityDimensions, maturityModels } from "../src/schema/maturity-model.ts";
import { maturitySettings, measures } from "../src/schema/measures.ts";
import { strategies, strategyVersions } from "../src/schema/strategies.ts";
import { withTenant } from "../src/tenant-tx.ts";
import { createTestTenant } from "./fixtures.ts";

let client: DbClient;
let kommune: { id: string };

beforeAll(async () => {
  client = createDb(inject("appUrl"), { max: 4 });
  kommune = await createTestTenant(client.db, "reifegrad");
});
afterAll(() => client.close());

async function failure(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    return describeDbError(error);
  }
  return "no error";
}

const asState = <T>(fn: Parameters<typeof withTenant<T>>[2]) => withTenant(client.db, STATE_TENANT_ID, fn);

describe("the default model", () => {
  it("is version 1, published, and equals @spatz/maturity's defaultModel", async () => {
    const [summary, model] = await withTenant(client.db, kommune.id, async (tx) => [
      await q.getModelSummary(tx, DEFAULT_MODEL_ID),
      await q.loadModel(tx, DEFAULT_MODEL_ID),
    ]);
    expect(summary).toMatchObject({ version: 1, status: "published", name: defaultModel.name });
    expect({ ...model, id: defaultModel.id }).toEqual(defaultModel);
  });
});

describe("who writes the model", () => {
  it("a Kommune can read but not write model tables", async () => {
    const rows = await withTenant(client.db, kommune.id, (tx) => tx.select().from(maturityDimensions));
    expect(rows.length).toBeGreaterThanOrEqual(8);
    expect(
      await failure(
        withTenant(client.db, kommune.id, (tx) =>
          tx.insert(maturityModels).values({ version: 99, name: "Eigenes Modell" }),
        ),
      ),
    ).toContain("row-level security");
    const changed = await withTenant(client.db, kommune.id, (tx) =>
      tx
        .update(maturityDimensions)
        .set({ name: "x" })
        .where(eq(maturityDimensions.modelId, DEFAULT_MODEL_ID))
        .returning(),
    );
    expect(changed).toEqual([]);
  });
});

describe("published versions are immutable", () => {
  it("even the state cannot change, delete or add to a published version", async () => {
    expect(
      await failure(
        asState((tx) =>
          tx.update(maturityModels).set({ name: "anders" }).where(eq(maturityModels.id, DEFAULT_MODEL_ID)),
        ),
      ),
    ).toContain("can only be superseded");
    expect(
      await failure(
        asState((tx) =>
          tx
            .update(maturityCriteria)
            .set({ title: "anders" })
            .where(eq(maturityCriteria.modelId, DEFAULT_MODEL_ID)),
        ),
      ),
    ).toContain("immutable");
    expect(
      await failure(
        asState((tx) => tx.delete(maturityModels).where(eq(maturityModels.id, DEFAULT_MODEL_ID))),
      ),
    ).toContain("only drafts can be deleted");
    expect(
      await failure(
        asState((tx) =>
          tx
            .insert(maturityDimensions)
            .values({ modelId: DEFAULT_MODEL_ID, key: "neu", position: 9, name: "Neu" }),
        ),
      ),
    ).toContain("immutable");
    expect(
      await failure(
        asState((tx) => tx.insert(maturityModels).values({ version: 50, name: "x", status: "published" })),
      ),
    ).toContain("must start as a draft");
  });

  it("a draft is edited, published, and supersedes the previous version, which then never changes", async () => {
    const draftId = await asState(async (tx) => {
      const source = (await q.loadModel(tx, DEFAULT_MODEL_ID))!;
      const id = await q.createDraftFrom(tx, source);
      const draft = (await q.loadModel(tx, id))!;
      draft.dimensions[0]!.name = "Strategie, Steuerung & Governance";
      await q.writeModelContent(tx, id, draft);
      await q.publishDraft(tx, id, { "strategie.1.verantwortung": ["strategie.1.verantwortung"] }, "Test");
      return id;
    });
    const [oldOne, newOne, mapping] = await asState(async (tx) => [
      await q.getModelSummary(tx, DEFAULT_MODEL_ID),
      await q.loadModel(tx, draftId),
      await q.loadCriterionMapping(tx, draftId),
    ]);
    expect(oldOne?.status).toBe("superseded");
    expect(newOne?.dimensions[0]?.name).toBe("Strategie, Steuerung & Governance");
    expect(mapping).toEqual({ "strategie.1.verantwortung": ["strategie.1.verantwortung"] });
    expect(
      await failure(
        asState((tx) =>
          tx
            .update(maturityModels)
            .set({ status: "published" })
            .where(eq(maturityModels.id, DEFAULT_MODEL_ID)),
        ),
      ),
    ).toContain("superseded and immutable");
    expect(await asState((tx) => q.modelChain(tx, DEFAULT_MODEL_ID, draftId))).toEqual([draftId]);
  });

  it("a Kommune adopts the newest version: links mapped along the chain, retired criteria dropped, in one go", async () => {
    const from = (await asState((tx) => q.getPublishedModelSummary(tx)))!;
    const retired = "strategie.1.bestandsaufnahme";
    const kept = "strategie.1.verantwortung";
    const adopter = await createTestTenant(client.db, "uebernahme");
    // The Kommune links measures under the current version (pinned) and plans a target for a dimension that goes.
    await withTenant(client.db, adopter.id, async (tx) => {
      await tx.insert(maturitySettings).values({ tenantId: adopter.id, modelId: from.id });
      await tx.insert(measures).values([
        { tenantId: adopter.id, title: "Beide", criterionKeys: [kept, retired] },
        { tenantId: adopter.id, title: "Nur alt", criterionKeys: [retired] },
        { tenantId: adopter.id, title: "Nur bleibend", criterionKeys: [kept] },
      ]);
      await tx.insert(strategies).values({
        tenantId: adopter.id,
        title: "Strategie",
        targets: [
          { dimensionKey: "strategie", level: 2, dueOn: "2027-12-31" },
          { dimensionKey: "gibt-es-nicht-mehr", level: 1, dueOn: "2027-12-31" },
        ],
      });
      // Governance evidence links criteria the same way: a Beschluss, a published RACI version, a process.
      const [body] = await tx
        .insert(governanceBodies)
        .values({ tenantId: adopter.id, name: "Rat" })
        .returning();
      const [meeting] = await tx
        .insert(governanceMeetings)
        .values({ tenantId: adopter.id, bodyId: body!.id, heldOn: "2024-01-10" })
        .returning();
      await tx.insert(governanceDecisions).values({
        tenantId: adopter.id,
        meetingId: meeting!.id,
        number: "R 1",
        title: "Beschluss",
        criterionKeys: [kept, retired],
      });
      await tx.insert(governanceRaciVersions).values({
        tenantId: adopter.id,
        version: 1,
        matrix: { areas: ["A"], parties: ["P"], cells: [["A"]] },
        criterionKeys: [retired],
        publishedOn: "2024-02-01",
        publishedByName: "Test",
      });
      await tx
        .insert(governanceProcesses)
        .values({ tenantId: adopter.id, name: "Prozess", criterionKeys: [kept] });
    });
    const newId = await asState(async (tx) => {
      const id = await q.createDraftFrom(tx, (await q.loadModel(tx, from.id))!);
      const draft = (await q.loadModel(tx, id))!;
      for (const level of draft.dimensions[0]!.levels)
        level.criteria = level.criteria.filter((c) => c.key !== retired);
      await q.writeModelContent(tx, id, draft);
      await q.publishDraft(tx, id, { [kept]: [kept] }, "Test");
      return id;
    });
    const result = await withTenant(client.db, adopter.id, (tx) =>
      q.adoptPublishedModel(tx, adopter.id, { userId: null, label: "Test" }),
    );
    expect(result).toMatchObject({ relinkedMeasures: 2, droppedCriterionKeys: [retired] });
    const after = await withTenant(client.db, adopter.id, async (tx) => ({
      measures: await tx.select({ title: measures.title, keys: measures.criterionKeys }).from(measures),
      targets: (await tx.select({ targets: strategies.targets }).from(strategies))[0]!.targets,
      settings: await q.getMaturitySettings(tx),
    }));
    expect(Object.fromEntries(after.measures.map((m) => [m.title, m.keys]))).toEqual({
      Beide: [kept],
      "Nur alt": [],
      "Nur bleibend": [kept],
    });
    expect(after.targets.map((t) => t.dimensionKey)).toEqual(["strategie"]);
    const governance = await withTenant(client.db, adopter.id, async (tx) => ({
      decision: (await tx.select({ keys: governanceDecisions.criterionKeys }).from(governanceDecisions))[0]!
        .keys,
      raci: (await tx.select({ keys: governanceRaciVersions.criterionKeys }).from(governanceRaciVersions))[0]!
        .keys,
      process: (await tx.select({ keys: governanceProcesses.criterionKeys }).from(governanceProcesses))[0]!
        .keys,
    }));
    // The published RACI version's content is immutable, its links follow the model (the trigger allows only them).
    expect(governance).toEqual({ decision: [kept], raci: [], process: [kept] });
    expect(after.settings?.modelId).toBe(newId);
    await expect(
      withTenant(client.db, adopter.id, (tx) =>
        q.adoptPublishedModel(tx, adopter.id, { userId: null, label: "Test" }),
      ),
    ).rejects.toThrow(/bereits die aktuelle Version/);
  });
});

describe("Kommune facts", () => {
  it("a completed measure needs a completion date and evidence", async () => {
    const error = await failure(
      withTenant(client.db, kommune.id, (tx) =>
        tx.insert(measures).values({
          tenantId: kommune.id,
          title: "Ohne Nachweis",
          status: "completed",
          completedOn: "2025-01-01",
        }),
      ),
    );
    expect(error).toContain("measures_completed_has_evidence");
    const noDate = await failure(
      withTenant(client.db, kommune.id, (tx) =>
        tx.insert(measures).values({
          tenantId: kommune.id,
          title: "Ohne Datum",
          status: "completed",
          evidenceText: "Beschluss",
        }),
      ),
    );
    expect(noDate).toContain("measures_completed_has_date");
  });

  it("approved strategy versions cannot be changed by the runtime role", async () => {
    const versionId = await withTenant(client.db, kommune.id, async (tx) => {
      const [s] = await tx
        .insert(strategies)
        .values({ tenantId: kommune.id, title: "Strategie" })
        .returning();
      const [v] = await tx
        .insert(strategyVersions)
        .values({
          tenantId: kommune.id,
          strategyId: s!.id,
          version: 1,
          title: "Strategie",
          vision: "",
          goals: [],
          targets: [],
          modelId: DEFAULT_MODEL_ID,
          approvedOn: "2026-01-15",
          approvedByName: "Lena Leitung",
        })
        .returning();
      return v!.id;
    });
    expect(
      await failure(
        withTenant(client.db, kommune.id, (tx) =>
          tx
            .update(strategyVersions)
            .set({ approvedOn: "2020-01-01" })
            .where(eq(strategyVersions.id, versionId)),
        ),
      ),
    ).toContain("permission denied");
  });
});
