// Portfolio helpers shared by the isolation, authorization, integration, browser and benchmark code.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ApiSession } from "./api-client.ts";

export const HALLE_TSV_PATH = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../db/seed-data/halle/projektliste-2023.tsv",
);

export function halleTsv(): string {
  return readFileSync(HALLE_TSV_PATH, "utf8");
}

export function base64(bytes: Uint8Array | string): string {
  return Buffer.from(typeof bytes === "string" ? new TextEncoder().encode(bytes) : bytes).toString("base64");
}

/** The TSV as German Excel saves "CSV (Trennzeichen-getrennt)": semicolons, CRLF, Windows-1252. */
export function halleAsWindows1252Csv(): Uint8Array {
  const lines = halleTsv().trimEnd().split("\n");
  const csv = lines
    .map((line) =>
      line
        .split("\t")
        .map((cell) => (/[;"\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell))
        .join(";"),
    )
    .join("\r\n");
  // Every character of the list (ä, ö, ü, ß) is in Latin-1, where Windows-1252 and Latin-1 agree.
  if (/[^\u0000-\u00ff]/.test(csv)) throw new Error("fixture has characters outside Windows-1252");
  return new Uint8Array(Buffer.from(`${csv}\r\n`, "latin1"));
}

export type ImportAnswer = {
  ok: boolean;
  committed?: boolean;
  rowCount: number;
  headers: string[];
  mapping: Record<string, number | null>;
  errors: { line: number; column: string; message: string }[];
  warnings: { line: number; column: string; field: string; message: string }[];
  counts: { create: number; update: number };
  rows: { line: number; action: string; name: string }[];
  newOrgUnits: string[];
};

export async function importFile(
  session: ApiSession,
  bytes: Uint8Array | string,
  fileName: string,
  mapping?: Record<string, number | null>,
): Promise<{ preview: ImportAnswer; commit: ImportAnswer }> {
  const contentBase64 = base64(bytes);
  const preview = await session.must<ImportAnswer>("portfolio.importPreview", {
    fileName,
    contentBase64,
    mapping,
  });
  const commit = await session.must<ImportAnswer>("portfolio.importCommit", {
    fileName,
    contentBase64,
    mapping: mapping ?? preview.mapping,
  });
  return { preview, commit };
}

export type ListedProject = {
  id: string;
  name: string;
  gbCode: string;
  rCode: string;
  startDate: string;
  endDate: string;
  status: string;
  duration: string;
  leadName: string | null;
  budgetCents: number | null;
};

export async function allProjects(session: ApiSession, filter: Record<string, unknown> = {}) {
  return session.must<{ items: ListedProject[]; total: number }>("portfolio.list", {
    filter,
    sort: "name",
    dir: "asc",
    page: 1,
    pageSize: 200,
  });
}
