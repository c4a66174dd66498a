// Demo portfolios. Halle (Saale) gets its real Projektliste 2023 imported through the import code path (so the Dauer
// warnings are real), a status update of those 15 projects, and about 65 further plausible projects of 2023 (demo
// data, not Halle's real list), milestones, PM standards and an open registration round for next year with proposals.
// A few other Kommunen get smaller portfolios. Idempotent: a Kommune that already has projects is left alone.
import { readFileSync } from "node:fs";
import path from "node:path";
import { berlinToday, SCORING_CRITERIA } from "@spatz/domain";
import { count, eq } from "drizzle-orm";
import { type Actor, writeAudit } from "../audit.ts";
import type { Database } from "../client.ts";
import { STATE_TENANT_ID } from "../constants.ts";
import { seedDataDir } from "../files.ts";
import { commitImport } from "../queries/project-import.ts";
import { decideProposal, openRound, scoreProposal, submitProposal } from "../queries/registration.ts";
import { orgUnits } from "../schema/org-units.ts";
import { projectMilestones, projectStandards, projects } from "../schema/portfolio.ts";
import { tenants } from "../schema/tenants.ts";
import { type TenantTx, withTenant } from "../tenant-tx.ts";
import { DEMO_ORG_TREES, ensureOrgUnits, gbTree } from "./demo-org-units.ts";

const ACTOR: Actor = { userId: null, label: "Demo-Daten" };

/** Seeded PRNG (mulberry32): the same demo every time. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** GB, R, name, description, start month (2023), months, method */
type Plan = [string, string, string, string, number, number, "klassisch" | "agil" | "hybrid"];

const HALLE_MORE: Plan[] = [
  ["ALL", "Quer", "E-Akte Einführung Stufe 2", "Rollout der E-Akte in weitere Fachbereiche", 1, 60, "hybrid"],
  [
    "ALL",
    "Quer",
    "Elektronischer Rechnungseingang (XRechnung)",
    "Eingang, Prüfung und Freigabe digital",
    1,
    12,
    "klassisch",
  ],
  [
    "ALL",
    "Quer",
    "Fernsignatur für Bescheide",
    "Qualifizierte elektronische Signatur im Fachverfahren",
    3,
    9,
    "klassisch",
  ],
  [
    "ALL",
    "Quer",
    "Informationssicherheitsmanagement (ISMS)",
    "Aufbau nach BSI IT-Grundschutz",
    1,
    48,
    "klassisch",
  ],
  ["ALL", "Quer", "IT-Notfallhandbuch", "Notfallkonzept und jährliche Übung", 2, 10, "klassisch"],
  [
    "ALL",
    "Quer",
    "Open-Data-Portal",
    "Offene Daten der Stadt maschinenlesbar veröffentlichen",
    4,
    12,
    "agil",
  ],
  ["ALL", "Quer", "Intranet-Relaunch", "Neues Mitarbeiterportal mit Suche", 2, 10, "agil"],
  ["ALL", "Quer", "Scan-Center", "Zentrale Digitalisierung des Posteingangs", 5, 14, "hybrid"],
  [
    "ALL",
    "Quer",
    "Digitale Gremienarbeit",
    "Ratsinformationssystem und Tablets für Stadtrat",
    1,
    8,
    "klassisch",
  ],
  ["ALL", "Quer", "Mehr-Faktor-Anmeldung", "MFA für Fernzugriff und Cloud-Dienste", 6, 6, "agil"],
  ["ALL", "Quer", "Datensicherung 3-2-1", "Neues Backup-Konzept mit Offline-Kopie", 3, 8, "klassisch"],
  ["ALL", "Quer", "Telefonie-Migration (VoIP)", "Ablösung der alten Telefonanlage", 1, 15, "klassisch"],
  ["OB", "13", "Barrierefreie Website (BITV 2.0)", "Prüfung und Nachbesserung von halle.de", 3, 9, "agil"],
  ["OB", "13", "Social-Media-Management", "Redaktionsplanung und Freigaben", 5, 5, "agil"],
  ["OB", "14", "Prüfsoftware Rechnungsprüfung", "Datenanalyse für Prüfungen", 2, 7, "klassisch"],
  ["OB", "30", "Vertragsmanagement", "Zentrale Vertragsdatenbank mit Fristen", 4, 10, "hybrid"],
  ["OB", "37", "Digitale Einsatzdokumentation", "Mobile Erfassung im Rettungsdienst", 2, 14, "hybrid"],
  ["OB", "37", "Alarmierung über Digitalfunk", "Anbindung der Leitstelle", 6, 12, "klassisch"],
  ["I", "11", "Digitale Personalakte", "Personalakten scannen und elektronisch führen", 1, 18, "hybrid"],
  ["I", "11", "Bewerbermanagement", "Online-Bewerbung und Auswahlverfahren", 3, 8, "agil"],
  ["I", "11", "Digitaler Urlaubsantrag", "Workflow in der Zeiterfassung", 2, 6, "agil"],
  ["I", "11", "E-Learning Pflichtschulungen", "Datenschutz und Informationssicherheit online", 4, 6, "agil"],
  ["I", "12", "Client-Erneuerung 2023", "Austausch von 1.200 Arbeitsplatzrechnern", 1, 12, "klassisch"],
  ["I", "12", "Service-Desk mit Ticketsystem", "Einheitliche Annahme von IT-Störungen", 2, 7, "agil"],
  [
    "I",
    "12",
    "Netzsegmentierung Rechenzentrum",
    "Zonen und Firewall-Regeln nach Schutzbedarf",
    5,
    12,
    "klassisch",
  ],
  ["I", "20", "Haushaltsplanung digital", "Planungssoftware mit Fachbereichsbeteiligung", 1, 12, "klassisch"],
  ["I", "20", "Gewerbesteuerbescheide digital", "Bescheide über das Unternehmenskonto", 7, 9, "hybrid"],
  ["I", "23", "Liegenschaftsverwaltung", "Gebäude- und Flächendaten in einem System", 3, 45, "klassisch"],
  ["II", "40", "Schul-WLAN (DigitalPakt)", "WLAN-Ausbau in 48 Schulen", 1, 48, "klassisch"],
  ["II", "40", "Tablets für Grundschulen", "Beschaffung und Geräteverwaltung", 2, 8, "klassisch"],
  ["II", "40", "Schulanmeldung online", "Anmeldung zur Grundschule über das Bürgerportal", 4, 6, "agil"],
  [
    "II",
    "41",
    "Digitalisierung Stadtarchiv",
    "Bestände scannen und online recherchierbar machen",
    1,
    54,
    "klassisch",
  ],
  ["II", "41", "Selbstverbuchung Stadtbibliothek", "RFID-Ausleihe und Rückgabe", 5, 8, "klassisch"],
  ["II", "50", "Wohngeld online (OZG)", "Antrag über die EfA-Lösung", 3, 7, "hybrid"],
  ["II", "50", "Bildung und Teilhabe online", "BuT-Anträge digital stellen", 6, 6, "agil"],
  ["II", "51", "Kita-Portal", "Platzsuche und Vormerkung für Eltern", 1, 12, "agil"],
  ["II", "51", "Elterngeld digital", "Anbindung an ELFE", 5, 7, "hybrid"],
  ["II", "51", "Fachverfahren Jugendhilfe", "Migration auf die neue Version", 2, 14, "klassisch"],
  ["II", "53", "Digitales Gesundheitsamt", "Umsetzung nach dem Reifegradmodell", 1, 48, "hybrid"],
  ["II", "53", "DEMIS-Anbindung", "Elektronische Meldungen nach IfSG", 2, 6, "klassisch"],
  ["II", "53", "Schuleingangsuntersuchung digital", "Tablet-gestützte Untersuchungen", 6, 7, "agil"],
  ["III", "61", "Bauleitplanung mit XPlanung", "Bebauungspläne im Standard XPlanung", 3, 12, "klassisch"],
  ["III", "61", "Beteiligungsportal", "Online-Bürgerbeteiligung zu Planungen", 4, 6, "agil"],
  ["III", "61", "Digitaler Bauantrag", "Bauantrag online über die EfA-Lösung", 1, 42, "hybrid"],
  ["III", "62", "3D-Stadtmodell", "Gebäudemodell LoD2 für Planung und Solarkataster", 2, 11, "klassisch"],
  ["III", "66", "Baustellenkoordination", "Gemeinsame Karte aller Baustellen", 5, 8, "agil"],
  [
    "III",
    "66",
    "Digitale Parkraumbewirtschaftung",
    "Handyparken und digitale Anwohnerausweise",
    3,
    10,
    "hybrid",
  ],
  ["III", "67", "Baumkataster mobil", "Baumkontrollen mit Tablet", 4, 6, "agil"],
  ["III", "67", "Umweltsensorik", "Luftqualität und Lärm an 20 Messpunkten", 7, 12, "agil"],
  ["IV", "32", "Gewerbeanmeldung online (EfA)", "Gewerbean-, -um- und -abmeldung digital", 1, 6, "hybrid"],
  ["IV", "32", "Sondernutzung online", "Anträge für Sondernutzungen im Straßenraum", 5, 6, "agil"],
  ["IV", "32", "Fundbüro online", "Fundsachen online suchen und melden", 8, 4, "agil"],
  ["IV", "33", "Online-Terminvereinbarung Bürgerservice", "Termine für alle Bürgerbüros", 1, 5, "agil"],
  ["IV", "33", "Elektronische Wohnsitzanmeldung", "eWA nach dem Bundesstandard", 3, 8, "hybrid"],
  ["IV", "33", "Digitale Passbilder", "Lichtbilder direkt im Bürgerbüro aufnehmen", 4, 9, "klassisch"],
  ["IV", "34", "Personenstandsurkunden online", "Urkunden online beantragen und bezahlen", 2, 6, "agil"],
  ["ALL", "Quer", "Digitale Poststelle", "Posteingang scannen und elektronisch verteilen", 4, 10, "hybrid"],
  ["I", "12", "Mobile Device Management", "Verwaltung der Diensthandys und Tablets", 3, 6, "agil"],
  ["I", "20", "E-Payment-Plattform", "Online-Bezahlung für alle Onlinedienste", 2, 9, "hybrid"],
  ["II", "40", "Medienentwicklungsplan Schulen", "Fortschreibung mit den Schulen", 1, 10, "klassisch"],
  ["II", "50", "Hilfe zur Pflege online", "Digitale Antragsstrecke", 7, 8, "agil"],
  ["III", "66", "Verkehrsdatenplattform", "Echtzeitdaten zu Verkehr und Baustellen", 5, 14, "agil"],
  ["III", "67", "Hochwasser-Frühwarnung Saale", "Pegeldaten und Warnungen für Anlieger", 3, 12, "hybrid"],
  ["IV", "32", "Bußgeldstelle digital", "Elektronische Akte im Bußgeldverfahren", 6, 12, "klassisch"],
];

const LEADS = [
  "M. Schulze",
  "K. Becker",
  "S. Hoffmann",
  "A. Wagner",
  "J. Richter",
  "T. Neumann",
  "C. Schwarz",
  "L. Krüger",
  "F. Wolf",
  "D. Lange",
  "Paula Projektleitung",
];

function iso(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
function german(isoDate: string): string {
  const [y, m, d] = isoDate.split("-");
  return `${d}.${m}.${y}`;
}
function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
/** The end of a project that starts on the 1st of `month` in `year` and runs `months` months. */
function endOf(year: number, month: number, months: number): string {
  const total = month - 1 + months - 1;
  const y = year + Math.floor(total / 12);
  const m = (total % 12) + 1;
  return iso(y, m, lastDay(y, m));
}

function tsv(rows: string[][]): Uint8Array {
  return new TextEncoder().encode(`${rows.map((r) => r.join("\t")).join("\n")}\n`);
}

const HEADER = [
  "GB",
  "R",
  "Projektname",
  "Projektbeschreibung",
  "Start",
  "Ende",
  "Status",
  "Priorität",
  "Methode",
  "Projektleitung",
  "Budget (€)",
  "Aufwand (PT)",
];

function statusFor(end: string, today: string, rnd: () => number): string {
  if (end < today) return rnd() < 0.85 ? "abgeschlossen" : rnd() < 0.5 ? "gestoppt" : "in Umsetzung";
  return "in Umsetzung";
}

function planRows(
  plans: Plan[],
  year: number,
  today: string,
  rnd: () => number,
  leads: string[],
): string[][] {
  return plans.map(([gb, r, name, description, month, months, method]) => {
    const start = iso(year, month, 1);
    const end = endOf(year, month, months);
    const budget = Math.round((20 + rnd() * 900) * 1000);
    const effort = Math.round(20 + rnd() * 500);
    return [
      gb,
      r,
      name,
      description,
      german(start),
      german(end),
      statusFor(end, today, rnd),
      ["hoch", "mittel", "niedrig"][Math.floor(rnd() * 3)]!,
      method,
      leads[Math.floor(rnd() * leads.length)]!,
      `${budget.toLocaleString("de-DE")},00 €`,
      String(effort),
    ];
  });
}

/** Milestones and PM standards for every project that has none yet, consistent with its status and today. */
async function seedMilestonesAndStandards(tx: TenantTx, tenantId: string, today: string, rnd: () => number) {
  const all = await tx.select().from(projects);
  const milestones: (typeof projectMilestones.$inferInsert)[] = [];
  const standards: (typeof projectStandards.$inferInsert)[] = [];
  for (const p of all) {
    const start = Date.parse(p.startDate);
    const span = Date.parse(p.endDate) - start;
    const at = (share: number) => new Date(start + span * share).toISOString().slice(0, 10);
    const steps: [string, number][] = [
      ["Kick-off", 0],
      ["Konzept abgenommen", 0.3],
      ["Pilotbetrieb", 0.7],
      ["Abnahme", 1],
    ];
    const overdueOne = p.status === "in_progress" && rnd() < 0.35;
    for (const [title, share] of steps) {
      const dueDate = at(share);
      const done =
        p.status === "completed" ||
        (p.status === "in_progress" && dueDate < today && !(overdueOne && share >= 0.7));
      milestones.push({ tenantId, projectId: p.id, title, dueDate, done });
    }
    const follows = (chance: number) => rnd() < chance;
    if (follows(0.85)) standards.push({ tenantId, projectId: p.id, standard: "charter" });
    if (follows(0.7)) standards.push({ tenantId, projectId: p.id, standard: "milestone_plan" });
    if (follows(0.45)) standards.push({ tenantId, projectId: p.id, standard: "risk_register" });
    if (follows(0.6)) standards.push({ tenantId, projectId: p.id, standard: "status_report" });
    if (p.status === "completed" && follows(0.8))
      standards.push({ tenantId, projectId: p.id, standard: "acceptance" });
  }
  for (let i = 0; i < milestones.length; i += 500)
    await tx.insert(projectMilestones).values(milestones.slice(i, i + 500));
  for (let i = 0; i < standards.length; i += 500)
    await tx
      .insert(projectStandards)
      .values(standards.slice(i, i + 500))
      .onConflictDoNothing();
  return { milestones: milestones.length, standards: standards.length };
}

/**
 * Halle's open registration round for the year after `today` ("Anmeldung für 2027" in 2026): proposals in every
 * state, one approved into a project of that year.
 */
async function seedNextRound(tx: TenantTx, tenantId: string, today: string, rnd: () => number) {
  const year = Number(today.slice(0, 4)) + 1;
  const round = await openRound(tx, tenantId, ACTOR, {
    year,
    title: `Anmeldung für ${year}`,
    deadline: `${year}-01-31`,
    weights: { strategicFit: 40, urgency: 30, dependencies: 15, cost: 15 },
  });
  const units = await tx.select().from(orgUnits);
  const unit = (gb: string, r: string) => {
    const g = units.find((u) => u.kind === "gb" && u.code === gb)!;
    return { gbId: g.id, rId: units.find((u) => u.parentId === g.id && u.code === r)!.id };
  };
  const proposals: [string, string, string, string, string, number, number, number][] = [
    [
      "ALL",
      "Quer",
      "KI-Assistenz für Bürgeranfragen",
      "Chatbot für häufige Fragen auf halle.de",
      "Entlastung des Bürgertelefons",
      4,
      9,
      180_000,
    ],
    [
      "II",
      "51",
      "Kita-Beitragsbescheide digital",
      "Bescheide über das Bürgerkonto zustellen",
      "OZG-Pflicht, hohe Fallzahlen",
      2,
      8,
      65_000,
    ],
    [
      "III",
      "61",
      "Digitale Bauakte",
      "Bestandsakten der Bauordnung scannen",
      "Voraussetzung für den digitalen Bauantrag",
      1,
      24,
      420_000,
    ],
    [
      "IV",
      "33",
      "Selbstbedienungsterminal Bürgerbüro",
      "Abholung von Dokumenten rund um die Uhr",
      "Wartezeiten verkürzen",
      5,
      6,
      95_000,
    ],
    [
      "I",
      "12",
      "Cloud-Arbeitsplatz (Pilot)",
      "Souveräne Cloud-Arbeitsplätze für zwei Fachbereiche",
      "Strategische Ausrichtung Digitalstrategie",
      3,
      12,
      240_000,
    ],
    [
      "OB",
      "37",
      "Fahrzeugortung Feuerwehr",
      "Standortdaten der Einsatzfahrzeuge in der Leitstelle",
      "Schnellere Disposition",
      6,
      6,
      70_000,
    ],
    [
      "II",
      "53",
      "Impfmanagement digital",
      "Terminvergabe und Dokumentation",
      "Ablösung der Insellösung",
      4,
      5,
      40_000,
    ],
  ];
  const ids: string[] = [];
  for (const [gb, r, name, description, justification, month, months, budgetEur] of proposals) {
    const p = await submitProposal(tx, tenantId, ACTOR, null, {
      roundId: round.id,
      ...unit(gb, r),
      name,
      description,
      justification,
      startDate: iso(year, month, 1),
      endDate: endOf(year, month, months),
      method: null,
      leadName: LEADS[Math.floor(rnd() * (LEADS.length - 1))]!,
      budgetCents: budgetEur * 100,
      effortDays: Math.round(budgetEur / 1100),
    });
    ids.push(p.id);
  }
  // Four assessed (scores 0–5 per criterion), one of them approved and one rejected; three still waiting.
  for (const id of ids.slice(0, 4)) {
    const scores = Object.fromEntries(SCORING_CRITERIA.map((c) => [c, 1 + Math.floor(rnd() * 5)])) as Record<
      (typeof SCORING_CRITERIA)[number],
      number
    >;
    await scoreProposal(tx, tenantId, ACTOR, id, scores, "Bewertung in der PMO-Runde");
  }
  await decideProposal(tx, tenantId, ACTOR, ids[1]!, "approved", "Genehmigt in der Lenkungsrunde");
  await decideProposal(tx, tenantId, ACTOR, ids[3]!, "rejected", `Zurückgestellt auf ${year + 1}`);
}

const OTHER: { slug: string; plans: Plan[] }[] = [
  {
    slug: "magdeburg",
    plans: [
      ["I", "10", "E-Akte Gesamtverwaltung", "Einführung in allen Ämtern", 1, 24, "hybrid"],
      ["I", "10", "Bürgerkonto-Anbindung", "Fachverfahren an das Servicekonto anbinden", 3, 9, "agil"],
      ["I", "10", "Informationssicherheit nach BSI", "ISMS-Aufbau", 2, 18, "klassisch"],
      ["I", "33", "Online-Terminvergabe", "Alle Bürgerbüros", 1, 4, "agil"],
      ["I", "33", "Wohnsitzanmeldung online", "eWA", 5, 8, "hybrid"],
      ["IV", "40", "Schul-WLAN", "DigitalPakt Schule", 1, 20, "klassisch"],
      ["IV", "40", "Lernplattform Schulen", "Einführung Moodle", 4, 10, "agil"],
      ["OB", "01", "Digitale Ratsarbeit", "Gremieninformationssystem", 2, 6, "klassisch"],
      ["OB", "01", "Digitalstrategie 2030", "Strategieprozess mit Beteiligung", 1, 12, "agil"],
      ["I", "10", "Rechenzentrumskooperation", "Gemeinsamer Betrieb mit dem Land", 6, 18, "klassisch"],
    ],
  },
  {
    slug: "dessau-rosslau",
    plans: [
      ["OB", "10", "E-Rechnung", "XRechnung-Eingang", 1, 8, "klassisch"],
      ["OB", "10", "Clientverwaltung", "Zentrale Softwareverteilung", 3, 6, "klassisch"],
      ["III", "32", "Gewerbeanmeldung online", "EfA-Lösung", 2, 5, "hybrid"],
      ["III", "33", "Online-Terminvereinbarung", "Bürgeramt", 1, 3, "agil"],
      ["III", "33", "Digitale Passbilder", "PointID", 6, 6, "klassisch"],
      ["OB", "10", "Homepage-Relaunch", "Barrierefreie Website", 4, 9, "agil"],
      ["OB", "10", "Notfallkonzept IT", "Notfallhandbuch und Übung", 2, 8, "klassisch"],
    ],
  },
  {
    slug: "landkreis-harz",
    plans: [
      ["LR", "10", "Breitband-Koordination", "Förderprojekte Gigabit", 1, 24, "klassisch"],
      ["LR", "10", "E-Akte Kreisverwaltung", "Einführung in Pilotämtern", 2, 18, "hybrid"],
      ["II", "50", "Wohngeld online", "EfA-Lösung", 3, 6, "hybrid"],
      ["II", "53", "Digitales Gesundheitsamt", "Reifegrad-Maßnahmen", 1, 48, "hybrid"],
      ["II", "53", "DEMIS-Anbindung", "Meldewesen", 2, 5, "klassisch"],
      ["III", "63", "Digitaler Bauantrag", "EfA-Bauantrag und XBau", 1, 42, "hybrid"],
      ["III", "63", "Bauakten-Digitalisierung", "Archiv scannen", 5, 12, "klassisch"],
      ["LR", "10", "Kreistagsinformationssystem", "Digitale Gremienarbeit", 4, 6, "agil"],
    ],
  },
];

export type PortfolioSeedResult = { tenant: string; projects: number; warnings: number }[];

async function tenantIdBySlug(db: Database, slug: string): Promise<string | null> {
  const [row] = await withTenant(db, STATE_TENANT_ID, (tx) =>
    tx.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, slug)),
  );
  return row?.id ?? null;
}

async function hasProjects(tx: TenantTx): Promise<boolean> {
  const [row] = await tx.select({ n: count() }).from(projects);
  return (row?.n ?? 0) > 0;
}

export async function seedPortfolioDemo(db: Database, today = berlinToday()): Promise<PortfolioSeedResult> {
  const result: PortfolioSeedResult = [];
  const halleId = await tenantIdBySlug(db, "halle-saale");
  if (halleId) {
    const seeded = await withTenant(db, halleId, async (tx) => {
      if (await hasProjects(tx)) return null;
      const rnd = random(2023);
      await ensureOrgUnits(tx, halleId, gbTree(DEMO_ORG_TREES["halle-saale"]!));
      const list = new Uint8Array(readFileSync(path.join(seedDataDir, "halle", "projektliste-2023.tsv")));
      const real = await commitImport(tx, halleId, ACTOR, list, "projektliste-2023.tsv");
      if (!real.committed)
        throw new Error(`Projektliste 2023: ${real.errors.map((e) => e.message).join("; ")}`);
      // A second list as the PMO would keep it: status, method and lead of the 15 real projects (demo values).
      const update = real.rows.map((r, i) => [
        r.gb,
        r.r,
        r.name,
        german(r.start),
        german(r.end),
        r.name === "neues Stadtportal (Halle.de)" || r.end < today ? "abgeschlossen" : "in Umsetzung",
        (["klassisch", "agil", "hybrid"] as const)[i % 3]!,
        LEADS[i % LEADS.length]!,
      ]);
      const statusList = tsv([
        ["GB", "R", "Projektname", "Start", "Ende", "Status", "Methode", "Projektleitung"],
        ...update,
      ]);
      await commitImport(tx, halleId, ACTOR, statusList, "projektliste-2023-status.tsv");
      const more = await commitImport(
        tx,
        halleId,
        ACTOR,
        tsv([HEADER, ...planRows(HALLE_MORE, 2023, today, rnd, LEADS)]),
        "portfolio-2023-weitere.tsv",
      );
      if (!more.committed) throw new Error(more.errors.map((e) => e.message).join("; "));
      await seedNextRound(tx, halleId, today, rnd);
      const extra = await seedMilestonesAndStandards(tx, halleId, today, rnd);
      await writeAudit(tx, halleId, ACTOR, {
        action: "portfolio.demo_seed",
        entityType: "portfolio_import",
        after: { projects: real.counts.create + more.counts.create, ...extra },
      });
      return { projects: real.counts.create + more.counts.create + 1, warnings: real.warnings.length };
    });
    if (seeded) result.push({ tenant: "halle-saale", ...seeded });
  }
  for (const [index, other] of OTHER.entries()) {
    const id = await tenantIdBySlug(db, other.slug);
    if (!id) continue;
    const seeded = await withTenant(db, id, async (tx) => {
      if (await hasProjects(tx)) return null;
      const rnd = random(100 + index);
      await ensureOrgUnits(tx, id, gbTree(DEMO_ORG_TREES[other.slug]!));
      const leads = LEADS.slice(index * 3, index * 3 + 4).concat("Paula Projektleitung");
      const file = tsv([HEADER, ...planRows(other.plans, 2023 + (index % 2), today, rnd, leads)]);
      const done = await commitImport(tx, id, ACTOR, file, "projektliste.tsv");
      if (!done.committed) throw new Error(done.errors.map((e) => e.message).join("; "));
      await seedMilestonesAndStandards(tx, id, today, rnd);
      return { projects: done.counts.create, warnings: done.warnings.length };
    });
    if (seeded) result.push({ tenant: other.slug, ...seeded });
  }
  return result;
}
