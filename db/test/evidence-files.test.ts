// Evidence files in the database, as the runtime role: a file counts as a completed measure's evidence, the last
// evidence of a completed measure cannot be deleted by any path, files are never changed, and the stored size and hash
// belong to the stored bytes.
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDb, type DbClient } from "../src/client.ts";
import { describeDbError } from "../src/migrate.ts";
import * as q from "../src/queries/index.ts";
import { measureEvidenceFiles } from "../src/schema/evidence-files.ts";
import { measures } from "../src/schema/measures.ts";
import { withTenant } from "../src/tenant-tx.ts";
import { createTestTenant, createTestUser } from "./fixtures.ts";

let client: DbClient;
let kommune: { id: string };
let actor: { userId: string; label: string };

beforeAll(async () => {
  client = createDb(inject("appUrl"), { max: 4 });
  kommune = await createTestTenant(client.db, "nachweis");
  const user = await createTestUser(client.db, kommune.id, "coordinator");
  actor = { userId: user.id, label: user.email };
});
afterAll(() => client.close());

const PDF = new TextEncoder().encode("%PDF-1.4\n% Beschluss der Verwaltungskonferenz\n%%EOF\n");
const PHOTO = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);

async function failure(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    return describeDbError(error);
  }
  return "no error";
}

const inKommune = <T>(fn: Parameters<typeof withTenant<T>>[2]) => withTenant(client.db, kommune.id, fn);

async function openMeasure(title = "Beschluss herbeiführen") {
  const [m] = await inKommune((tx) =>
    tx.insert(measures).values({ tenantId: kommune.id, title }).returning(),
  );
  return m!;
}

describe("evidence files", () => {
  it("a file is evidence enough to complete a measure, and its last file cannot be deleted afterwards", async () => {
    const m = await openMeasure();
    const stored = await inKommune((tx) =>
      q.addEvidenceFile(tx, kommune.id, actor, m, { fileName: "Beschluss.pdf", bytes: PDF }),
    );
    expect(stored).toMatchObject({
      mediaType: "application/pdf",
      sizeBytes: PDF.length,
      sha256: createHash("sha256").update(PDF).digest("hex"),
    });
    const done = await inKommune(async (tx) => {
      const [before] = await q.getMeasuresByIds(tx, [m.id]);
      return q.changeMeasureStatus(tx, kommune.id, actor, before!, {
        status: "completed",
        completedOn: "2025-06-30",
        evidenceText: null,
        evidenceUrl: null,
      });
    });
    expect(done).toMatchObject({ status: "completed", evidenceText: null, evidenceUrl: null });

    // The query function refuses with a reason …
    const refused = await failure(
      inKommune(async (tx) => {
        const [measure] = await q.getMeasuresByIds(tx, [m.id]);
        return q.removeEvidenceFile(tx, kommune.id, actor, measure!, stored);
      }),
    );
    expect(refused).toContain("einziger Nachweis");
    // … and the database refuses any other path (a bare DELETE as the runtime role).
    const bare = await failure(
      inKommune((tx) => tx.delete(measureEvidenceFiles).where(eq(measureEvidenceFiles.id, stored.id))),
    );
    expect(bare).toContain("measures_completed_has_evidence");
    // While the file is there, a text may come and go again.
    await inKommune(async (tx) => {
      await tx.update(measures).set({ evidenceText: "Beschluss vom 30.06." }).where(eq(measures.id, m.id));
      await tx.update(measures).set({ evidenceText: null }).where(eq(measures.id, m.id));
    });

    // With a second file (or a text), the first may go; the audit log has both steps on the measure.
    await inKommune((tx) =>
      q.addEvidenceFile(tx, kommune.id, actor, m, { fileName: "Foto Abnahme.jpg", bytes: PHOTO }),
    );
    await inKommune(async (tx) => {
      const [measure] = await q.getMeasuresByIds(tx, [m.id]);
      await q.removeEvidenceFile(tx, kommune.id, actor, measure!, stored);
    });
    const files = await inKommune((tx) => q.listEvidenceFiles(tx, m.id));
    expect(files.map((f) => f.fileName)).toEqual(["Foto Abnahme.jpg"]);
    expect(files[0]!.uploadedByName).toBe("Test coordinator");
    const history = await inKommune((tx) =>
      q.listAudit(tx, { entityType: "measure", entityId: m.id, page: 1, pageSize: 20 }),
    );
    expect(history.items.map((e) => e.action).sort()).toEqual([
      "measure.complete",
      "measure.evidence_add",
      "measure.evidence_add",
      "measure.evidence_remove",
    ]);
  });

  it("a completed measure without text, link or file is refused by the database", async () => {
    const m = await openMeasure("Ohne Nachweis");
    const error = await failure(
      inKommune((tx) =>
        tx
          .update(measures)
          .set({ status: "completed", completedOn: "2025-01-01" })
          .where(eq(measures.id, m.id)),
      ),
    );
    expect(error).toContain("measures_completed_has_evidence");
  });

  it("refuses the same file twice, a type that does not match, and any change of a stored file", async () => {
    const m = await openMeasure("Doppelt");
    await inKommune((tx) => q.addEvidenceFile(tx, kommune.id, actor, m, { fileName: "a.pdf", bytes: PDF }));
    expect(
      await failure(
        inKommune((tx) => q.addEvidenceFile(tx, kommune.id, actor, m, { fileName: "b.pdf", bytes: PDF })),
      ),
    ).toContain("bereits als Nachweis hinterlegt");
    expect(
      await failure(
        inKommune((tx) =>
          q.addEvidenceFile(tx, kommune.id, actor, m, { fileName: "foto.png", bytes: PHOTO }),
        ),
      ),
    ).toContain("kein PNG-Bild");
    // The runtime role has no UPDATE on the table: files are added and removed, never changed.
    expect(
      await failure(
        inKommune((tx) =>
          tx
            .update(measureEvidenceFiles)
            .set({ fileName: "x.pdf" })
            .where(eq(measureEvidenceFiles.measureId, m.id)),
        ),
      ),
    ).toContain("permission denied");
    // Size and bytes cannot disagree.
    expect(
      await failure(
        inKommune((tx) =>
          tx.insert(measureEvidenceFiles).values({
            tenantId: kommune.id,
            measureId: m.id,
            fileName: "falsch.pdf",
            mediaType: "application/pdf",
            sizeBytes: 1,
            sha256: "0".repeat(64),
            content: PDF,
          }),
        ),
      ),
    ).toContain("measure_evidence_files_size_matches");
  });

  it("lets only one of two parallel uploads take the last space of a Kommune's quota", async () => {
    // The quota is what this file's Kommune already stores plus room for one more file (a new Kommune would change
    // the Land's figures that other test files check).
    const m = await openMeasure("Speicher");
    const pdf = (tag: string) => new TextEncoder().encode(`%PDF-1.4\n% ${tag} ${"x".repeat(600)}\n%%EOF\n`);
    const before = await inKommune((tx) => q.evidenceBytesUsed(tx));
    const limits = { quotaBytes: before + 1000 };
    // The first upload stays uncommitted until the second has started: without the per-Kommune lock the second would
    // count only committed bytes and fit as well.
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let inserted!: () => void;
    const firstInserted = new Promise<void>((resolve) => {
      inserted = resolve;
    });
    const first = inKommune(async (tx) => {
      await q.addEvidenceFile(tx, kommune.id, actor, m, { fileName: "eins.pdf", bytes: pdf("eins") }, limits);
      inserted();
      await held;
    });
    await firstInserted;
    const second = failure(
      inKommune((tx) =>
        q.addEvidenceFile(tx, kommune.id, actor, m, { fileName: "zwei.pdf", bytes: pdf("zwei") }, limits),
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    await first;
    expect(await second).toContain("Der Speicher für Nachweisdateien Ihrer Verwaltung reicht dafür nicht");
    const stored = await inKommune((tx) => q.evidenceBytesUsed(tx));
    expect(stored).toBe(before + pdf("eins").length);
  });
});
