// Demo IT-Governance for Halle (Saale): the Verwaltungsausschuss with the seed's decision of 25.05.2023 (framework
// contracts for consulting), the Digitalisierungsrat that adopted the digital strategy, the Lenkungskreis, and three
// processes (one reviewed, one overdue, one never reviewed), and this year's capacity (the consulting contract by that
// decision, the own staff of three GBs). No RACI matrix: publishing one is the CDO's first step.
// Idempotent: a Kommune that has Gremien is left alone. Written through the same functions as the screens (audited).
import { berlinToday } from "@spatz/domain";
import { asc, desc, eq } from "drizzle-orm";
import type { Database } from "../client.ts";
import { createCapacitySource } from "../queries/capacity.ts";
import {
  addDecision,
  addMeeting,
  addProcessReview,
  createBody,
  createProcess,
} from "../queries/governance.ts";
import { governanceBodies } from "../schema/governance.ts";
import { users } from "../schema/identity.ts";
import { orgUnits } from "../schema/org-units.ts";
import { strategyVersions } from "../schema/strategies.ts";
import { tenants } from "../schema/tenants.ts";
import { withoutTenant, withTenant } from "../tenant-tx.ts";
import { HALLE_SLUG } from "./maturity-demo-halle.ts";

const ACTOR = { userId: null, label: "Demo-Daten" };

export async function seedGovernanceDemo(db: Database): Promise<{ bodies: number; decisions: number }> {
  const [halle] = await withoutTenant(
    db,
    (tx) => tx.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, HALLE_SLUG)),
    { readOnly: true },
  );
  if (!halle) return { bodies: 0, decisions: 0 };
  return withTenant(db, halle.id, async (tx) => {
    if ((await tx.select({ id: governanceBodies.id }).from(governanceBodies).limit(1)).length > 0)
      return { bodies: 0, decisions: 0 };
    const people = await tx.select({ id: users.id, role: users.role }).from(users);
    const user = (role: string) => people.find((p) => p.role === role)?.id ?? null;
    const member = (role: string, fn: "chair" | "deputy" | "member" | "guest") =>
      user(role) ? [{ userId: user(role), name: "", organisation: "", function: fn }] : [];

    const va = await createBody(tx, halle.id, ACTOR, {
      name: "Verwaltungsausschuss",
      purpose:
        "Beschließender Ausschuss des Stadtrates, u. a. für Verträge und Vergaben über der Wertgrenze.",
      rhythm: "monthly",
      members: [
        {
          userId: null,
          name: "Oberbürgermeister/in",
          organisation: "Stadt Halle (Saale)",
          function: "chair",
        },
        { userId: null, name: "Mitglieder des Stadtrates", organisation: "Stadtrat", function: "member" },
      ],
    });
    const vaMeeting = await addMeeting(tx, halle.id, ACTOR, {
      bodyId: va.id,
      heldOn: "2023-05-25",
      agenda: "Rahmenverträge zur Unterstützung durch Consultingleistungen\nVergaben Digitalisierung 2023",
      minutesUrl: null,
    });
    const consulting = await addDecision(tx, halle.id, ACTOR, {
      meetingId: vaMeeting.id,
      number: "VA 2023/05-07",
      title: "Rahmenverträge Consultingleistungen",
      text: "Der Verwaltungsausschuss beschließt den Abschluss von Rahmenverträgen zur Unterstützung der Digitalisierungsprojekte durch Consultingleistungen.",
      status: "adopted",
      criterionKeys: [],
      links: [],
    });

    const rat = await createBody(tx, halle.id, ACTOR, {
      name: "Digitalisierungsrat",
      purpose:
        "Steuert die Digitalstrategie, priorisiert die Projektanmeldungen und entscheidet über Standards.",
      rhythm: "quarterly",
      members: [
        ...member("leadership", "chair"),
        ...member("coordinator", "deputy"),
        ...member("admin", "member"),
      ],
    });
    const ratMeeting = await addMeeting(tx, halle.id, ACTOR, {
      bodyId: rat.id,
      heldOn: "2023-03-15",
      agenda: "Konstituierende Sitzung\nGeschäftsordnung\nDigitalstrategie",
      minutesUrl: null,
    });
    const [strategy] = await tx
      .select({ id: strategyVersions.id })
      .from(strategyVersions)
      .orderBy(desc(strategyVersions.approvedOn))
      .limit(1);
    await addDecision(tx, halle.id, ACTOR, {
      meetingId: ratMeeting.id,
      number: "DR 2023/01",
      title: "Geschäftsordnung des Digitalisierungsrates",
      text: "Der Digitalisierungsrat gibt sich eine Geschäftsordnung mit Rollen, Zuständigkeiten und Sitzungsrhythmus.",
      status: "adopted",
      criterionKeys: [],
      links: [],
    });
    if (strategy)
      await addDecision(tx, halle.id, ACTOR, {
        meetingId: ratMeeting.id,
        number: "DR 2023/02",
        title: "Digitalstrategie der Stadtverwaltung",
        text: "Der Digitalisierungsrat empfiehlt die Digitalstrategie mit ihren Soll-Reifegraden zur Freigabe.",
        status: "adopted",
        criterionKeys: [],
        links: [{ kind: "strategy_version", id: strategy.id }],
      });

    await createBody(tx, halle.id, ACTOR, {
      name: "Lenkungskreis Digitales Gesundheitsamt",
      purpose: "Projektsteuerung des Modellprojekts: Meilensteine, Risiken, Entscheidungsbedarf.",
      rhythm: "monthly",
      members: [...member("project_lead", "chair"), ...member("coordinator", "member")],
    });

    const anmeldung = await createProcess(tx, halle.id, ACTOR, {
      name: "Projektanmeldung",
      ownerName: "CDO / PMO",
      description: "Fachbereiche melden Vorhaben für das Folgejahr an; der Digitalisierungsrat priorisiert.",
      documentUrl: null,
      reviewEveryMonths: 12,
      criterionKeys: [],
    });
    await addProcessReview(tx, halle.id, ACTOR, "Demo-Daten", {
      processId: anmeldung.id,
      reviewedOn: "2026-03-02",
      note: "Bewertungskriterien um Nachnutzung (EfA) ergänzt.",
    });
    const beschaffung = await createProcess(tx, halle.id, ACTOR, {
      name: "IT-Beschaffung",
      ownerName: "Zentrale Vergabestelle",
      description: "Beschaffung von Hard- und Software über die Rahmenverträge und Einzelvergaben.",
      documentUrl: null,
      reviewEveryMonths: 24,
      criterionKeys: [],
    });
    await addProcessReview(tx, halle.id, ACTOR, "Demo-Daten", {
      processId: beschaffung.id,
      reviewedOn: "2024-06-01",
      note: "",
    });
    await createProcess(tx, halle.id, ACTOR, {
      name: "Freigabe SOLL-Prozess",
      ownerName: "Prozessmanagement",
      description: "Fachbereich und Prozessmanagement geben modellierte SOLL-Prozesse frei.",
      documentUrl: null,
      reviewEveryMonths: 12,
      criterionKeys: [],
    });
    // Capacity of this year: the consulting framework contract (centrally, by the VA's Beschluss) and the own staff of
    // the first GBs of the Projektliste – so the capacity view shows where the plans exceed them.
    const year = Number(berlinToday().slice(0, 4));
    await createCapacitySource(tx, halle.id, ACTOR, {
      gbId: null,
      year,
      kind: "framework_contract",
      name: "Rahmenverträge Consultingleistungen",
      personDays: 600,
      consumedDays: 240,
      decisionId: consulting.id,
    });
    const gbs = await tx
      .select({ id: orgUnits.id })
      .from(orgUnits)
      .where(eq(orgUnits.kind, "gb"))
      .orderBy(asc(orgUnits.code))
      .limit(3);
    for (const [i, gb] of gbs.entries())
      await createCapacitySource(tx, halle.id, ACTOR, {
        gbId: gb.id,
        year,
        kind: "internal",
        name: "Eigenes Personal (Digitalisierung)",
        personDays: [220, 120, 60][i]!,
        consumedDays: 0,
        decisionId: null,
      });
    return { bodies: 3, decisions: strategy ? 3 : 2 };
  });
}
