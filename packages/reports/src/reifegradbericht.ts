// The Reifegradbericht of a Kommune (or one of its org units) as of a Stichtag: index and levels per dimension with
// Ist, Plan and Soll, "Soll in Gefahr", the weakest dimensions with their missing criteria and open measures, the
// history of the last twelve months, the measures completed in the quarter before the Stichtag, and the position
// among peers – only the k-anonymous group figures the Vergleich page shows. Computed with the exact engine for the
// Stichtag, so the same inputs give the same report whenever it is generated.
import {
  boxplotOption,
  historySeries,
  maturityHistoryOption,
  maturityRadarOption,
  radarRows,
} from "@spatz/charts";
import { buildDashboard, type MaturityModel, type MeasureInput, type Target } from "@spatz/maturity";
import {
  type Block,
  type Cell,
  date,
  decimal,
  displayCell,
  germanDate,
  integer,
  type ReportDocument,
  text,
} from "./document.ts";
import { FIGURE_COLUMNS, figureCells, type GroupFigures } from "./figures.ts";

export type ReportMeasure = MeasureInput & { title: string };

/** A metric of the Vergleich at the Stichtag: own value and the group's figures or why they are not shown. */
export type PeerMetric = { label: string; own: number | null; band: string | null; figures: GroupFigures };

export type ReifegradberichtInput = {
  kommuneName: string;
  kommuneSlug: string;
  scopeLabel: string;
  stichtag: string;
  model: MaturityModel;
  measures: readonly ReportMeasure[];
  /** Governance evidence (Beschlüsse, RACI, process reviews): counts for the criteria, is not listed as a measure. */
  evidence?: readonly ReportMeasure[];
  targets: readonly Target[];
  /** The position in the group "Alle Kommunen", as the Vergleich page shows it; null before the first aggregation. */
  peers: { groupLabel: string; metrics: PeerMetric[] } | null;
};

const STATUS_TEXT = { reached: "erreicht", on_track: "im Plan", at_risk: "in Gefahr" } as const;

function quarterBefore(stichtag: string): string {
  const d = new Date(`${stichtag}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - 3);
  return d.toISOString().slice(0, 10);
}

export function buildReifegradbericht(input: ReifegradberichtInput): ReportDocument {
  const facts = [...input.measures, ...(input.evidence ?? [])];
  const dashboard = buildDashboard(input.model, facts, input.targets, { today: input.stichtag });
  const current = dashboard.current;
  const titleOf = new Map(facts.map((m) => [m.id, m.title]));
  const blocks: Block[] = [];

  blocks.push(
    { type: "heading", text: "Überblick" },
    {
      type: "paragraph",
      text:
        `Reifegradindex ${displayCell(decimal(current.index))} von 4 ` +
        `(Modell ${input.model.name}, Version ${current.modelVersion}); ` +
        `Plan zum ${germanDate(dashboard.plannedOn)}: ${displayCell(decimal(dashboard.planned.index))}.`,
    },
  );

  blocks.push({
    type: "chart",
    title: "Reifegrad je Dimension: Ist, Plan und Soll",
    description:
      "Netzdiagramm des Punktwerts je Dimension (Ist, Plan in einem Jahr, Soll); die Werte stehen in der Tabelle »Dimensionen: Ist, Plan und Soll«.",
    option: maturityRadarOption(radarRows(dashboard)),
    height: 300,
  });

  const targetOf = new Map(dashboard.targets.map((t) => [t.dimensionKey, t]));
  const plannedOf = new Map(dashboard.planned.dimensions.map((d) => [d.key, d]));
  blocks.push({
    type: "table",
    title: "Dimensionen: Ist, Plan und Soll",
    columns: [
      "Dimension",
      "Stufe (Ist)",
      "Punktwert (Ist)",
      "Stufe (Plan)",
      "Soll",
      "Soll bis",
      "Soll-Status",
    ],
    rows: current.dimensions.map((d): Cell[] => {
      const t = targetOf.get(d.key);
      return [
        text(d.name),
        integer(d.level),
        decimal(d.score),
        integer(plannedOf.get(d.key)?.level ?? d.level),
        t ? integer(t.targetLevel) : text("–"),
        t ? date(t.dueOn) : text("–"),
        t ? text(STATUS_TEXT[t.status]) : text("kein Soll"),
      ];
    }),
  });

  const atRisk = dashboard.targets.filter((t) => t.status === "at_risk");
  blocks.push({ type: "heading", text: "Soll in Gefahr" });
  if (atRisk.length === 0)
    blocks.push({
      type: "paragraph",
      text: "Alle Soll-Ziele sind erreicht oder im Plan (oder es ist keines freigegeben).",
    });
  else
    blocks.push({
      type: "table",
      title: "Soll-Ziele, die der Plan nicht rechtzeitig erreicht",
      columns: ["Dimension", "Soll", "bis", "Ist", "laut Plan zum Termin", "überfällige Maßnahmen"],
      rows: atRisk.map((t) => [
        text(t.dimensionName),
        integer(t.targetLevel),
        date(t.dueOn),
        integer(t.currentLevel),
        integer(t.plannedLevel),
        text(t.overdueMeasureIds.map((id) => titleOf.get(id) ?? id).join("; ") || "–"),
      ]),
    });

  // The weakest dimensions first: what is missing for their next level, and which open measures address it.
  const weakest = [...current.nextSteps]
    .sort((a, b) => a.currentLevel - b.currentLevel || a.dimensionName.localeCompare(b.dimensionName, "de"))
    .slice(0, 3);
  blocks.push({ type: "heading", text: "Nächste Stufen der schwächsten Dimensionen" });
  blocks.push({
    type: "table",
    title: "Fehlende Kriterien und offene Maßnahmen",
    columns: ["Dimension", "nächste Stufe", "fehlendes Kriterium", "offene Maßnahmen"],
    rows: weakest.flatMap((step) =>
      step.missing.map((m) => [
        text(step.dimensionName),
        integer(step.nextLevel),
        text(m.title),
        text(
          m.openMeasures
            .map(
              (o) =>
                `${titleOf.get(o.measureId) ?? o.measureId}${o.plannedEnd ? ` (bis ${germanDate(o.plannedEnd)})` : ""}`,
            )
            .join("; ") || "keine geplant",
        ),
      ]),
    ),
  });

  const twelveMonthsBack = new Date(`${input.stichtag}T00:00:00Z`);
  twelveMonthsBack.setUTCMonth(twelveMonthsBack.getUTCMonth() - 12);
  const from = twelveMonthsBack.toISOString().slice(0, 10);
  const monthly = dashboard.history.filter(
    (h) => h.date >= from && (h.date.endsWith("-01") || h.date === input.stichtag),
  );
  blocks.push({ type: "heading", text: "Verlauf der letzten zwölf Monate" });
  blocks.push({
    type: "chart",
    title: "Reifegradindex im Verlauf und Plan",
    description:
      "Liniendiagramm des Reifegradindex im Verlauf und nach Plan; die Monatswerte stehen in der Tabelle »Reifegradindex im Verlauf«.",
    option: maturityHistoryOption(historySeries(dashboard, null)),
  });
  blocks.push({
    type: "table",
    title: "Reifegradindex im Verlauf",
    columns: ["Datum", "Index", ...current.dimensions.map((d) => d.name)],
    rows: monthly.map((h) => [
      date(h.date),
      decimal(h.index),
      ...current.dimensions.map((d) => integer(h.dimensions.find((x) => x.key === d.key)?.level ?? 0)),
    ]),
  });

  const since = quarterBefore(input.stichtag);
  const completed = input.measures
    .filter(
      (m) =>
        m.status === "completed" && m.completedOn && m.completedOn > since && m.completedOn <= input.stichtag,
    )
    .sort((a, b) =>
      a.completedOn! < b.completedOn!
        ? -1
        : a.completedOn! > b.completedOn!
          ? 1
          : a.title.localeCompare(b.title, "de"),
    );
  blocks.push({ type: "heading", text: `Abgeschlossene Maßnahmen seit ${germanDate(since)}` });
  if (completed.length === 0)
    blocks.push({ type: "paragraph", text: "Im Zeitraum wurde keine Maßnahme abgeschlossen." });
  else
    blocks.push({
      type: "table",
      title: "Abgeschlossene Maßnahmen",
      columns: ["Maßnahme", "abgeschlossen am"],
      rows: completed.map((m) => [text(m.title), date(m.completedOn!)]),
    });

  blocks.push({ type: "heading", text: "Im Vergleich mit anderen Kommunen" });
  if (!input.peers)
    blocks.push({
      type: "paragraph",
      text: "Für diesen Stichtag liegen keine Vergleichswerte vor (sie werden laufend und zu jedem Monatsende festgehalten).",
    });
  else
    blocks.push(
      {
        type: "paragraph",
        text: `Vergleichsgruppe: ${input.peers.groupLabel}. Nur Gruppenwerte von mindestens k Kommunen; einzelne Kommunen werden nicht genannt.`,
      },
      {
        type: "chart",
        title: "Verteilung in der Vergleichsgruppe und Ihr Wert",
        description:
          "Kastendiagramm je Kennzahl (Minimum, Quartile, Median, Maximum der Gruppe) mit Ihrem Wert als Raute; die Zahlen stehen in der Tabelle »Position in der Vergleichsgruppe«.",
        option: boxplotOption(
          input.peers.metrics,
          input.peers.metrics.map((m) => m.own),
        ),
        height: 60 + 26 * input.peers.metrics.length,
      },
      {
        type: "table",
        title: "Position in der Vergleichsgruppe",
        columns: ["Kennzahl", "Ihr Wert", "Ihre Lage", ...FIGURE_COLUMNS],
        rows: input.peers.metrics.map((m) => [
          text(m.label),
          m.own === null ? text("–") : decimal(m.own),
          text(m.band ?? "–"),
          ...figureCells(m.figures),
        ]),
      },
    );

  return {
    title: "Reifegradbericht",
    subject: `${input.kommuneName} – ${input.scopeLabel}`,
    stichtag: input.stichtag,
    fileBase: `Reifegradbericht-${input.kommuneSlug}-${input.stichtag}`,
    blocks,
  };
}
