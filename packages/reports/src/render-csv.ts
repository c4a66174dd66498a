// The report as CSV the way German Excel opens it: UTF-8 with BOM, semicolons, CRLF, decimal comma without thousands
// separators, dates dd.mm.yyyy; every table under its title, separated by an empty line; text protected against
// formula injection. Byte-identical for the same document.
import { protectCell } from "@spatz/domain";
import { type Cell, germanDate, type ReportDocument } from "./document.ts";

function field(value: string): string {
  return /[";\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function csvCell(cell: Cell): string {
  switch (cell.kind) {
    case "text":
    case "note":
      return field(protectCell(cell.value));
    case "integer":
      return String(Math.round(cell.value));
    case "decimal":
      return cell.value.toFixed(cell.digits ?? 2).replace(".", ",");
    case "percent":
      return (cell.value * 100).toFixed(1).replace(".", ",");
    case "date":
      return germanDate(cell.value);
    case "euro":
      return (cell.value / 100).toFixed(2).replace(".", ",");
  }
}

export function renderCsv(doc: ReportDocument): Buffer {
  const lines: string[] = [
    field(protectCell(`${doc.title}: ${doc.subject}`)),
    `Stichtag;${germanDate(doc.stichtag)}`,
  ];
  for (const block of doc.blocks) {
    if (block.type !== "table") continue;
    lines.push(
      "",
      field(protectCell(block.title)),
      block.columns.map((c) => field(protectCell(c))).join(";"),
    );
    for (const row of block.rows) lines.push(row.map(csvCell).join(";"));
  }
  return Buffer.from(`\uFEFF${lines.join("\r\n")}\r\n`, "utf8");
}
