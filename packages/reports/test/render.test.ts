// The three formats of one document: the same figures, German formats, byte-identical CSV and identical PDF text for
// the same document, every page with title, Stichtag and page number (pdftotext from Debian's poppler-utils).
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { boxplotOption } from "@spatz/charts";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import {
  date,
  decimal,
  integer,
  note,
  percent,
  type ReportDocument,
  renderCsv,
  renderPdf,
  renderXlsx,
  text,
} from "../src/index.ts";

const doc: ReportDocument = {
  title: "Reifegradbericht",
  subject: "Stadt Prüfhausen – gesamte Verwaltung",
  stichtag: "2026-09-30",
  fileBase: "Reifegradbericht-pruefhausen-2026-09-30",
  blocks: [
    { type: "heading", text: "Überblick" },
    { type: "paragraph", text: "Reifegradindex 2,35 von 4 – Stufe ≥ 2 in 5 von 8 Dimensionen." },
    {
      type: "table",
      title: "Dimensionen",
      columns: ["Dimension", "Stufe", "Punktwert", "Anteil", "seit"],
      rows: [
        [text("=SUMME(A1)"), integer(2), decimal(2.345), percent(0.125), date("2026-03-01")],
        [
          text("IT-Sicherheit & Notfallmanagement"),
          integer(1),
          decimal(1),
          percent(1),
          note("weniger als 5 Kommunen – nicht ausgewiesen"),
        ],
        // Enough rows for a second page, which must repeat the header.
        ...Array.from({ length: 70 }, (_, i) => [
          text(`Zeile ${i + 1}`),
          integer(i),
          decimal(i / 10),
          percent(i / 70),
          date("2026-01-01"),
        ]),
      ],
    },
  ],
};

function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "spatz-report-"));
  writeFileSync(path.join(dir, "r.pdf"), pdf);
  return execFileSync("pdftotext", ["-layout", path.join(dir, "r.pdf"), "-"], { encoding: "utf8" });
}

describe("report formats", () => {
  it("CSV: German Excel style, formula-safe, byte-identical for the same document", () => {
    const csv = renderCsv(doc);
    expect(csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = csv.toString("utf8").slice(1).split("\r\n");
    expect(lines[1]).toBe("Stichtag;30.09.2026");
    expect(lines).toContain("Dimension;Stufe;Punktwert;Anteil;seit");
    expect(lines).toContain("'=SUMME(A1);2;2,35;12,5;01.03.2026");
    expect(lines).toContain(
      "IT-Sicherheit & Notfallmanagement;1;1,00;100,0;weniger als 5 Kommunen – nicht ausgewiesen",
    );
    expect(renderCsv(doc).equals(csv)).toBe(true);
  });

  it("XLSX: one sheet per table with real numbers and dates", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await renderXlsx(doc)) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("Dimensionen")!;
    expect(sheet.getRow(1).values).toEqual([undefined, "Dimension", "Stufe", "Punktwert", "Anteil", "seit"]);
    expect(sheet.getCell("A2").value).toBe("'=SUMME(A1)");
    expect(sheet.getCell("C2").value).toBe(2.345);
    expect(sheet.getCell("D2").numFmt).toBe("0.0%");
    expect(sheet.getCell("E3").value).toBe("weniger als 5 Kommunen – nicht ausgewiesen");
  });

  it("PDF: extractable German text, title and Stichtag and page x of y on every page, same text every time", async () => {
    const pdf = await renderPdf(doc);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.toString("latin1")).toContain("/Lang (de-DE)");
    expect(pdf.toString("latin1")).toMatch(/\/MarkInfo/);
    const extracted = pdfText(pdf);
    expect(extracted).toContain("Reifegradindex 2,35 von 4 – Stufe ≥ 2 in 5 von 8 Dimensionen.");
    expect(extracted).toMatch(/IT-Sicherheit & Notfallmanagement\s+1\s+1,00\s+100 %/);
    const pages = extracted.split("\f").filter((p) => p.trim());
    expect(pages.length).toBeGreaterThanOrEqual(2);
    pages.forEach((page, i) => {
      expect(page).toContain(
        "Reifegradbericht – Stadt Prüfhausen – gesamte Verwaltung – Stichtag 30.09.2026",
      );
      expect(page).toContain(`Seite ${i + 1} von ${pages.length}`);
      expect(page).toMatch(/Dimension\s+Stufe\s+Punktwert/);
    });
    expect(pdfText(await renderPdf(doc))).toBe(extracted);
  });

  it("PDF charts: vector graphics from the screens' definitions, every label whole and extractable, a tagged figure with its text alternative", async () => {
    const labels = [
      "Reifegradindex",
      "Onlinedienste & Bürgerzentrierung",
      "IT-Sicherheit & Notfallmanagement",
      "Daten & Interoperabilität",
    ];
    const metrics = labels.map((label, i) => ({
      label,
      figures:
        i === 2
          ? { suppressed: true as const }
          : {
              suppressed: false as const,
              min: 0.2,
              p25: 0.8 + i / 5,
              median: 1.4 + i / 5,
              p75: 2 + i / 5,
              max: 3.5,
            },
    }));
    const pdf = await renderPdf({
      ...doc,
      blocks: [
        {
          type: "chart",
          title: "Verteilung in der Vergleichsgruppe",
          description: "Kastendiagramm je Kennzahl mit Ihrem Wert als Raute",
          option: boxplotOption(
            metrics,
            metrics.map((_, i) => 1 + i / 2),
          ),
          height: 180,
        },
      ],
    });
    if (process.env.SPATZ_KEEP_PDF) writeFileSync(process.env.SPATZ_KEEP_PDF, pdf);
    const raw = pdf.toString("latin1");
    expect(raw).not.toContain("/Subtype /Image");
    expect(raw).toMatch(/\/S \/Figure/);
    expect(raw).toContain("/Alt");
    const extracted = pdfText(pdf).replace(/\s+/g, " ");
    for (const label of labels) expect(extracted).toContain(label);
    expect(extracted).toContain("Ihre Kommune");
    // Labels end left of the plot: the widest one is measured with the PDF's own font, so none is cut off.
    const bbox = execFileSync("pdftotext", ["-bbox", "-", "-"], { input: pdf, encoding: "utf8" });
    const xMins = [
      ...bbox.matchAll(/<word xMin="([\d.]+)"[^>]*>(Onlinedienste|IT-Sicherheit|Reifegradindex)</g),
    ].map((m) => Number(m[1]));
    expect(xMins.length).toBeGreaterThanOrEqual(3);
    for (const x of xMins) expect(x).toBeGreaterThanOrEqual(49);
  });
});
