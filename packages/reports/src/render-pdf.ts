// The report as PDF with pdfkit (docs/adr/0012-reports.md): A4, DejaVu Sans shipped in packages/reports/fonts,
// tagged (headings, paragraphs, tables in the structure tree), document language German, title shown by viewers,
// title and Stichtag at the top and "Seite x von y" at the bottom of every page. Tables repeat their header row on a
// new page. The creation date is the Stichtag, so a report for the same Stichtag carries the same text and metadata.
import PDFDocument from "pdfkit";
import SVGtoPDF from "svg-to-pdfkit";
import { type Block, type Cell, displayCell, germanDate, type ReportDocument } from "./document.ts";
import { BOLD, REGULAR } from "./fonts.ts";
import { chartSvg } from "./render-chart.ts";

const MARGIN = 50;
const HEADER_Y = 24;
const BODY = 9;

type Doc = InstanceType<typeof PDFDocument>;
type Struct = ReturnType<Doc["struct"]>;

function isNumeric(cell: Cell): boolean {
  return cell.kind !== "text" && cell.kind !== "note" && cell.kind !== "date";
}

/** One table: header row (bold) and rows, wrapped text, page breaks that repeat the header. */
function drawTable(pdf: Doc, parent: Struct, title: string, columns: string[], rows: Cell[][]) {
  const width = pdf.page.width - 2 * MARGIN;
  // The first column (names) gets twice the room of a figure column.
  const unit = width / (columns.length + 1);
  const colX = (i: number) => MARGIN + (i === 0 ? 0 : unit * (i + 1));
  const colW = (i: number) => (i === 0 ? 2 * unit : unit);
  const padding = 3;
  const table = pdf.struct("Table");
  parent.add(table);
  pdf.font(BOLD).fontSize(10);
  table.add(pdf.struct("Caption", {}, () => pdf.text(title, MARGIN, pdf.y, { width })));
  pdf.moveDown(0.3);

  const rowHeight = (cells: string[], font: string) => {
    pdf.font(font).fontSize(BODY);
    return (
      Math.max(...cells.map((c, i) => pdf.heightOfString(c, { width: colW(i) - 2 * padding }))) + 2 * padding
    );
  };
  const drawRow = (cells: string[], font: string, numeric: boolean[], kind: "TH" | "TD") => {
    const h = rowHeight(cells, font);
    if (pdf.y + h > pdf.page.height - MARGIN - 20) {
      pdf.addPage();
      if (kind === "TD")
        drawRow(
          columns,
          BOLD,
          columns.map(() => false),
          "TH",
        );
    }
    const y = pdf.y;
    const tr = pdf.struct("TR");
    table.add(tr);
    cells.forEach((cell, i) => {
      const x = colX(i);
      tr.add(
        pdf.struct(kind, {}, () => {
          pdf.font(font).fontSize(BODY);
          pdf.text(cell, x + padding, y + padding, {
            width: colW(i) - 2 * padding,
            align: numeric[i] ? "right" : "left",
          });
        }),
      );
    });
    pdf.markContent("Artifact", { type: "Layout" });
    pdf
      .moveTo(MARGIN, y + h)
      .lineTo(MARGIN + width, y + h)
      .lineWidth(0.5)
      .strokeColor("#8a939c")
      .stroke();
    pdf.endMarkedContent();
    pdf.x = MARGIN;
    pdf.y = y + h;
  };
  drawRow(
    columns,
    BOLD,
    columns.map(() => false),
    "TH",
  );
  for (const row of rows) drawRow(row.map(displayCell), REGULAR, row.map(isNumeric), "TD");
  pdf.moveDown(1);
}

/** A chart as vector graphics, tagged as a figure with its text alternative; its figures are in a table nearby. */
function drawChart(pdf: Doc, parent: Struct, block: Extract<Block, { type: "chart" }>) {
  const width = pdf.page.width - 2 * MARGIN;
  const height = block.height ?? 240;
  if (pdf.y + height + 30 > pdf.page.height - MARGIN - 20) pdf.addPage();
  pdf.font(BOLD).fontSize(10);
  parent.add(pdf.struct("P", {}, () => pdf.text(block.title, MARGIN, pdf.y, { width })));
  pdf.moveDown(0.3);
  const y = pdf.y;
  const svg = chartSvg(block.option, Math.round(width), height);
  parent.add(
    pdf.struct("Figure", { alt: block.description }, () => {
      SVGtoPDF(pdf, svg, MARGIN, y, {
        width,
        height,
        assumePt: true,
        // Every text of the chart in the shipped font (the standard PDF fonts lack the German range of DejaVu).
        fontCallback: (_family: string, bold: boolean) => (bold ? BOLD : REGULAR),
      });
    }),
  );
  pdf.x = MARGIN;
  pdf.y = y + height + 10;
}

export function renderPdf(doc: ReportDocument): Promise<Buffer> {
  const created = new Date(`${doc.stichtag}T00:00:00Z`);
  const pdf = new PDFDocument({
    size: "A4",
    margins: { top: MARGIN + 10, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    tagged: true,
    lang: "de-DE",
    displayTitle: true,
    pdfVersion: "1.7",
    info: {
      Title: `${doc.title}: ${doc.subject}`,
      Author: "SPATZ",
      Subject: `Stichtag ${germanDate(doc.stichtag)}`,
      CreationDate: created,
      ModDate: created,
    },
  });
  const chunks: Buffer[] = [];
  pdf.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => pdf.on("end", () => resolve(Buffer.concat(chunks))));

  const root = pdf.struct("Document");
  pdf.addStructure(root);
  const width = pdf.page.width - 2 * MARGIN;
  pdf.font(BOLD).fontSize(18);
  root.add(pdf.struct("H1", {}, () => pdf.text(doc.title, { width })));
  pdf.font(REGULAR).fontSize(11);
  root.add(
    pdf.struct("P", {}, () => pdf.text(`${doc.subject} · Stichtag ${germanDate(doc.stichtag)}`, { width })),
  );
  pdf.moveDown(1);
  for (const block of doc.blocks) {
    if (block.type === "heading") {
      if (pdf.y > pdf.page.height - MARGIN - 80) pdf.addPage();
      pdf.moveDown(0.5);
      pdf.font(BOLD).fontSize(13);
      root.add(pdf.struct("H2", {}, () => pdf.text(block.text, MARGIN, pdf.y, { width })));
      pdf.moveDown(0.3);
    } else if (block.type === "paragraph") {
      pdf.font(REGULAR).fontSize(10);
      root.add(pdf.struct("P", {}, () => pdf.text(block.text, MARGIN, pdf.y, { width })));
      pdf.moveDown(0.5);
    } else if (block.type === "chart") {
      drawChart(pdf, root, block);
    } else {
      drawTable(pdf, root, block.title, block.columns, block.rows);
    }
  }
  root.end();

  // Running head and page numbers on every page, as artifacts (not part of the reading order).
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    // Writing into the bottom margin would make pdfkit start a new page.
    const bottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    pdf.markContent("Artifact", { type: "Pagination" });
    pdf.font(REGULAR).fontSize(8).fillColor("#4a5561");
    pdf.text(`${doc.title} – ${doc.subject} – Stichtag ${germanDate(doc.stichtag)}`, MARGIN, HEADER_Y, {
      width,
      lineBreak: false,
    });
    pdf.text(`Seite ${i + 1} von ${range.count}`, MARGIN, pdf.page.height - MARGIN + 15, {
      width,
      align: "right",
      lineBreak: false,
    });
    pdf.fillColor("#000000");
    pdf.endMarkedContent();
    pdf.page.margins.bottom = bottom;
  }
  pdf.end();
  return done;
}
