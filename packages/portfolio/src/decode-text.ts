/**
 * Bytes of a CSV/TSV file to text. A UTF-8 BOM means UTF-8; a UTF-16LE BOM means UTF-16LE (Excel
 * "Unicode-Text"); otherwise the bytes are tried as strict UTF-8 and, when that fails, read as Windows-1252
 * (what German Excel writes for "CSV (Trennzeichen-getrennt)").
 */
import type { TextEncodingName } from "./table";

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

export const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;
const UTF16LE_BOM = [0xff, 0xfe] as const;

export function decodeText(bytes: Uint8Array): DecodedText {
  // TextDecoder removes a leading BOM of its own encoding (ignoreBOM defaults to false).
  if (startsWith(bytes, UTF8_BOM)) return { text: new TextDecoder("utf-8").decode(bytes), encoding: "utf-8" };
  if (startsWith(bytes, UTF16LE_BOM)) {
    return { text: new TextDecoder("utf-16le").decode(bytes), encoding: "utf-16le" };
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "windows-1252" };
  }
}
