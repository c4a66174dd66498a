// Evidence files (Nachweisdateien) of measures: what may be uploaded, decided from the bytes. The name's ending must
// match what the content really is (magic bytes, the parts inside an Office archive), so a renamed program, web page or
// SVG is refused: such files could run code or script in the browser of whoever opens them. Pure and browser-safe: the
// server decides, the upload form uses the same rules to answer at once.
import { z } from "zod";
import { formatFileSize } from "./format.ts";

/** Largest evidence file. */
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
/** Most files one measure can hold (a handful is the normal case; the list shows them all, without paging). */
export const EVIDENCE_MAX_FILES = 20;

export const EVIDENCE_TOO_LARGE_MESSAGE =
  "Die Datei ist größer als 10 MB. Bitte verkleinern oder als PDF speichern.";
export const EVIDENCE_TOO_MANY_MESSAGE = `Eine Maßnahme kann höchstens ${EVIDENCE_MAX_FILES} Nachweisdateien haben. Bitte zuerst eine entfernen.`;
/** The Kommune's storage for evidence files is full (EVIDENCE_QUOTA_MB on the server). */
export function evidenceQuotaMessage(usedBytes: number, quotaBytes: number): string {
  return `Der Speicher für Nachweisdateien Ihrer Verwaltung reicht dafür nicht: ${formatFileSize(usedBytes)} von ${formatFileSize(quotaBytes)} sind belegt. Bitte nicht mehr benötigte Dateien entfernen oder die Landesadministration um mehr Speicher bitten.`;
}
export const EVIDENCE_ALLOWED_TEXT =
  "PDF, Bilder (PNG, JPEG, GIF, WebP, TIFF), Office-Dokumente (Word, Excel, PowerPoint als .docx, .xlsx, .pptx; OpenDocument als .odt, .ods, .odp) und Text (.txt, .csv)";

type Check = (bytes: Uint8Array) => string | null;

type EvidenceKind = {
  extensions: readonly string[];
  mediaType: string;
  label: string;
  /** null when the content is this kind, otherwise why not (German). */
  check: Check;
};

const ascii = (bytes: Uint8Array, from: number, length: number) =>
  String.fromCharCode(...bytes.subarray(from, from + length));
const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);

const magic =
  (what: string, ...prefixes: (readonly number[])[]): Check =>
  (bytes) =>
    prefixes.some((p) => startsWith(bytes, p)) ? null : `Der Inhalt ist kein ${what}.`;

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const GIF87 = [0x47, 0x49, 0x46, 0x38, 0x37, 0x61];
const GIF89 = [0x47, 0x49, 0x46, 0x38, 0x39, 0x61];
const TIFF_LE = [0x49, 0x49, 0x2a, 0x00];
const TIFF_BE = [0x4d, 0x4d, 0x00, 0x2a];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const webp: Check = (bytes) =>
  ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 4) === "WEBP" ? null : "Der Inhalt ist kein WebP-Bild.";

/**
 * The entry names of a ZIP archive, read from its central directory (no decompression). null when the bytes are no
 * complete ZIP archive.
 */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  if (bytes.length < 22 || !startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record sits in the last 22 bytes plus an archive comment of up to 65,535 bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const names: string[] = [];
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return null;
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (at + 46 + nameLength > bytes.length) return null;
    names.push(decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

const MACRO_MESSAGE =
  "Dokumente mit Makros werden nicht angenommen. Bitte ohne Makros speichern (z. B. als .docx oder PDF).";

/** Office Open XML (Word, Excel, PowerPoint 2007+): a ZIP with the content types and the part of its application. */
const ooxml =
  (what: string, mainPart: string): Check =>
  (bytes) => {
    const names = zipEntryNames(bytes);
    if (!names?.includes("[Content_Types].xml") || !names.includes(mainPart))
      return `Der Inhalt ist kein ${what}.`;
    if (names.some((n) => /vbaproject\.bin$/i.test(n))) return MACRO_MESSAGE;
    return null;
  };

/** OpenDocument: a ZIP whose first entry "mimetype" holds the document type, stored uncompressed. */
const odf =
  (what: string, mimetype: string): Check =>
  (bytes) => {
    const names = zipEntryNames(bytes);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (!names || bytes.length < 30) return `Der Inhalt ist kein ${what}.`;
    const nameLength = view.getUint16(26, true);
    const extraLength = view.getUint16(28, true);
    const first = ascii(bytes, 30, nameLength);
    const type = ascii(bytes, 30 + nameLength + extraLength, mimetype.length);
    if (first !== "mimetype" || type !== mimetype || !names.includes("content.xml"))
      return `Der Inhalt ist kein ${what}.`;
    if (names.some((n) => n.startsWith("Basic/") || n.startsWith("Scripts/"))) return MACRO_MESSAGE;
    return null;
  };

/** Text: no NUL or other control characters, and no markup (HTML, SVG, XML) that a browser might render. */
const plainText =
  (what: string): Check =>
  (bytes) => {
    for (const b of bytes) {
      if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c)
        return `Der Inhalt ist kein ${what}.`;
      if (b === 0x7f) return `Der Inhalt ist kein ${what}.`;
    }
    const head = textOf(bytes.subarray(0, 512))
      .replace(/^\uFEFF/, "")
      .trimStart();
    if (head.startsWith("<"))
      return "Dateien mit HTML-, SVG- oder XML-Inhalt werden nicht angenommen. Bitte als PDF speichern.";
    return null;
  };

const isUtf8 = (bytes: Uint8Array) => {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
};
const textOf = (bytes: Uint8Array) => new TextDecoder(isUtf8(bytes) ? "utf-8" : "windows-1252").decode(bytes);

const OOXML = "application/vnd.openxmlformats-officedocument";
const ODF = "application/vnd.oasis.opendocument";

const KINDS: readonly EvidenceKind[] = [
  { extensions: ["pdf"], mediaType: "application/pdf", label: "PDF", check: magic("PDF-Dokument", PDF) },
  { extensions: ["png"], mediaType: "image/png", label: "Bild (PNG)", check: magic("PNG-Bild", PNG) },
  {
    extensions: ["jpg", "jpeg"],
    mediaType: "image/jpeg",
    label: "Bild (JPEG)",
    check: magic("JPEG-Bild", JPEG),
  },
  {
    extensions: ["gif"],
    mediaType: "image/gif",
    label: "Bild (GIF)",
    check: magic("GIF-Bild", GIF87, GIF89),
  },
  { extensions: ["webp"], mediaType: "image/webp", label: "Bild (WebP)", check: webp },
  {
    extensions: ["tif", "tiff"],
    mediaType: "image/tiff",
    label: "Bild (TIFF)",
    check: magic("TIFF-Bild", TIFF_LE, TIFF_BE),
  },
  {
    extensions: ["docx"],
    mediaType: `${OOXML}.wordprocessingml.document`,
    label: "Word-Dokument",
    check: ooxml("Word-Dokument", "word/document.xml"),
  },
  {
    extensions: ["xlsx"],
    mediaType: `${OOXML}.spreadsheetml.sheet`,
    label: "Excel-Arbeitsmappe",
    check: ooxml("Excel-Arbeitsmappe", "xl/workbook.xml"),
  },
  {
    extensions: ["pptx"],
    mediaType: `${OOXML}.presentationml.presentation`,
    label: "PowerPoint-Präsentation",
    check: ooxml("PowerPoint-Präsentation", "ppt/presentation.xml"),
  },
  {
    extensions: ["odt"],
    mediaType: `${ODF}.text`,
    label: "Textdokument (OpenDocument)",
    check: odf("OpenDocument-Text", `${ODF}.text`),
  },
  {
    extensions: ["ods"],
    mediaType: `${ODF}.spreadsheet`,
    label: "Tabelle (OpenDocument)",
    check: odf("OpenDocument-Tabelle", `${ODF}.spreadsheet`),
  },
  {
    extensions: ["odp"],
    mediaType: `${ODF}.presentation`,
    label: "Präsentation (OpenDocument)",
    check: odf("OpenDocument-Präsentation", `${ODF}.presentation`),
  },
  { extensions: ["txt"], mediaType: "text/plain", label: "Text", check: plainText("Text") },
  { extensions: ["csv"], mediaType: "text/csv", label: "Tabelle (CSV)", check: plainText("Text (CSV)") },
];

/** For the file picker's `accept` attribute. */
export const EVIDENCE_ACCEPT = KINDS.flatMap((k) => k.extensions.map((e) => `.${e}`)).join(",");

/** A readable type for a stored media type, e.g. "PDF" or "Word-Dokument". */
export function evidenceTypeLabel(mediaType: string): string {
  const base = mediaType.split(";")[0]!.trim();
  return KINDS.find((k) => k.mediaType === base)?.label ?? "Datei";
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const INVISIBLE = /[\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * The name as it is stored and offered for download: without a path, without control and direction-override
 * characters (which can disguise "rechnung<U+202E>fdp.exe", shown as "rechnungexe.pdf"), NFC, at most 255 characters with the ending kept.
 */
export function cleanEvidenceFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? "";
  const cleaned = base.normalize("NFC").replace(INVISIBLE, "");
  const name = cleaned.replace(/\s+/g, " ").trim();
  if (name.length <= 255) return name;
  const dot = name.lastIndexOf(".");
  const ending = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : "";
  return name.slice(0, 255 - ending.length) + ending;
}

export type DetectedEvidenceFile = { fileName: string; mediaType: string; label: string };

/** Decides whether `bytes` may be stored as evidence under `fileName`; the media type comes from the content. */
export function detectEvidenceFile(
  fileName: string,
  bytes: Uint8Array,
): { ok: true; file: DetectedEvidenceFile } | { ok: false; message: string } {
  const name = cleanEvidenceFileName(fileName);
  if (name === "" || /^\.+$/.test(name))
    return { ok: false, message: "Bitte eine Datei mit Namen auswählen." };
  if (bytes.length === 0) return { ok: false, message: "Die Datei ist leer." };
  if (bytes.length > EVIDENCE_MAX_BYTES) return { ok: false, message: EVIDENCE_TOO_LARGE_MESSAGE };
  const dot = name.lastIndexOf(".");
  const ending = dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
  const kind = KINDS.find((k) => k.extensions.includes(ending));
  if (!kind) {
    const old = ["doc", "xls", "ppt"].includes(ending)
      ? ` Ältere Office-Dateien (.${ending}) bitte als .${ending}x oder PDF speichern.`
      : "";
    return {
      ok: false,
      message: `${ending ? `Dateien vom Typ .${ending}` : "Dateien ohne Endung"} werden als Nachweis nicht angenommen.${old} Erlaubt sind ${EVIDENCE_ALLOWED_TEXT}.`,
    };
  }
  const problem = kind.check(bytes);
  if (problem) {
    // "Not this kind": say what it seems to be instead (an old Office file) or that name and content disagree.
    const hint = !problem.startsWith("Der Inhalt ist kein")
      ? ""
      : startsWith(bytes, OLE2)
        ? " Es scheint eine ältere Office-Datei (.doc, .xls, .ppt) zu sein: bitte im neuen Format oder als PDF speichern."
        : " Bitte prüfen Sie, ob die Endung zum Inhalt passt.";
    return { ok: false, message: problem + hint };
  }
  const mediaType = kind.mediaType.startsWith("text/")
    ? `${kind.mediaType}; charset=${isUtf8(bytes) ? "utf-8" : "windows-1252"}`
    : kind.mediaType;
  return { ok: true, file: { fileName: name, mediaType, label: kind.label } };
}

const BASE64_MAX = Math.ceil(EVIDENCE_MAX_BYTES / 3) * 4;

/** A file as the browser sends it: its name and its bytes as base64. */
export const evidenceFileInput = z.object({
  fileName: z.string().max(1000, "Der Dateiname ist zu lang."),
  contentBase64: z
    .string()
    .min(1, "Die Datei ist leer.")
    .max(BASE64_MAX, EVIDENCE_TOO_LARGE_MESSAGE)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, "Die Datei wurde nicht vollständig übertragen. Bitte erneut hochladen."),
});

export const uploadEvidenceInput = z.object({ measureId: z.uuid(), file: evidenceFileInput });
export const evidenceFileIdInput = z.object({ id: z.uuid() });
