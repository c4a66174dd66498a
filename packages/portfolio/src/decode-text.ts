/**
 * Bytes of a CSV/TSV file to text. A UTF-8 BOM means UTF-8; a UTF-16LE BOM means UTF-16LE (Excel
 * "Unicode-Text"); otherwise the bytes are tried as strict UTF-8 and, when that fails, read as Windows-1252
 * (what German Excel writes for "CSV (Trennzeichen-getrennt)").
 */
import type { TextEncodingName } from "./table.ts";

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

export const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;
const UTF16LE_BOM = [0xff, 0xfe] as const;

/**
 * Windows-1252 with the WHATWG mapping (0x80 → €, 0x84 → „, 0x93 → “, 0x96 → –, …).
 * Node 20.18.3+ and 22.13+ decode "windows-1252" like Latin-1 in TextDecoder's one-shot fast path, so those
 * bytes become C1 control characters (nodejs/node#56542, #60888). The streaming path goes through ICU and is
 * correct, so the bytes are decoded with `stream: true` and then flushed.
 */
function decodeWindows1252(bytes: Uint8Array): string {
  const decoder = new TextDecoder("windows-1252");
  return decoder.decode(bytes, { stream: true }) + decoder.decode();
}

export function decodeText(bytes: Uint8Array): DecodedText {
  // TextDecoder removes a leading BOM of its own encoding (ignoreBOM defaults to false).
  if (startsWith(bytes, UTF8_BOM)) return { text: new TextDecoder("utf-8").decode(bytes), encoding: "utf-8" };
  if (startsWith(bytes, UTF16LE_BOM)) {
    return { text: new TextDecoder("utf-16le").decode(bytes), encoding: "utf-16le" };
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: "windows-1252" };
  }
}
