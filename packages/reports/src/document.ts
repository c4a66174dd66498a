// A report as a document: what every format renders the same way. Headings, paragraphs and tables with typed cells,
// so that the PDF shows "3,25", the CSV writes 3,25 and the XLSX stores the number 3.25 – one set of figures.
import type { EChartsCoreOption } from "echarts/core";

export type Cell =
  | { kind: "text"; value: string }
  | { kind: "integer"; value: number }
  /** A score or index, two decimals. */
  | { kind: "decimal"; value: number; digits?: number }
  /** A share 0–1, shown as percent. */
  | { kind: "percent"; value: number }
  | { kind: "date"; value: string }
  /** An amount in euro cents, shown as "22.137.500 €". */
  | { kind: "euro"; value: number }
  /** A figure that is not shown, with the German reason (e.g. "weniger als 5 Kommunen – nicht ausgewiesen"). */
  | { kind: "note"; value: string };

export type Block =
  | { type: "heading"; text: string }
  | { type: "paragraph"; text: string }
  | { type: "table"; title: string; columns: string[]; rows: Cell[][] }
  /**
   * A chart from the screens' ECharts definitions (@spatz/charts), drawn as vector graphics in the PDF. Its figures
   * are always also in a table of the document (the spreadsheets have only the tables); `description` is the text
   * alternative of the figure.
   */
  | { type: "chart"; title: string; description: string; option: EChartsCoreOption; height?: number };

export type ReportDocument = {
  /** E.g. "Reifegradbericht". */
  title: string;
  /** E.g. "Stadt Halle (Saale) – gesamte Verwaltung". */
  subject: string;
  /** The report's Stichtag (ISO date): every figure is as of this day. */
  stichtag: string;
  /** A stable base name for the files, e.g. "Reifegradbericht-halle-saale-2026-09-30". */
  fileBase: string;
  blocks: Block[];
};

export const text = (value: string): Cell => ({ kind: "text", value });
export const integer = (value: number): Cell => ({ kind: "integer", value });
export const decimal = (value: number, digits = 2): Cell => ({ kind: "decimal", value, digits });
export const percent = (value: number): Cell => ({ kind: "percent", value });
export const date = (value: string): Cell => ({ kind: "date", value });
export const euro = (cents: number): Cell => ({ kind: "euro", value: cents });
export const note = (value: string): Cell => ({ kind: "note", value });

/** German display of a cell (PDF, and the CSV's text of notes). */
export function displayCell(cell: Cell): string {
  switch (cell.kind) {
    case "text":
    case "note":
      return cell.value;
    case "integer":
      return new Intl.NumberFormat("de-DE", { maximumFractionDigits: 0 }).format(cell.value);
    case "decimal":
      return new Intl.NumberFormat("de-DE", {
        minimumFractionDigits: cell.digits ?? 2,
        maximumFractionDigits: cell.digits ?? 2,
      }).format(cell.value);
    case "percent":
      return `${new Intl.NumberFormat("de-DE", { maximumFractionDigits: 1 }).format(cell.value * 100)} %`;
    case "date":
      return germanDate(cell.value);
    case "euro":
      return `${new Intl.NumberFormat("de-DE", { maximumFractionDigits: 0 }).format(Math.round(cell.value / 100))} €`;
  }
}

export function germanDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split("-");
  return `${d}.${m}.${y}`;
}
