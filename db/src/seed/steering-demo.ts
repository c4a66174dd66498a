// Demo steering data for Halle (Saale): the Modellprojekt "Digitales Gesundheitsamt" with status reports and its
// Risikobehandlungsplan (milestone 2), whose critical risk was cleared by milestone 9; and one running project of the
// Projektliste with a red status report and a critical open risk, so the leadership's start page shows one.
// Idempotent: a project that has risks is left alone. Written through the same functions as the screens (audited).
import { eq } from "drizzle-orm";
import type { Database } from "../client.ts";
import { addRisk, addStatusReport } from "../queries/steering.ts";
import { projects } from "../schema/portfolio.ts";
import { projectRisks } from "../schema/steering.ts";
import { tenants } from "../schema/tenants.ts";
import { withoutTenant, withTenant } from "../tenant-tx.ts";
import { HALLE_SLUG } from "./maturity-demo-halle.ts";

const ACTOR = { userId: null, label: "Demo-Daten" };
const AUTHOR = { userId: null, name: "Demo-Daten (PMO)" };

export async function seedSteeringDemo(db: Database): Promise<{ reports: number; risks: number }> {
  const [halle] = await withoutTenant(
    db,
    (tx) => tx.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, HALLE_SLUG)),
    { readOnly: true },
  );
  if (!halle) return { reports: 0, risks: 0 };
  return withTenant(db, halle.id, async (tx) => {
    if ((await tx.select({ id: projectRisks.id }).from(projectRisks).limit(1)).length > 0)
      return { reports: 0, risks: 0 };
    const all = await tx
      .select({ id: projects.id, name: projects.name, status: projects.status })
      .from(projects);
    const ga = all.find((p) => p.name === "Digitales Gesundheitsamt");
    const running = all.find((p) => p.status === "in_progress" && p.id !== ga?.id);
    let reports = 0;
    let risks = 0;
    if (ga) {
      await addRisk(tx, halle.id, ACTOR, {
        projectId: ga.id,
        title: "Datenschutzrechtliche Freigabe der Fachanwendung fehlt",
        description: "Ohne Datenschutz-Folgenabschätzung darf die Fachanwendung nicht in Betrieb gehen.",
        probability: 4,
        impact: 5,
        ownerName: "Projektleitung Modellprojekt",
        treatment:
          "Risikobehandlungsplan (Meilenstein 2): DSFA mit dem Datenschutzbeauftragten; mit Meilenstein 9 beseitigt.",
        status: "closed",
      });
      await addRisk(tx, halle.id, ACTOR, {
        projectId: ga.id,
        title: "Schnittstelle zur Meldesoftware verzögert sich",
        description: "",
        probability: 3,
        impact: 3,
        ownerName: "IT-Dienstleister",
        treatment: "Zwischenlösung mit Datei-Import bis zur Schnittstelle.",
        status: "closed",
      });
      risks += 2;
      for (const r of [
        {
          reportedOn: "2023-06-30",
          schedule: "yellow",
          cost: "green",
          quality: "green",
          resources: "yellow",
        },
        { reportedOn: "2024-03-31", schedule: "green", cost: "green", quality: "yellow", resources: "green" },
        { reportedOn: "2024-09-30", schedule: "green", cost: "green", quality: "green", resources: "green" },
      ] as const) {
        await addStatusReport(tx, halle.id, ACTOR, AUTHOR, {
          projectId: ga.id,
          ...r,
          summary:
            r.reportedOn === "2024-09-30"
              ? "Alle neun Meilensteine erreicht; kritische Risiken beseitigt (Meilenstein 9)."
              : "Umsetzung läuft; Risikobehandlungsplan in Arbeit.",
          nextSteps: "",
          decisionsNeeded: "",
        });
        reports++;
      }
    }
    if (running) {
      await addRisk(tx, halle.id, ACTOR, {
        projectId: running.id,
        title: "Rahmenvertrag Consultingleistungen ausgeschöpft",
        description: "Die abrufbaren Personentage reichen nicht bis zum Projektende.",
        probability: 4,
        impact: 4,
        ownerName: "PMO",
        treatment: "Nachtrag beim Verwaltungsausschuss beantragen.",
        status: "open",
      });
      await addStatusReport(tx, halle.id, ACTOR, AUTHOR, {
        projectId: running.id,
        reportedOn: "2024-11-29",
        schedule: "red",
        cost: "yellow",
        quality: "green",
        resources: "red",
        summary: "Verzug durch fehlende externe Kapazität.",
        nextSteps: "Nachtrag zum Rahmenvertrag vorbereiten.",
        decisionsNeeded: "Freigabe zusätzlicher Personentage durch die Verwaltungsführung.",
      });
      risks++;
      reports++;
    }
    return { reports, risks };
  });
}
