// What counts as an evidence file: decided from the bytes, with the name's ending checked against them.
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import {
  cleanEvidenceFileName,
  detectEvidenceFile,
  EVIDENCE_MAX_BYTES,
  evidenceFileInput,
  evidenceTypeLabel,
  zipEntryNames,
} from "./evidence-files.ts";

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...new TextEncoder().encode(p)] : p)));

const PDF = bytes("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n");
const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], "IHDR");
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], "JFIF");
const EXE = bytes("MZ", [0x90, 0, 3, 0, 0, 0, 4, 0]);
const OLE2 = bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);

/** A minimal but real Office Open XML / OpenDocument archive (deflated, as Word and LibreOffice write them). */
async function archive(entries: Record<string, string>, first?: [string, string]): Promise<Uint8Array> {
  const zip = new JSZip();
  if (first) zip.file(first[0], first[1], { compression: "STORE" });
  for (const [name, content] of Object.entries(entries)) zip.file(name, content);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
const docx = (extra: Record<string, string> = {}) =>
  archive({
    "[Content_Types].xml": "<Types/>",
    "_rels/.rels": "<Relationships/>",
    "word/document.xml": "<w:document/>",
    ...extra,
  });
const odt = (type = "application/vnd.oasis.opendocument.text", extra: Record<string, string> = {}) =>
  archive({ "content.xml": "<office:document-content/>", "META-INF/manifest.xml": "<manifest/>", ...extra }, [
    "mimetype",
    type,
  ]);

const accepted = (name: string, content: Uint8Array) => {
  const r = detectEvidenceFile(name, content);
  if (!r.ok) throw new Error(`${name} refused: ${r.message}`);
  return r.file;
};
const refused = (name: string, content: Uint8Array) => {
  const r = detectEvidenceFile(name, content);
  if (r.ok) throw new Error(`${name} accepted as ${r.file.mediaType}`);
  return r.message;
};

describe("detectEvidenceFile", () => {
  it("accepts PDF, images, Office and OpenDocument files and text, with the media type taken from the content", async () => {
    expect(accepted("Beschluss.pdf", PDF)).toMatchObject({ mediaType: "application/pdf", label: "PDF" });
    expect(accepted("Foto.PNG", PNG).mediaType).toBe("image/png");
    expect(accepted("foto.jpeg", JPEG).mediaType).toBe("image/jpeg");
    expect(accepted("scan.tif", bytes([0x49, 0x49, 0x2a, 0, 8, 0, 0, 0])).mediaType).toBe("image/tiff");
    expect(accepted("bild.webp", bytes("RIFF", [0, 0, 0, 0], "WEBPVP8 ")).mediaType).toBe("image/webp");
    expect(accepted("Protokoll.docx", await docx()).label).toBe("Word-Dokument");
    const xlsx = await archive({ "[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>" });
    expect(accepted("Liste.xlsx", xlsx).mediaType).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    const pptx = await archive({ "[Content_Types].xml": "<Types/>", "ppt/presentation.xml": "<p/>" });
    expect(accepted("Vortrag.pptx", pptx).label).toBe("PowerPoint-Präsentation");
    expect(accepted("Konzept.odt", await odt()).mediaType).toBe("application/vnd.oasis.opendocument.text");
    const ods = await odt("application/vnd.oasis.opendocument.spreadsheet");
    expect(accepted("Tabelle.ods", ods).label).toBe("Tabelle (OpenDocument)");
    expect(accepted("notiz.txt", bytes("Abnahme am 12.03.2025 – ohne Mängel.\r\n")).mediaType).toBe(
      "text/plain; charset=utf-8",
    );
    // Excel's CSV in Windows-1252 ("Maßnahme" with 0xDF).
    expect(accepted("liste.csv", bytes("Ma", [0xdf], "nahme;Datum\r\n")).mediaType).toBe(
      "text/csv; charset=windows-1252",
    );
  });

  it("refuses programs, web pages and SVG, also when renamed", () => {
    expect(refused("setup.exe", EXE)).toContain("Dateien vom Typ .exe werden als Nachweis nicht angenommen");
    expect(refused("bericht.pdf", EXE)).toBe(
      "Der Inhalt ist kein PDF-Dokument. Bitte prüfen Sie, ob die Endung zum Inhalt passt.",
    );
    expect(refused("seite.html", bytes("<html><script>alert(1)</script></html>"))).toContain(".html");
    expect(refused("grafik.svg", bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toContain(".svg");
    // Markup disguised as text or as an image.
    expect(refused("notiz.txt", bytes("\uFEFF  <!doctype html><script>alert(1)</script>"))).toContain(
      "HTML-, SVG- oder XML-Inhalt",
    );
    expect(refused("bild.png", bytes('<svg onload="alert(1)"/>'))).toContain("kein PNG-Bild");
    expect(refused("notiz.txt", EXE)).toContain("kein Text");
    expect(refused("ohne-endung", PDF)).toContain("Dateien ohne Endung");
    expect(refused("archiv.zip", bytes("PK", [3, 4]))).toContain(".zip");
  });

  it("refuses a ZIP that is no Office document, macros and the old binary Office formats", async () => {
    const other = await archive({ "programm.exe": "MZ", "index.html": "<html/>" });
    expect(refused("Protokoll.docx", other)).toContain("kein Word-Dokument");
    expect(refused("Protokoll.docx", await docx({ "word/vbaProject.bin": "macro" }))).toContain("Makros");
    expect(refused("Konzept.odt", await odt(undefined, { "Basic/Standard/Module1.xml": "x" }))).toContain(
      "Makros",
    );
    // An .odt whose mimetype says spreadsheet is not a text document.
    expect(refused("Konzept.odt", await odt("application/vnd.oasis.opendocument.spreadsheet"))).toContain(
      "kein OpenDocument-Text",
    );
    expect(refused("alt.doc", OLE2)).toContain(
      "Ältere Office-Dateien (.doc) bitte als .docx oder PDF speichern",
    );
    expect(refused("alt.docx", OLE2)).toContain("ältere Office-Datei");
    // A truncated archive (the central directory is missing).
    const whole = await docx();
    expect(refused("kaputt.docx", whole.subarray(0, whole.length - 30))).toContain("kein Word-Dokument");
  });

  it("refuses empty and too large files", () => {
    expect(refused("leer.pdf", new Uint8Array())).toBe("Die Datei ist leer.");
    const big = new Uint8Array(EVIDENCE_MAX_BYTES + 1);
    big.set(PDF);
    expect(refused("gross.pdf", big)).toContain("größer als 10 MB");
    const limit = new Uint8Array(EVIDENCE_MAX_BYTES);
    limit.set(PDF);
    expect(accepted("genau.pdf", limit).mediaType).toBe("application/pdf");
  });
});

describe("file names and types", () => {
  it("keep no path, control or direction characters, and at most 255 characters with the ending", () => {
    expect(cleanEvidenceFileName("C:\\Users\\anna\\Beschluss 2025.pdf")).toBe("Beschluss 2025.pdf");
    expect(cleanEvidenceFileName("../../etc/passwd")).toBe("passwd");
    expect(cleanEvidenceFileName("rechnung\u202efdp.exe")).toBe("rechnungfdp.exe");
    expect(cleanEvidenceFileName("a\u0000b\nc.txt")).toBe("abc.txt");
    expect(cleanEvidenceFileName("Prüfbericht.pdf".normalize("NFD"))).toBe("Prüfbericht.pdf");
    const long = cleanEvidenceFileName(`${"x".repeat(400)}.pdf`);
    expect(long).toHaveLength(255);
    expect(long.endsWith(".pdf")).toBe(true);
    expect(detectEvidenceFile("rechnung\u202efdp.exe", PDF)).toMatchObject({ ok: false });
    expect(detectEvidenceFile("/", PDF)).toMatchObject({
      ok: false,
      message: "Bitte eine Datei mit Namen auswählen.",
    });
  });

  it("labels stored media types and lists archive entries", async () => {
    expect(evidenceTypeLabel("text/plain; charset=utf-8")).toBe("Text");
    expect(evidenceTypeLabel("application/x-unknown")).toBe("Datei");
    expect(zipEntryNames(await docx())).toEqual(
      expect.arrayContaining(["[Content_Types].xml", "word/document.xml"]),
    );
    expect(zipEntryNames(PDF)).toBeNull();
  });

  it("checks the transport: base64 only, 10 MB at most", () => {
    expect(evidenceFileInput.safeParse({ fileName: "a.pdf", contentBase64: "JVBERi0=" }).success).toBe(true);
    const bad = evidenceFileInput.safeParse({ fileName: "a.pdf", contentBase64: "<script>" });
    expect(bad.error?.issues[0]?.message).toContain("nicht vollständig übertragen");
    const big = evidenceFileInput.safeParse({
      fileName: "a.pdf",
      contentBase64: "A".repeat(Math.ceil(EVIDENCE_MAX_BYTES / 3) * 4 + 4),
    });
    expect(big.error?.issues[0]?.message).toContain("größer als 10 MB");
  });
});
