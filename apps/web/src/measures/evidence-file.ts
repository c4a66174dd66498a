// Reading a chosen evidence file in the browser: the same type and size rules as the server (@spatz/domain), checked
// before anything is sent, so a wrong file is answered at once instead of after a 10 MB upload.
import { detectEvidenceFile, EVIDENCE_MAX_BYTES, EVIDENCE_TOO_LARGE_MESSAGE } from "@spatz/domain";

export type EvidenceUpload = { fileName: string; contentBase64: string };

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The file ready to send, or the German reason why it cannot be evidence. */
export async function readEvidenceFile(file: File): Promise<{ upload: EvidenceUpload } | { error: string }> {
  if (file.size > EVIDENCE_MAX_BYTES) return { error: EVIDENCE_TOO_LARGE_MESSAGE };
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    return { error: "Die Datei konnte nicht gelesen werden." };
  }
  const detected = detectEvidenceFile(file.name, bytes);
  if (!detected.ok) return { error: detected.message };
  return { upload: { fileName: file.name, contentBase64: toBase64(bytes) } };
}

export const EVIDENCE_HINT =
  "PDF, Bild (PNG, JPEG, GIF, WebP, TIFF), Word, Excel, PowerPoint, OpenDocument oder Text; höchstens 10 MB.";
