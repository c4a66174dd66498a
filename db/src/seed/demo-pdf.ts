// A small, valid one-page PDF with a few lines of text (Helvetica, WinAnsi): the demo's evidence files. Hand-written
// because a PDF library for four lines of text would be the larger part of the seed.

/** PDF string literal: escapes, and the characters outside Latin-1 left out (WinAnsiEncoding covers umlauts and ß). */
function pdfText(line: string): string {
  return line.replace(/[\\()]/g, (c) => `\\${c}`).replace(/[^\x20-\xff]/g, "-");
}

export function demoPdf(title: string, lines: string[]): Uint8Array {
  const text = [
    "BT /F1 16 Tf 72 770 Td",
    `(${pdfText(title)}) Tj`,
    "/F1 11 Tf 0 -28 Td",
    ...lines.flatMap((l) => [`(${pdfText(l)}) Tj`, "0 -16 Td"]),
    "ET",
  ].join("\n");
  const content = Buffer.from(text, "latin1");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${content.length} >>\nstream\n${content.toString("latin1")}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body, "latin1"));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, "latin1");
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) body += `${String(o).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(body, "latin1"));
}
