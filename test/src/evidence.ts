// Evidence files for tests: small real files of each kind (a PDF with a line of text, a Word document built as Word
// writes it), uploaded through the API as the screens do.
import { randomUUID } from "node:crypto";
import JSZip from "jszip";
import type { ApiSession } from "./api-client.ts";
import type { FixtureTenant } from "./fixtures.ts";
import { sessionAs } from "./maturity-fixtures.ts";
import type { TestApp } from "./server.ts";

/** A one-page PDF whose text is `text` (unique per call unless given, so that uploads are never duplicates). */
export function pdfBytes(text = `Nachweis ${randomUUID()}`): Uint8Array {
  const stream = `BT /F1 12 Tf 72 720 Td (${text.replace(/[()\\]/g, "")}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) body += `${String(o).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}

/** A Word document (Office Open XML), optionally with a macro part. */
export async function docxBytes(text: string, opts: { macro?: boolean } = {}): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file("_rels/.rels", '<?xml version="1.0"?><Relationships/>');
  zip.file(
    "word/document.xml",
    `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`,
  );
  if (opts.macro) zip.file("word/vbaProject.bin", "Attribute VB_Name");
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

export const base64 = (bytes: Uint8Array | string) =>
  Buffer.from(typeof bytes === "string" ? new TextEncoder().encode(bytes) : bytes).toString("base64");

export type StoredEvidence = {
  id: string;
  measureId: string;
  fileName: string;
  sizeBytes: number;
  sha256: string;
};

export async function uploadEvidence(
  session: ApiSession,
  measureId: string,
  fileName: string,
  bytes: Uint8Array,
): Promise<StoredEvidence> {
  return session.must<StoredEvidence>("measures.uploadEvidence", {
    measureId,
    file: { fileName, contentBase64: base64(bytes) },
  });
}

/** A PDF on a measure, uploaded by the Kommune's coordinator. */
export async function createEvidenceFile(
  t: TestApp,
  tenant: FixtureTenant,
  measureId: string,
  fileName = "Nachweis.pdf",
  bytes = pdfBytes(),
): Promise<StoredEvidence> {
  return uploadEvidence(await sessionAs(t, tenant, "coordinator"), measureId, fileName, bytes);
}

/** GET /dateien/nachweise/:id with a session cookie (or none). */
export function downloadEvidence(t: TestApp, id: string, cookie: string | null) {
  return t.app.request(`/dateien/nachweise/${encodeURIComponent(id)}`, {
    headers: cookie ? { cookie } : {},
  });
}
