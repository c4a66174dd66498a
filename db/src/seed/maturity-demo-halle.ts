// Halle (Saale), from the city's presentation "Digitalisierung – So wichtig wie Salz!" (db/seed-data/halle): the
// Modellprojekt "Digitales Gesundheitsamt" (Jan 2023 – Sep 2024) with its strategy and nine milestones as measures
// of the Gesundheitsamt (FB 53, "II/53" in the tree shared with the portfolio demo) linked to the portfolio project,
// and city-wide measures for the projects of the Projektliste 2023 (linked too) and the strategy's next steps.
import { readFileSync } from "node:fs";
import path from "node:path";
import { addMonths, type MaturityModel } from "@spatz/maturity";
import Papa from "papaparse";
import { seedDataDir } from "../files.ts";
import {
  addDays,
  criteriaByDimension,
  endOfMonth,
  evidenceFor,
  generatedMeasures,
  type KommuneFacts,
  recurring,
  type SeedMeasure,
  type SeedPlan,
  type SeedStrategy,
  unitsFor,
} from "./maturity-demo-plan.ts";
import type { Random } from "./random.ts";

export const HALLE_SLUG = "halle-saale";
/** The Gesundheitsamt in Halle's org tree (demo-org-units.ts), shared with the portfolio demo. */
const GA = "II/53";
/** The portfolio project of the Modellprojekt (portfolio-demo.ts); its measures are linked to it. */
const GA_PROJECT = { gb: "II", r: "53", name: "Digitales Gesundheitsamt" };

/** The nine milestones of the Modellprojekt, on the month the presentation shows them (end of that month). */
export const HALLE_MILESTONES: { n: number; title: string; on: string; keys: string[] }[] = [
  {
    n: 1,
    title: "Digitalisierungsstrategie erarbeitet, abgenommen und kommuniziert",
    on: "2023-03-31",
    keys: ["strategie.2.strategie-beschlossen"],
  },
  {
    n: 2,
    title: "IT-Notfallkonzept und Risikobehandlungsplan erstellt",
    on: "2023-05-31",
    keys: ["sicherheit.2.notfallkonzept"],
  },
  {
    n: 3,
    title: "Neue Kollaborationsplattform etabliert",
    on: "2023-07-31",
    keys: ["zusammenarbeit.2.kollaborationsplattform"],
  },
  {
    n: 4,
    title: "SOLL-Prozesse und Notfallmanagementplan freigegeben",
    on: "2023-08-31",
    keys: ["prozesse.2.soll-prozesse", "sicherheit.3.notfallmanagementplan"],
  },
  {
    n: 5,
    title: "Schulungsplattform und -inhalte nutzbar",
    on: "2023-10-31",
    keys: ["kompetenzen.2.schulungsplattform"],
  },
  {
    n: 6,
    title: "Produktivnahme DMS und Terminmanagement für Bürger nutzbar",
    on: "2024-04-30",
    keys: ["prozesse.2.dms", "onlinedienste.2.terminmanagement"],
  },
  {
    n: 7,
    title: "Partizipationsplattform nutzbar",
    on: "2024-04-30",
    keys: ["onlinedienste.3.partizipationsplattform"],
  },
  {
    n: 8,
    title: "eAkte und Datendrehscheibe produktiv",
    on: "2024-07-31",
    keys: ["daten.3.datendrehscheibe"],
  },
  {
    n: 9,
    title: "Kritische Risiken aus Risikobehandlungsplan ausgeräumt",
    on: "2024-09-30",
    keys: ["sicherheit.3.kritische-risiken"],
  },
];

const PROJECT_START = "2023-01-01";

type Row = {
  GB: string;
  R: string;
  Projektname: string;
  Projektbeschreibung: string;
  Start: string;
  Ende: string;
};

function readProjektliste(): Row[] {
  const text = readFileSync(path.join(seedDataDir, "halle", "projektliste-2023.tsv"), "utf8");
  return Papa.parse<Row>(text, { header: true, delimiter: "\t", skipEmptyLines: true }).data;
}

const iso = (german: string) => german.split(".").reverse().join("-");

/** Projektliste 2023 → criteria; `replanMonths` for projects the list already shows as delayed. */
const PROJECT_LINKS: Record<string, { keys: string[]; replanMonths?: number }> = {
  "WLAN in städtischen Gebäuden": { keys: ["infrastruktur.2.wlan"] },
  "Lern-/Wissensplattform (Aufbau)": { keys: ["kompetenzen.2.schulungsplattform"] },
  Payment: { keys: ["onlinedienste.2.epayment"] },
  "Modernisierung Druckzentrum": { keys: ["infrastruktur.3.lebenszyklus"] },
  "Erneuerung MS Office i. V. m. Umstellung auf Win10 (Anforderungen durch Fachverfahren)": {
    keys: ["infrastruktur.2.unterstuetzte-software"],
  },
  "Workflow-Management (DoRIS, Onboarding)": {
    keys: ["prozesse.3.workflow-management", "kompetenzen.2.onboarding"],
  },
  "Energie Management Software": { keys: ["daten.4.datenbasierte-steuerung"] },
  "Einführung Kanzlei-SW": { keys: ["prozesse.4.medienbruchfrei"], replanMonths: 4 },
  "AI-Vergabemanager - Archivierungsschnittstelle": { keys: ["daten.2.xoev-standards"] },
  "Neubau 3. Feuerwache - Teilprojekt IT": { keys: ["infrastruktur.3.standortanbindung"] },
  "Anpassung OVVISIO - KBA-Meldungen": { keys: ["daten.2.xoev-standards"] },
  "Ablösung OVVISIO": { keys: ["onlinedienste.4.fachverfahren-anbindung"] },
  "Ablösung eldis": { keys: ["prozesse.4.medienbruchfrei"] },
  "neues Stadtportal (Halle.de)": {
    keys: ["onlinedienste.1.leistungsinformationen", "onlinedienste.1.elektronischer-zugang"],
  },
  Veranstaltungsmanagementsoftware: { keys: ["prozesse.3.workflow-management"], replanMonths: 7 },
};

/** The project's GB/R in Halle's tree; GB "ALL" (cross-cutting) means the whole administration. */
function unitForProject(row: Row): string | null {
  return row.GB === "ALL" ? null : `${row.GB}/${row.R}`;
}

export function hallePlan(model: MaturityModel, k: KommuneFacts, today: string, rng: Random): SeedPlan {
  const criteria = new Map([...criteriaByDimension(model).values()].flat(2).map((c) => [c.key, c]));
  const known = (keys: string[]) => keys.filter((key) => criteria.has(key));
  const doneBy = addMonths(today, -3);
  const measures: SeedMeasure[] = [];

  /** A dated fact: completed when it lies some months back, otherwise open on its date. */
  const dated = (
    m: Omit<SeedMeasure, "status" | "completedOn" | "evidenceText" | "criterionKeys" | "plannedEnd"> & {
      on: string;
      keys: string[];
      evidence?: string;
    },
  ) => {
    const keys = known(m.keys);
    if (keys.length === 0) return;
    const { on, evidence, ...rest } = m;
    const done = on <= doneBy;
    measures.push({
      ...rest,
      plannedEnd: on,
      status: done ? "completed" : on < today ? "in_progress" : "planned",
      completedOn: done ? on : null,
      evidenceText: done ? (evidence ?? evidenceFor(criteria.get(keys[0]!)!.explanation, on)) : null,
      criterionKeys: keys,
    });
  };

  // Modellprojekt Digitales Gesundheitsamt: the preparation in January/February 2023 …
  const prep: [string, string, string[]][] = [
    [
      "2023-01-31",
      "Projektleitung Modellprojekt Digitales Gesundheitsamt benannt",
      ["strategie.1.verantwortung"],
    ],
    [
      "2023-01-31",
      "Mitwirkung im Netzwerk digitaler Gesundheitsämter (Pakt für den ÖGD)",
      ["zusammenarbeit.1.netzwerk", "zusammenarbeit.3.gemeinsames-vorhaben"],
    ],
    [
      "2023-01-31",
      "Informationssicherheitsbeauftragte/r für das Gesundheitsamt benannt",
      ["sicherheit.1.isb"],
    ],
    ["2023-01-31", "IT-Inventar des Gesundheitsamts vervollständigt", ["infrastruktur.1.inventar"]],
    ["2023-02-15", "Qualifizierungsbedarf der Mitarbeitenden erhoben", ["kompetenzen.1.bedarfserhebung"]],
    ["2023-02-15", "Digitallotsen in allen Abteilungen benannt", ["kompetenzen.1.digitallotsen"]],
    [
      "2023-02-28",
      "Ist-Analyse und Prozesslandkarte des Gesundheitsamts",
      ["strategie.1.bestandsaufnahme", "prozesse.1.prozesslandkarte"],
    ],
    ["2023-02-28", "Prozesse nach Fallzahlen und Nutzen priorisiert", ["prozesse.1.priorisierung"]],
    ["2023-02-28", "Leitlinie zur Informationssicherheit übernommen", ["sicherheit.1.leitlinie"]],
    ["2023-02-28", "Videokonferenzen für alle Teams ausgestattet", ["zusammenarbeit.1.videokonferenz"]],
    [
      "2023-02-28",
      "Leistungen des Gesundheitsamts online beschrieben",
      ["onlinedienste.1.leistungsinformationen"],
    ],
    [
      "2023-02-28",
      "Elektronischer Zugang für Anliegen an das Gesundheitsamt",
      ["onlinedienste.1.elektronischer-zugang"],
    ],
    [
      "2023-02-28",
      "Fachverfahren und Datenbestände des Gesundheitsamts erfasst",
      ["daten.1.fachverfahrenskataster"],
    ],
    [
      "2023-02-28",
      "Standardarbeitsplatz für das Gesundheitsamt festgelegt",
      ["infrastruktur.1.standardarbeitsplatz"],
    ],
  ];
  for (const [on, title, keys] of prep) {
    dated({
      title,
      description: "Vorbereitung des Modellprojekts „Digitales Gesundheitsamt“.",
      orgUnit: GA,
      project: GA_PROJECT,
      responsible: "projekt",
      plannedStart: PROJECT_START,
      on,
      keys,
    });
  }
  // … the nine milestones …
  for (const m of HALLE_MILESTONES) {
    const [y, mo] = m.on.split("-");
    dated({
      title: `Meilenstein ${m.n}: ${m.title}`,
      description: `Meilenstein ${m.n} des Modellprojekts „Digitales Gesundheitsamt“ Halle (Saale), Januar 2023 bis September 2024.`,
      orgUnit: GA,
      project: GA_PROJECT,
      responsible: m.n % 3 === 0 ? "cdo" : "projekt",
      plannedStart: PROJECT_START,
      on: m.on,
      keys: m.keys,
      evidence: `Meilensteinbericht ${m.n} an die Lenkungsgruppe, ${mo}/${y}.`,
    });
  }
  // … what the project did around them …
  const support: [string, string, string[]][] = [
    ["2023-04-28", "Steuerungsrunde und Rollen im Gesundheitsamt festgelegt", ["strategie.2.it-governance"]],
    ["2023-06-30", "Projektmanagement-Standards im Modellprojekt angewendet", ["strategie.2.pm-standards"]],
    ["2023-06-30", "BPMN-Modellierungsstandard für das Gesundheitsamt", ["prozesse.2.modellierungsstandard"]],
    ["2023-06-30", "Mobiles Arbeiten mit Zwei-Faktor-Anmeldung", ["infrastruktur.2.mobiles-arbeiten"]],
    ["2023-09-29", "Dienstanweisung zur digitalen Zusammenarbeit", ["zusammenarbeit.2.kollaborationsregeln"]],
    [
      "2023-12-15",
      "Ziele des Gesundheitsamts mit allen Abteilungen konkretisiert",
      ["strategie.3.ziele-konkretisiert"],
    ],
    ["2023-12-15", "Datenverantwortliche für die Fachverfahren benannt", ["daten.2.datenverantwortung"]],
    ["2024-01-31", "Digitales Onboarding für neue Mitarbeitende", ["kompetenzen.2.onboarding"]],
    ["2024-03-28", "DEMIS-Meldeschnittstelle produktiv (XÖV-Standard)", ["daten.2.xoev-standards"]],
    ["2024-06-28", "Erste EfA-Onlinedienste des Gesundheitsamts produktiv", ["onlinedienste.2.efa-dienste"]],
    ["2024-10-31", "E-Payment für Gebühren des Gesundheitsamts", ["onlinedienste.2.epayment"]],
    ["2024-11-29", "Projektleitungen im Projektmanagement qualifiziert", ["kompetenzen.3.pm-qualifizierung"]],
    [
      "2025-03-31",
      "Qualifizierungskonzept für das Gesundheitsamt beschlossen",
      ["kompetenzen.3.qualifizierungskonzept"],
    ],
  ];
  for (const [on, title, keys] of support) {
    dated({
      title,
      description: "Teil des Modellprojekts „Digitales Gesundheitsamt“.",
      orgUnit: GA,
      project: GA_PROJECT,
      responsible: "projekt",
      plannedStart: addMonths(on, -4),
      on,
      keys,
    });
  }
  // … the yearly checks that keep the levels valid …
  const yearly: [string, string][] = [
    ["daten.1.verarbeitungsverzeichnis", "2023-02-28"],
    ["sicherheit.2.awareness", "2023-09-29"],
    ["sicherheit.2.wiederherstellungstest", "2023-12-08"],
    ["sicherheit.3.notfallkonzept-geprueft", "2024-05-31"],
    ["sicherheit.3.notfalluebung", "2024-06-14"],
    ["onlinedienste.3.barrierefreiheit", "2024-06-28"],
    ["kompetenzen.3.wissensplattform", "2024-07-12"],
  ];
  for (const [key, first] of yearly) {
    const c = criteria.get(key);
    if (c)
      measures.push(
        ...recurring(c, first, today, { description: c.explanation, orgUnit: GA, responsible: "projekt" }),
      );
  }
  // … and what comes next (relative to today, so the plan line always has a future).
  const next: [number, string, string[]][] = [
    [3, "Workflow für Belehrungen nach § 43 IfSG", ["prozesse.3.workflow-management"]],
    [5, "Digitaler Posteingang im Gesundheitsamt", ["prozesse.3.digitaler-posteingang"]],
    [6, "Anbindung an BundID für Anträge des Gesundheitsamts", ["onlinedienste.3.nutzerkonto"]],
    [9, "Stammdaten der Einrichtungen zentral gepflegt", ["daten.3.stammdaten"]],
    [14, "Häufige Leistungen des Gesundheitsamts vollständig online", ["onlinedienste.3.fokusleistungen"]],
    [18, "Gesundheitsdaten als offene Daten veröffentlicht", ["daten.3.open-data"]],
  ];
  for (const [months, title, keys] of next) {
    const on = endOfMonth(addMonths(today, months));
    dated({
      title,
      description: "Fortschreibung nach dem Modellprojekt „Digitales Gesundheitsamt“.",
      orgUnit: GA,
      // The portfolio project "Digitales Gesundheitsamt" runs on after the Modellprojekt (until 2026).
      project: GA_PROJECT,
      responsible: "projekt",
      plannedStart: addMonths(on, -6),
      on,
      keys,
    });
  }

  // City-wide: the strategy's next steps (presentation, Stand 05/2023) …
  const city: [string, string, string, string | null, string[], string?][] = [
    [
      "2022-09-01",
      "Chief Digital Officer benannt",
      "Verantwortung für die Digitalisierung der Stadtverwaltung.",
      "OB",
      ["strategie.1.verantwortung"],
    ],
    [
      "2023-05-15",
      "Bestandsaufnahme Digitalisierung (Zahlen, Daten, Fakten)",
      "Rund 80 Projekte 2023, Problemlagen „schonungslos ehrlich“ benannt.",
      "OB",
      ["strategie.1.bestandsaufnahme"],
    ],
    [
      "2023-05-25",
      "Rahmenverträge für Consultingleistungen beschlossen",
      "Unterstützung der Umsetzung durch Rahmenverträge.",
      "OB",
      ["strategie.3.ressourcen"],
      "Beschluss im Verwaltungsausschuss am 25.05.2023.",
    ],
    [
      "2023-06-22",
      "Beschluss der Digitalisierungsstrategie durch die Verwaltungsführung",
      "NaCl-ar! – #digitales Halle 2030.",
      "OB",
      ["strategie.2.strategie-beschlossen"],
      "Beschluss des Verwaltungsausschusses vom 22.06.2023.",
    ],
    [
      "2024-03-28",
      "IT-Governance: Rollen, Gremien und Prozesse festgelegt",
      "Rollenverteilung, Kompetenzen und Verantwortung; organisatorischer Aufbau und Schnittstellen; Gremien; Prozesse. Start Juni 2023.",
      "OB",
      ["strategie.2.it-governance"],
    ],
    [
      "2024-06-27",
      "Projektmanagement-Handbuch digital bereitgestellt",
      "Analyse der Projekte hinsichtlich verwendeter Standards, Workshops zu klassischen und agilen Methoden, PM-Handbuch/-Koffer. Start Juni 2023.",
      "OB",
      ["strategie.2.pm-standards"],
    ],
  ];
  for (const [on, title, description, orgUnit, keys, evidence] of city) {
    dated({
      title,
      description,
      orgUnit,
      responsible: "cdo",
      plannedStart: addMonths(on, -6),
      on,
      keys,
      evidence,
    });
  }
  const goalsDue = endOfMonth(addMonths(today, 4));
  dated({
    title: "Ziele in allen Fachbereichen erarbeiten, bewerten, konkretisieren und beschließen",
    description: "Zieldiskussion und Methodik in alle Ebenen der Verwaltung tragen.",
    orgUnit: "OB",
    responsible: "cdo",
    plannedStart: "2023-07-01",
    on: goalsDue,
    keys: ["strategie.3.ziele-konkretisiert"],
  });
  dated({
    title: "Eigenes Digitalisierungspersonal aufbauen",
    description: "Eigenes Personal wird kontinuierlich aufgebaut und entwickelt.",
    orgUnit: "I/11",
    responsible: "cdo",
    plannedStart: "2023-06-01",
    on: endOfMonth(addMonths(today, 12)),
    keys: ["kompetenzen.4.digitalpersonal"],
  });
  const portfolio = criteria.get("strategie.3.portfolio-priorisiert");
  if (portfolio) {
    measures.push(
      ...recurring(
        portfolio,
        "2023-11-24",
        today,
        { description: portfolio.explanation, orgUnit: "OB", responsible: "cdo" },
        undefined,
        (year) => `Projektanmeldung für ${Number(year) + 1} bewertet und priorisiert`,
      ),
    );
  }
  // … and the projects of the Projektliste 2023.
  for (const row of readProjektliste()) {
    const link = PROJECT_LINKS[row.Projektname];
    if (!link) continue;
    const end = iso(row.Ende);
    const replanned = link.replanMonths ? endOfMonth(addMonths(today, link.replanMonths)) : null;
    dated({
      title: row.Projektname,
      description: `${row.Projektbeschreibung} (Projektliste 2023: GB ${row.GB}, R ${row.R}${replanned ? `; ursprünglich geplantes Ende ${row.Ende}, neu geplant` : ""}).`,
      orgUnit: unitForProject(row),
      project: { gb: row.GB, r: row.R, name: row.Projektname },
      responsible: row.GB === "ALL" ? "cdo" : "projekt",
      plannedStart: iso(row.Start),
      on: replanned ?? end,
      keys: link.keys,
      evidence: `Projektabschluss laut Projektliste 2023 (Ende ${row.Ende}).`,
    });
  }

  // Everything else of the city: generated like every Kommune, for the criteria not covered above.
  const covered = new Set(measures.flatMap((m) => m.criterionKeys));
  const generated = generatedMeasures(model, k, today, rng, { profile: 0.55, covered });
  measures.push(...generated.measures);

  const units = unitsFor(k).units;

  const due = (months: number) => endOfMonth(addMonths(today, months));
  const strategies: SeedStrategy[] = [
    {
      orgUnit: null,
      title: "NaCl-ar! – #digitales Halle 2030",
      vision:
        "Digitalisierung – so wichtig wie Salz: das passende Salz in der passenden Menge zum passenden Zeitpunkt. Verwaltung digital – Mensch macht's!",
      goals: [
        "Zieldiskussion und Methodik in alle Ebenen der Verwaltung tragen",
        "Ziele erarbeiten, bewerten, konkretisieren, beschließen",
        "Ressourcen zur Umsetzung der Ziele priorisieren",
        "IT-Governance mit Rollen, Gremien und Prozessen etablieren",
        "Projektmanagement mit klassischen und agilen Standards vereinheitlichen",
      ],
      versions: [
        {
          approvedOn: "2023-06-22",
          targets: [
            { dimensionKey: "strategie", level: 2, dueOn: "2024-06-30" },
            { dimensionKey: "prozesse", level: 2, dueOn: "2025-06-30" },
            { dimensionKey: "onlinedienste", level: 2, dueOn: "2025-12-31" },
            { dimensionKey: "sicherheit", level: 2, dueOn: "2025-12-31" },
          ],
        },
        {
          approvedOn: addDays(addMonths(today, -5), -3),
          targets: [
            { dimensionKey: "strategie", level: 3, dueOn: due(7) },
            { dimensionKey: "kompetenzen", level: 2, dueOn: due(10) },
            { dimensionKey: "prozesse", level: 3, dueOn: due(13) },
            { dimensionKey: "onlinedienste", level: 3, dueOn: due(19) },
            { dimensionKey: "sicherheit", level: 3, dueOn: due(13) },
            { dimensionKey: "infrastruktur", level: 3, dueOn: due(25) },
            { dimensionKey: "zusammenarbeit", level: 2, dueOn: due(7) },
            { dimensionKey: "daten", level: 2, dueOn: due(16) },
          ],
        },
      ],
    },
    {
      orgUnit: GA,
      title: "Die Digitalisierungsstrategie des Gesundheitsamts Halle (Saale)",
      vision:
        "Das Gesundheitsamt 2026 ist effizient und bürgerfreundlich – digital barrierefrei. Es wird in allen Verfahren und Schnittstellen (intern & extern) effizient und papierlos gearbeitet. Dies erleichtert die Arbeit und entlastet das Personal. Die Mitarbeiterinnen und Mitarbeiter des Gesundheitsamts haben mehr Freude an der Arbeit und sind offen für neue Wege und Ideen.",
      goals: [
        "Effizienzsteigerung durch Digitalisierung",
        "Umfänglichere Nutzung bereits vorhandener Software",
        "Weitgehend papierfreies Arbeiten und Kommunizieren",
        "Bessere Vernetzung und Erreichbarkeit innerhalb der Stadtverwaltung, für Bürger und externe Institutionen",
      ],
      versions: [
        {
          approvedOn: "2023-03-31",
          targets: [
            { dimensionKey: "strategie", level: 2, dueOn: "2024-09-30" },
            { dimensionKey: "kompetenzen", level: 2, dueOn: "2024-09-30" },
            { dimensionKey: "prozesse", level: 2, dueOn: "2024-09-30" },
            { dimensionKey: "onlinedienste", level: 2, dueOn: "2024-09-30" },
            { dimensionKey: "sicherheit", level: 3, dueOn: "2024-09-30" },
            { dimensionKey: "zusammenarbeit", level: 2, dueOn: "2024-09-30" },
            { dimensionKey: "daten", level: 2, dueOn: "2024-09-30" },
          ],
        },
        {
          approvedOn: "2024-10-25",
          targets: [
            { dimensionKey: "strategie", level: 3, dueOn: "2025-12-31" },
            { dimensionKey: "kompetenzen", level: 3, dueOn: due(6) },
            { dimensionKey: "prozesse", level: 3, dueOn: due(6) },
            { dimensionKey: "onlinedienste", level: 3, dueOn: due(15) },
            { dimensionKey: "sicherheit", level: 3, dueOn: due(3) },
            { dimensionKey: "zusammenarbeit", level: 3, dueOn: due(9) },
            { dimensionKey: "daten", level: 3, dueOn: due(12) },
          ],
        },
      ],
    },
  ];
  return { orgUnits: units, measures, strategies };
}
