// Import bombs: small files that unpack or split into huge tables are refused with a German message naming the
// limit, before they are read into memory; parsing runs in a worker thread.
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { ImportFileError } from "../src/import-file-error.ts";
import { IMPORT_LIMITS } from "../src/import-limits.ts";
import { assertStorableText } from "../src/read-table.ts";
import { readTableOffThread } from "../src/read-table-off-thread.ts";
import { bombXlsx, buildXlsx } from "./helpers.ts";

async function refusal(bytes: Uint8Array, fileName: string): Promise<ImportFileError> {
  const error = await readTableOffThread(bytes, fileName).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportFileError);
  return error as ImportFileError;
}

describe("import limits", { timeout: 60_000 }, () => {
  it("refuses a 3-million-row workbook of under 1 MB without unpacking it", async () => {
    const bytes = bombXlsx(3_000_000);
    expect(bytes.length).toBeLessThan(2 * 1024 * 1024);
    const error = await refusal(bytes, "bombe.xlsx");
    expect(error.code).toBe("too_large");
    expect(error.message).toContain("entpackt größer als 25 MB");
  });

  it("refuses a ZIP bomb disguised as a workbook", async () => {
    const bytes = zipSync({ "xl/worksheets/sheet1.xml": new Uint8Array(200 * 1024 * 1024) }, { level: 9 });
    expect((await refusal(bytes, "nullen.xlsx")).code).toBe("too_large");
  });

  it("refuses a workbook within the size limit but with more rows than allowed, naming the limit", async () => {
    const error = await refusal(bombXlsx(130_000, true), "lang.xlsx");
    expect(error.message).toContain("mehr als 10.000 Zeilen");
  });

  it("refuses a CSV with 130,000 rows and one with thousands of columns", async () => {
    const rows = `GB;R;Name\n${"OB;37;Projekt\n".repeat(130_000)}`;
    expect((await refusal(strToU8(rows), "lang.csv")).message).toContain("mehr als 10.000 Zeilen");
    const wide = `${"Spalte;".repeat(5_000)}\n${"x;".repeat(5_000)}\n`;
    expect((await refusal(strToU8(wide), "breit.csv")).message).toContain(
      `mehr als ${IMPORT_LIMITS.maxColumns} Spalten`,
    );
  });

  it("reads a large allowed file in a worker thread and returns the same table", async () => {
    const rows = Array.from({ length: 6_000 }, (_, i) => ["OB", "37", `Digitale Akte ${i + 1}`]);
    const bytes = await buildXlsx([["GB", "R", "Name"], ...rows]);
    const workers: unknown[] = [];
    const onWorker = (w: unknown) => workers.push(w);
    process.on("worker", onWorker);
    try {
      const table = await readTableOffThread(bytes, "liste.xlsx");
      expect(workers).toHaveLength(1);
      expect(table.headers).toEqual(["GB", "R", "Name"]);
      expect(table.rows).toHaveLength(6_000);
      expect(table.rows[5_999]!.cells).toEqual(["OB", "37", "Digitale Akte 6000"]);
    } finally {
      process.off("worker", onWorker);
    }
  });

  it("reads a small file right away, without a worker", async () => {
    const workers: unknown[] = [];
    const onWorker = (w: unknown) => workers.push(w);
    process.on("worker", onWorker);
    try {
      const table = await readTableOffThread(strToU8("GB;R;Name\nOB;37;Digitale Akte\n"), "liste.csv");
      expect(table.rows.map((r) => r.cells)).toEqual([["OB", "37", "Digitale Akte"]]);
      expect(workers).toEqual([]);
    } finally {
      process.off("worker", onWorker);
    }
  });

  it("refuses a text file with a NUL character (it is binary, not a list)", async () => {
    const error = await refusal(strToU8("GB;R;Name\nOB;37;Pro\u0000jekt\n"), "nul.csv");
    expect(error.message).toContain("keine Textdatei");
  });

  it("would refuse a cell PostgreSQL cannot store from any reader, naming row and column", () => {
    // The readers cannot produce such text today (decoders replace broken characters, XML refuses NUL); this guards
    // every future reader.
    const table = {
      format: "csv" as const,
      encoding: "utf-8" as const,
      delimiter: ";",
      headers: ["GB", "R", "Name"],
      headerLine: 1,
      rows: [{ line: 2, cells: ["OB", "37", "Pro\uD800jekt"] }],
    };
    expect(() => assertStorableText(table, "x.csv")).toThrow(/Zeile 2, Spalte 3.*unzulässiges Zeichen/);
  });
});
