/** Test helpers: fixtures, a Windows-1252 encoder built from TextDecoder, XLSX building with exceljs. */
import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { strToU8, Zip, ZipDeflate } from "fflate";
import Papa from "papaparse";

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
}

export const HALLE_FILE = "projektliste-2023.tsv";

export function halleText(): string {
  return new TextDecoder("utf-8", { fatal: true }).decode(fixtureBytes(HALLE_FILE));
}

/** The Halle list as cell arrays (header first), read with papaparse. */
export function halleRows(): string[][] {
  return Papa.parse<string[]>(halleText(), { delimiter: "\t", skipEmptyLines: true }).data;
}

// Byte for every character Windows-1252 can represent, derived from the platform decoder (full ICU). The
// streaming call avoids Node's Latin-1 fast path, which gets 0x80–0x9F wrong (see src/decode-text.ts); the
// tests in read-table.test.ts pin a few of those bytes to their characters independently of this table.
const windows1252Byte = new Map<string, number>();
for (let byte = 0xff; byte >= 0; byte--) {
  const decoder = new TextDecoder("windows-1252");
  windows1252Byte.set(decoder.decode(new Uint8Array([byte]), { stream: true }), byte);
}

export function encodeWindows1252(text: string): Uint8Array {
  return Uint8Array.from([...text], (char) => {
    const byte = windows1252Byte.get(char);
    if (byte === undefined) throw new Error(`Not in Windows-1252: ${char}`);
    return byte;
  });
}

export function utf8(text: string, bom = false): Uint8Array {
  return new TextEncoder().encode(bom ? `\uFEFF${text}` : text);
}

export type XlsxCell = ExcelJS.CellValue;

/** A workbook with one sheet; `rows[i]` goes to worksheet row `i + 1 + startRow - 1`. */
export async function buildXlsx(
  rows: readonly (readonly XlsxCell[])[],
  options: {
    startRow?: number;
    sheetName?: string;
    dateFormat?: string;
    before?: (wb: ExcelJS.Workbook) => void;
  } = {},
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  options.before?.(workbook);
  const sheet = workbook.addWorksheet(options.sheetName ?? "Tabelle1");
  const startRow = options.startRow ?? 1;
  rows.forEach((cells, index) => {
    const row = sheet.getRow(startRow + index);
    cells.forEach((value, column) => {
      const cell = row.getCell(column + 1);
      cell.value = value;
      if (value instanceof Date) cell.numFmt = options.dateFormat ?? "dd.mm.yyyy";
    });
    row.commit();
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** An Excel date cell for a calendar day (exceljs uses the UTC fields as the sheet's wall clock). */
export function excelDate(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day));
}

/**
 * A minimal XLSX whose first sheet has `rows` rows of one inline-string cell, built by streaming (little memory).
 * With `numbered`, rows and cells carry their references (r="A1"), as Excel writes them; the bomb needs none.
 */
export function bombXlsx(rows: number, numbered = false): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  const add = (name: string, text: string) => {
    const file = new ZipDeflate(name, { level: 9 });
    zip.add(file);
    file.push(strToU8(text), true);
  };
  add(
    "[Content_Types].xml",
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
  );
  add(
    "_rels/.rels",
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  );
  add(
    "xl/workbook.xml",
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Projekte" sheetId="1" r:id="rId1"/></sheets></workbook>',
  );
  add(
    "xl/_rels/workbook.xml.rels",
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
  );
  const sheet = new ZipDeflate("xl/worksheets/sheet1.xml", { level: 9 });
  zip.add(sheet);
  sheet.push(
    strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
    ),
  );
  const block = strToU8('<row><c t="inlineStr"><is><t>Projekt</t></is></c></row>'.repeat(10_000));
  for (let done = 0; done < rows; done += 10_000) {
    if (!numbered) sheet.push(block);
    else {
      let xml = "";
      for (let r = done + 1; r <= Math.min(rows, done + 10_000); r++)
        xml += `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>Projekt ${r}</t></is></c></row>`;
      sheet.push(strToU8(xml));
    }
  }
  sheet.push(strToU8("</sheetData></worksheet>"), true);
  zip.end();
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}
