// Demo evidence files: Halle (Saale)'s Modellprojekt keeps the milestone reports of its completed milestones as PDFs
// (the measures' detail pages list and download them). Idempotent: a measure that has files is left alone. Runs after
// the maturity demo, in Halle's tenant transaction, through the same function as an upload (type check, audit entry).
import { formatDate } from "@spatz/domain";
import { and, eq, like } from "drizzle-orm";
import type { Database } from "../client.ts";
import { addEvidenceFile, countEvidenceFiles } from "../queries/evidence-files.ts";
import { measures } from "../schema/measures.ts";
import { tenants } from "../schema/tenants.ts";
import { withoutTenant, withTenant } from "../tenant-tx.ts";
import { demoPdf } from "./demo-pdf.ts";
import { HALLE_SLUG } from "./maturity-demo-halle.ts";

const ACTOR = { userId: null, label: "Demo-Daten" };

export async function seedEvidenceDemo(db: Database): Promise<{ files: number }> {
  const [halle] = await withoutTenant(
    db,
    (tx) => tx.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, HALLE_SLUG)),
    { readOnly: true },
  );
  if (!halle) return { files: 0 };
  return withTenant(db, halle.id, async (tx) => {
    const milestones = await tx
      .select()
      .from(measures)
      .where(and(eq(measures.status, "completed"), like(measures.title, "Meilenstein %")));
    let files = 0;
    for (const m of milestones) {
      if ((await countEvidenceFiles(tx, m.id)) > 0) continue;
      const n = /^Meilenstein (\d+)/.exec(m.title)?.[1] ?? "";
      const pdf = demoPdf(`Meilensteinbericht ${n} an die Lenkungsgruppe`, [
        'Modellprojekt "Digitales Gesundheitsamt", Stadt Halle (Saale)',
        m.title,
        `Abgeschlossen am ${formatDate(m.completedOn)}.`,
        "Der Meilenstein wurde von der Lenkungsgruppe abgenommen.",
      ]);
      await addEvidenceFile(tx, halle.id, ACTOR, m, {
        fileName: `Meilensteinbericht ${n}.pdf`,
        bytes: pdf,
      });
      files++;
    }
    return { files };
  });
}
