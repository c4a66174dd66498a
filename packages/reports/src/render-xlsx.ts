// The report as XLSX: a cover sheet (title, subject, Stichtag) and one sheet per table with real numbers, dates and
// percentages, bold header, frozen first row.
import { protectCell } from "@spatz/domain";
import ExcelJS from "exceljs";
import type { Cell, ReportDocument } from "./document.ts";

function sheetName(title: string, used: Set<string>): string {
  const base =
    title
      .replace(/[\\/*?:[\]]/g, " ")
      .slice(0, 28)
      .trim() || "Tabelle";
  let name = base;
  for (let i = 2; used.has(name); i++) name = `${base.slice(0, 26)} ${i}`;
  used.add(name);
  return name;
}

function value(cell: Cell): ExcelJS.CellValue {
  switch (cell.kind) {
    case "text":
    case "note":
      return protectCell(cell.value);
    case "date":
      return new Date(`${cell.value.slice(0, 10)}T00:00:00Z`);
    case "euro":
      return cell.value / 100;
    default:
      return cell.value;
  }
}

const FORMAT: Partial<Record<Cell["kind"], string>> = {
  decimal: "0.00",
  percent: "0.0%",
  date: "dd.mm.yyyy",
  integer: "#,##0",
  euro: '#,##0.00 "€"',
};

export async function renderXlsx(doc: ReportDocument): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  // Fixed metadata: the same Stichtag gives the same workbook.
  book.creator = "SPATZ";
  book.created = new Date(`${doc.stichtag}T00:00:00Z`);
  book.modified = book.created;
  const used = new Set<string>();
  const cover = book.addWorksheet(sheetName("Bericht", used));
  cover.addRows([[doc.title], [doc.subject], ["Stichtag", new Date(`${doc.stichtag}T00:00:00Z`)]]);
  cover.getCell("A1").font = { bold: true, size: 14 };
  cover.getCell("B3").numFmt = "dd.mm.yyyy";
  cover.getColumn(1).width = 40;
  for (const block of doc.blocks) {
    if (block.type !== "table") continue;
    const sheet = book.addWorksheet(sheetName(block.title, used));
    sheet.addRow(block.columns.map(protectCell)).font = { bold: true };
    sheet.views = [{ state: "frozen", ySplit: 1 }];
    for (const row of block.rows) {
      const added = sheet.addRow(row.map(value));
      row.forEach((cell, i) => {
        const format = FORMAT[cell.kind];
        if (format) added.getCell(i + 1).numFmt = format;
      });
    }
    block.columns.forEach((c, i) => {
      sheet.getColumn(i + 1).width = Math.max(12, Math.min(60, c.length + 4));
    });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
