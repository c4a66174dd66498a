// The Lagebericht Digitalisierung of the Land (monthly): maturity distribution and trend per dimension and group (only
// k-anonymous group figures), the Kommunen that share their figures with the Land by name, the rollout coverage
// (flächendeckend, in mindestens einer Kommune, per Kreis, the services furthest behind, the go-lives of the month)
// and the cost model's current figures. The inputs are read in the state's transaction (queries/report-inputs.ts).
import { boxplotOption, quartileTrendOption } from "@spatz/charts";
import {
  type Block,
  type Cell,
  date,
  decimal,
  displayCell,
  euro,
  germanDate,
  integer,
  percent,
  type ReportDocument,
  text,
} from "./document.ts";
import { FIGURE_COLUMNS, figureCells, type GroupFigures } from "./figures.ts";

export type Coverage = { relevant: number; online: number; share: number | null };

export type LageberichtInput = {
  stichtag: string;
  k: number;
  maturity: {
    /** The slot the figures are from: the month end of the Stichtag, or the current figures of that day. */
    slotLabel: string | null;
    /** Every metric (index and dimensions) of the group "Alle Kommunen". */
    all: { label: string; figures: GroupFigures }[];
    /** The index per group (kinds, size classes). */
    groups: { label: string; figures: GroupFigures }[];
    /** The index of "Alle Kommunen" at the month ends of the twelve months up to the Stichtag. */
    trend: { date: string; figures: GroupFigures }[];
    shared: { name: string; kind: string; index: number; stichtag: string }[];
  };
  rollout: {
    asOf: Date | null;
    overall: Coverage & { services: number; nationwide: number; atLeastOne: number };
    kreise: (Coverage & { name: string; kommunen: number })[];
    /** The services with the lowest share online (relevant somewhere), lowest first. */
    behind: (Coverage & { name: string; themenfeld: string })[];
    goLives: { month: string; actual: number; planned: number };
  };
  costs: {
    personDays: number;
    oneOffCents: number;
    perYearCents: number;
    landOneOffCents: number;
    kommunenCents: number;
    remainingOneOffCents: number | null;
  };
};

const share = (c: Coverage): Cell => (c.share === null ? text("–") : percent(c.share));

function monthLabel(month: string): string {
  const [y, m] = month.split("-");
  return `${m}/${y}`;
}

export function buildLagebericht(input: LageberichtInput): ReportDocument {
  const blocks: Block[] = [];
  const m = input.maturity;
  const r = input.rollout;

  blocks.push({ type: "heading", text: "Reifegrad der Kommunen" });
  blocks.push({
    type: "paragraph",
    text: m.slotLabel
      ? `Stand der Vergleichswerte: ${m.slotLabel}. Gruppenwerte nur, wo mindestens ${input.k} Kommunen dazugehören; einzelne Kommunen erscheinen nur, wenn sie ihre Werte mit dem Land teilen.`
      : "Für diesen Stichtag liegen noch keine Vergleichswerte vor.",
  });
  blocks.push({
    type: "chart",
    title: "Verteilung je Dimension (alle Kommunen)",
    description:
      "Kastendiagramm je Kennzahl (Minimum, Quartile, Median, Maximum); die Zahlen stehen in der Tabelle »Verteilung je Dimension (alle Kommunen)«.",
    option: boxplotOption(m.all),
    height: 60 + 26 * m.all.length,
  });
  blocks.push({
    type: "table",
    title: "Verteilung je Dimension (alle Kommunen)",
    columns: ["Kennzahl", ...FIGURE_COLUMNS],
    rows: m.all.map((x) => [text(x.label), ...figureCells(x.figures)]),
  });
  blocks.push({
    type: "table",
    title: "Reifegradindex je Gruppe",
    columns: ["Gruppe", ...FIGURE_COLUMNS],
    rows: m.groups.map((x) => [text(x.label), ...figureCells(x.figures)]),
  });
  blocks.push({
    type: "chart",
    title: "Reifegradindex im Verlauf (Median und Quartile)",
    description:
      "Liniendiagramm von Median und Quartilen des Reifegradindex je Monatsende; Lücken sind nicht ausgewiesene Monate. Die Zahlen stehen in der Tabelle »Reifegradindex im Verlauf (Monatsenden)«.",
    option: quartileTrendOption(m.trend.map((x) => ({ label: x.date.slice(0, 7), figures: x.figures }))),
  });
  blocks.push({
    type: "table",
    title: "Reifegradindex im Verlauf (Monatsenden)",
    columns: ["Monatsende", ...FIGURE_COLUMNS],
    rows: m.trend.map((x) => [date(x.date), ...figureCells(x.figures)]),
  });
  if (m.shared.length === 0)
    blocks.push({ type: "paragraph", text: "Keine Kommune teilt ihre Werte mit dem Land namentlich." });
  else
    blocks.push({
      type: "table",
      title: "Kommunen, die ihre Werte mit dem Land teilen",
      columns: ["Kommune", "Art", "Reifegradindex", "Stand"],
      rows: m.shared.map((x) => [text(x.name), text(x.kind), decimal(x.index), date(x.stichtag)]),
    });

  blocks.push({ type: "heading", text: "Rollout der Online-Dienste (OZG/EfA)" });
  blocks.push({
    type: "paragraph",
    text:
      `${r.overall.nationwide} von ${r.overall.services} Leistungen sind flächendeckend online, ` +
      `${r.overall.atLeastOne} in mindestens einer Kommune. Von ${displayCell(integer(r.overall.relevant))} ` +
      `zuständigen Paaren (Kommune × Leistung) sind ${displayCell(integer(r.overall.online))} online ` +
      `(${displayCell(share(r.overall))}).` +
      (r.asOf ? ` Stand der Rollout-Kennzahlen: ${germanDate(r.asOf.toISOString())}.` : ""),
  });
  blocks.push({
    type: "table",
    title: `Go-lives im ${monthLabel(r.goLives.month)}`,
    columns: ["Monat", "online gegangen", "geplant"],
    rows: [[text(monthLabel(r.goLives.month)), integer(r.goLives.actual), integer(r.goLives.planned)]],
  });
  blocks.push({
    type: "table",
    title: "Abdeckung je Kreis",
    columns: ["Kreis", "Kommunen", "zuständige Paare", "online", "Anteil online"],
    rows: r.kreise.map((k) => [
      text(k.name),
      integer(k.kommunen),
      integer(k.relevant),
      integer(k.online),
      share(k),
    ]),
  });
  blocks.push({
    type: "table",
    title: "Leistungen mit dem größten Rückstand",
    columns: ["Leistung", "Themenfeld", "zuständige Kommunen", "online", "Anteil online"],
    rows: r.behind.map((s) => [
      text(s.name),
      text(s.themenfeld),
      integer(s.relevant),
      integer(s.online),
      share(s),
    ]),
  });

  const c = input.costs;
  blocks.push({ type: "heading", text: "Kostenmodell (Standardannahmen)" });
  blocks.push({
    type: "table",
    title: "Aktuelle Zahlen des Kostenmodells",
    columns: ["Größe", "Wert"],
    rows: [
      [text("Aufwand gesamt (Personentage)"), integer(c.personDays)],
      [text("Einmalig gesamt"), euro(c.oneOffCents)],
      [text("Wartung pro Jahr"), euro(c.perYearCents)],
      [text("Land: Bereitstellung einmalig"), euro(c.landOneOffCents)],
      [text("Kommunen: Anpassung und Schnittstellen"), euro(c.kommunenCents)],
      [
        text("Noch offen (einmalig, nach Rollout-Stand)"),
        c.remainingOneOffCents === null ? text("–") : euro(c.remainingOneOffCents),
      ],
    ],
  });

  return {
    title: "Lagebericht Digitalisierung",
    subject: "Land Sachsen-Anhalt",
    stichtag: input.stichtag,
    fileBase: `Lagebericht-Digitalisierung-${input.stichtag}`,
    blocks,
  };
}
