// The Rollout-Stand of a Landkreis (monthly): its Gemeinden with their coverage, and the services with the count of
// its Gemeinden per status. Generated in the state's transaction (the Land's programme, read by name) and readable by
// the Landkreis whose Kreis it covers (policy report_archive_landkreis_reads_its_kreis) and by the Land.
import { type Cell, germanDate, integer, percent, type ReportDocument, text } from "./document.ts";

type Counts = {
  relevant: number;
  online: number;
  implementing: number;
  planning: number;
  notStarted: number;
};

export type RolloutStandInput = {
  stichtag: string;
  kreisAgs: string;
  kreisName: string;
  asOf: Date | null;
  kommunen: (Counts & { name: string; kind: string })[];
  services: (Counts & { name: string; themenfeld: string })[];
};

const share = (c: Counts): Cell => (c.relevant === 0 ? text("–") : percent(c.online / c.relevant));
const countCells = (c: Counts): Cell[] => [
  integer(c.relevant),
  integer(c.online),
  integer(c.implementing),
  integer(c.planning),
  integer(c.notStarted),
  share(c),
];
const COUNT_COLUMNS = [
  "zuständig",
  "online",
  "in Umsetzung",
  "in Planung",
  "nicht begonnen",
  "Anteil online",
];

export function buildRolloutStand(input: RolloutStandInput): ReportDocument {
  const total = input.kommunen.reduce(
    (a, k) => ({
      relevant: a.relevant + k.relevant,
      online: a.online + k.online,
      implementing: a.implementing + k.implementing,
      planning: a.planning + k.planning,
      notStarted: a.notStarted + k.notStarted,
    }),
    { relevant: 0, online: 0, implementing: 0, planning: 0, notStarted: 0 },
  );
  return {
    title: "Rollout-Stand",
    subject: input.kreisName,
    stichtag: input.stichtag,
    fileBase: `Rollout-Stand-${input.kreisAgs}-${input.stichtag}`,
    blocks: [
      { type: "heading", text: "Überblick" },
      {
        type: "paragraph",
        text:
          `${input.kommunen.length} Kommunen, ${total.online} von ${total.relevant} zuständigen Paaren ` +
          `(Kommune × Leistung) online.` +
          (input.asOf ? ` Stand der Rollout-Kennzahlen: ${germanDate(input.asOf.toISOString())}.` : ""),
      },
      {
        type: "table",
        title: "Kommunen des Kreises",
        columns: ["Kommune", "Art", ...COUNT_COLUMNS],
        rows: input.kommunen.map((k) => [text(k.name), text(k.kind), ...countCells(k)]),
      },
      {
        type: "table",
        title: "Leistungen im Kreis (Anzahl Kommunen je Status)",
        columns: ["Leistung", "Themenfeld", ...COUNT_COLUMNS],
        rows: input.services.map((s) => [text(s.name), text(s.themenfeld), ...countCells(s)]),
      },
    ],
  };
}
