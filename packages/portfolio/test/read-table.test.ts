import type ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { detectDelimiter, ImportFileError, readTable } from "../src/index.ts";
import { buildXlsx, encodeWindows1252, excelDate, utf8 } from "./helpers.ts";

async function fileError(bytes: Uint8Array, fileName: string): Promise<ImportFileError> {
  const error = await readTable(bytes, fileName).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ImportFileError);
  return error as ImportFileError;
}

describe("readTable: text files", () => {
  it("detects tab, semicolon and comma", async () => {
    expect((await readTable(utf8("a\tb\n1\t2"), "x.tsv")).delimiter).toBe("\t");
    expect((await readTable(utf8("a;b\n1;2"), "x.csv")).delimiter).toBe(";");
    expect((await readTable(utf8("a,b\n1,2"), "x.csv")).delimiter).toBe(",");
  });

  it("prefers the delimiter with consistent columns over one that merely occurs in the text", () => {
    // Commas inside the semicolon-separated values must not win.
    const text = "GB;R;Projektname\nOB;37;Software, Hardware, Netze\nOB;30;A, B\n";
    expect(detectDelimiter(text)).toBe(";");
    expect(detectDelimiter('GB,R,Name\nOB,37,"a; b; c"\n')).toBe(",");
    expect(detectDelimiter("nur eine Spalte\nwert\n")).toBeNull();
  });

  it("skips empty lines (also Excel's ;;;; lines) but keeps the original line numbers", async () => {
    const text = "\r\nGB;R;Name\r\n\r\nOB;37;A\r\n;;\r\n   \r\nOB;30;B\r\n\r\n";
    const table = await readTable(utf8(text), "x.csv");
    expect(table.headerLine).toBe(2);
    expect(table.headers).toEqual(["GB", "R", "Name"]);
    expect(table.rows).toEqual([
      { line: 4, cells: ["OB", "37", "A"] },
      { line: 7, cells: ["OB", "30", "B"] },
    ]);
  });

  it("counts lines inside quoted multi-line cells for the rows that follow", async () => {
    const text = 'GB;R;Name;Beschreibung\nOB;37;A;"erste Zeile\nzweite Zeile\ndritte"\nOB;30;B;x\n';
    const table = await readTable(utf8(text), "x.csv");
    expect(table.rows.map((row) => row.line)).toEqual([2, 5]);
    expect(table.rows[0]!.cells[3]).toBe("erste Zeile\nzweite Zeile\ndritte");
  });

  it("reports the encoding: UTF-8 without BOM, UTF-8 with BOM, Windows-1252, UTF-16LE (Excel Unicode-Text)", async () => {
    const text = "Projektname;Ressort\nAblösung Räume;Straßenbau\n";
    const plain = await readTable(utf8(text), "a.csv");
    const bom = await readTable(utf8(text, true), "b.csv");
    const legacy = await readTable(encodeWindows1252(text), "c.csv");
    const utf16 = await readTable(
      Uint8Array.from([0xff, 0xfe, ...new Uint8Array(Buffer.from(text.replaceAll(";", "\t"), "utf16le"))]),
      "d.txt",
    );
    expect([plain.encoding, bom.encoding, legacy.encoding, utf16.encoding]).toEqual([
      "utf-8",
      "utf-8",
      "windows-1252",
      "utf-16le",
    ]);
    for (const table of [plain, bom, legacy, utf16]) {
      expect(table.headers).toEqual(["Projektname", "Ressort"]);
      expect(table.rows[0]!.cells).toEqual(["Ablösung Räume", "Straßenbau"]);
    }
  });

  it("decodes the Windows-1252 bytes 0x80–0x9F correctly (€, „ “, –), despite Node's Latin-1 fast path", async () => {
    // Bytes written by hand: 0x80 = €, 0x84 = „, 0x93 = “, 0x96 = –, 0xE4 = ä.
    const bytes = Uint8Array.from([
      ...new TextEncoder().encode("Name;Budget\n"),
      0x84,
      ...new TextEncoder().encode("Gr"),
      0xe4,
      ...new TextEncoder().encode("ber"),
      0x93,
      0x20,
      0x96,
      0x20,
      ...new TextEncoder().encode("Teil 2;1.000 "),
      0x80,
      0x0a,
    ]);
    const table = await readTable(bytes, "x.csv");
    expect(table.encoding).toBe("windows-1252");
    expect(table.rows[0]!.cells).toEqual(["„Gräber“ – Teil 2", "1.000 €"]);
  });

  it("removes exactly the protective apostrophe of formula-looking text", async () => {
    const text = "a;b;c;d;e;f\n'=SUMME(A1);'+49 345;'-5;'@x;''=y;'normal\n";
    const table = await readTable(utf8(text), "x.csv");
    expect(table.rows[0]!.cells).toEqual(["=SUMME(A1)", "+49 345", "-5", "@x", "'=y", "'normal"]);
  });

  it("rejects empty, header-only, undelimited and broken files with German messages", async () => {
    const empty = await fileError(new Uint8Array(), "leer.csv");
    expect(empty.code).toBe("empty");
    expect(empty.message).toBe("Die Datei „leer.csv“ ist leer.");
    expect((await fileError(utf8("\r\n \r\n;;;\r\n"), "nur-leer.csv")).code).toBe("empty");

    const headerOnly = await fileError(utf8("GB;R;Projektname\r\n\r\n"), "kopf.csv");
    expect(headerOnly.code).toBe("no_data");
    expect(headerOnly.message).toContain("nur die Kopfzeile (Zeile 1)");

    const single = await fileError(utf8("Projektname\nA\nB\n"), "eine-spalte.csv");
    expect(single.code).toBe("no_delimiter");
    expect(single.message).toContain("kein Spaltentrennzeichen");

    const quote = await fileError(utf8('GB;R;Name\nOB;37;A\nOB;30;"offen\nOB;31;C\n'), "quote.csv");
    expect(quote.code).toBe("malformed_quotes");
    expect(quote.message).toContain("Zeile 3");
    expect(quote.message).toContain("Anführungszeichen");
  });

  it("rejects old .xls, PDF, a fake .xlsx and other ZIP files", async () => {
    const ole = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const xls = await fileError(ole, "liste.xls");
    expect(xls.code).toBe("legacy_excel");
    expect(xls.message).toContain("alten Excel-Format (.xls)");

    expect((await fileError(utf8("%PDF-1.7\n..."), "liste.pdf")).code).toBe("unsupported_format");

    const fake = await fileError(utf8("GB;R\nOB;37\n"), "liste.xlsx");
    expect(fake.code).toBe("not_xlsx");
    expect(fake.message).toContain("keine Excel-Arbeitsmappe");

    const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect((await fileError(zip, "liste.xlsx")).code).toBe("invalid_xlsx");
    expect((await fileError(zip, "liste.ods")).code).toBe("unsupported_format");
    expect((await fileError(utf8("a\u0000b;c\nd;e"), "binär.csv")).code).toBe("unsupported_format");
  });
});

describe("readTable: XLSX", () => {
  it("uses the first worksheet, finds the header in the first non-empty row and keeps sheet row numbers", async () => {
    const bytes = await buildXlsx(
      [["GB", "R", "Projektname"], [], ["OB", 37, "A"], [null, null, null], ["ALL", "Quer", "B"]],
      { startRow: 3, sheetName: "Liste" },
    );
    const table = await readTable(bytes, "liste.xlsx");
    expect(table).toMatchObject({
      format: "xlsx",
      headerLine: 3,
      sheetName: "Liste",
      headers: ["GB", "R", "Projektname"],
    });
    expect(table.rows).toEqual([
      { line: 5, cells: ["OB", "37", "A"] },
      { line: 7, cells: ["ALL", "Quer", "B"] },
    ]);
  });

  it("converts dates, numbers, booleans, formulas, rich text, hyperlinks and errors to text", async () => {
    const bytes = await buildXlsx([
      ["Datum", "Zahl", "Groß", "Rauschen", "Bool", "Formel", "Rich", "Link", "Fehler", "Uhrzeit", "Text"],
      [
        excelDate(2023, 4, 1),
        1234.5,
        12_345_678.9,
        0.1 + 0.2,
        true,
        { formula: "B2*2", result: 2469 },
        { richText: [{ text: "Ab" }, { font: { bold: true }, text: "lösung" }] },
        { text: "Stadtportal", hyperlink: "https://halle.de" },
        { error: "#N/A" },
        new Date(Date.UTC(2023, 3, 1, 14, 30)),
        "'=SUMME(A1)",
      ],
    ]);
    const table = await readTable(bytes, "typen.xlsx");
    expect(table.rows[0]!.cells).toEqual([
      "01.04.2023",
      "1234,5",
      "12345678,9",
      "0,3",
      "WAHR",
      "2469",
      "Ablösung",
      "Stadtportal",
      "#N/A",
      "01.04.2023 14:30",
      "=SUMME(A1)",
    ]);
  });

  it("reads only the first worksheet and says so when it is empty", async () => {
    const bytes = await buildXlsx([], {
      before: (workbook: ExcelJS.Workbook) => {
        workbook.addWorksheet("Leer");
      },
    });
    const error = await fileError(bytes, "zwei.xlsx");
    expect(error.code).toBe("empty");
    expect(error.message).toContain("erste Tabellenblatt „Leer“");
  });
});
