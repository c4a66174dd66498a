/**
 * Limits of a project-list import, checked before and while a file is parsed, so that a small file that unpacks
 * into millions of rows (an "import bomb") is refused without being read into memory. Halle's Projektliste has 15
 * projects; a large Kommune's portfolio a few hundred. The upload itself is limited to 5 MB (IMPORT_TOO_LARGE).
 */
import { unzipSync } from "fflate";
import { ImportFileError } from "./import-file-error.ts";

export const IMPORT_LIMITS = {
  /** Data rows after the header. */
  maxRows: 10_000,
  /** Columns of the header row. */
  maxColumns: 200,
  /** All files of an XLSX package together, unpacked. */
  maxUnpackedBytes: 25 * 1024 * 1024,
  /** Files in an XLSX package (a real workbook has a few dozen). */
  maxZipEntries: 2_000,
} as const;

const MB = 1024 * 1024;

export function tooManyRows(fileName: string): ImportFileError {
  return new ImportFileError(
    "too_large",
    fileName,
    `Die Datei „${fileName}“ hat mehr als ${IMPORT_LIMITS.maxRows.toLocaleString("de-DE")} Zeilen. ` +
      "Bitte teilen Sie die Liste auf mehrere Dateien auf.",
  );
}

export function tooManyColumns(fileName: string): ImportFileError {
  return new ImportFileError(
    "too_large",
    fileName,
    `Die Datei „${fileName}“ hat mehr als ${IMPORT_LIMITS.maxColumns} Spalten. Bitte entfernen Sie leere oder nicht ` +
      "benötigte Spalten.",
  );
}

/**
 * Reads the sizes an XLSX (ZIP) package declares in its central directory, without unpacking anything, and refuses
 * one that would unpack beyond the limit. A damaged package is left to the XLSX reader, which reports it.
 */
export function assertXlsxPackageSize(bytes: Uint8Array, fileName: string): void {
  let unpacked = 0;
  let entries = 0;
  let refused = false;
  try {
    unzipSync(bytes, {
      filter: (file) => {
        entries++;
        unpacked += file.originalSize;
        if (entries > IMPORT_LIMITS.maxZipEntries || unpacked > IMPORT_LIMITS.maxUnpackedBytes)
          refused = true;
        return false; // never inflate here
      },
    });
  } catch {
    return;
  }
  if (refused) {
    throw new ImportFileError(
      "too_large",
      fileName,
      `Die Excel-Arbeitsmappe „${fileName}“ ist entpackt größer als ${IMPORT_LIMITS.maxUnpackedBytes / MB} MB ` +
        `oder hat mehr als ${IMPORT_LIMITS.maxRows.toLocaleString("de-DE")} Zeilen. Bitte teilen Sie die Liste auf ` +
        "oder speichern Sie nur das Tabellenblatt mit den Projekten.",
    );
  }
}

/** The size a file has once read: a workbook's declared unpacked size, a text file's own size. */
export function unpackedSize(bytes: Uint8Array): number {
  const zip =
    bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (!zip) return bytes.length;
  let total = 0;
  try {
    unzipSync(bytes, {
      filter: (file) => {
        total += file.originalSize;
        return false;
      },
    });
  } catch {
    return Number.POSITIVE_INFINITY; // damaged: let the worker's reader report it
  }
  return total;
}
