/**
 * The OZG catalogue (Themenfelder, Lebens-/Unternehmenslagen, OZG-Leistungen, LeiKa-Leistungen) read from the
 * CSV extracts in db/seed-data/ozg (see SOURCE.md there). Rows with a missing id, a duplicate id or an unknown
 * reference are rejected and reported, never dropped silently.
 */
import { readCsv } from "./csv.ts";
import { LEIKA_TYP_PATTERN, parseLeikaTypes } from "./leika-types.ts";

export interface Themenfeld {
  id: string;
  name: string;
}

/** A Lebens- or Unternehmenslage (the file also holds three "Querschnitt/Weitere" groupings). */
export interface Lage {
  id: string;
  name: string;
  themenfeldId: string;
  themenfeld: string;
}

/** An OZG-Leistung ("OZG-ID" 10000…). */
export interface OzgService {
  id: string;
  name: string;
  lageId: string;
  lage: string;
  themenfeldId: string;
  themenfeld: string;
}

/** A LeiKa-Leistung linked to (at most) one OZG-Leistung. */
export interface LeikaRow {
  /** 14-digit LeiKa-Schlüssel, or null for rows marked "nicht im LeiKa". */
  id: string | null;
  name: string;
  /** The raw LeiKa-Typ as in the file ("2/3", "1, 2/3"), null when empty. */
  type: string | null;
  /** The type codes, parsed: "1, 2/3" → ["1", "2/3"]. */
  types: string[];
  /** The OZG-Leistung it belongs to; null when the extract assigns it to none. */
  ozgId: string | null;
}

export interface Catalogue {
  themenfelder: Themenfeld[];
  lagen: Lage[];
  services: OzgService[];
  leika: LeikaRow[];
}

export const catalogueFiles = {
  themenfelder: "themenfelder.csv",
  lebenslagen: "lebenslagen.csv",
  ozgLeistungen: "ozg_leistungen.csv",
  leikaLeistungen: "leika_leistungen.csv",
} as const;
export type CatalogueFileKey = keyof typeof catalogueFiles;
export type CatalogueFile = (typeof catalogueFiles)[CatalogueFileKey];

export interface CatalogueProblem {
  file: CatalogueFile;
  /** 1-based line where the row starts (header = 1); 0 when the whole file is concerned. */
  line: number;
  /** German. */
  message: string;
  /** true when the row was left out of the catalogue; false for a warning on a row that was kept. */
  rejected: boolean;
}

export interface CatalogueParseResult {
  catalogue: Catalogue;
  problems: CatalogueProblem[];
}

export type CatalogueSources = Partial<Record<CatalogueFileKey, string>> & Record<string, string | undefined>;

const NOT_IN_LEIKA = "nicht im leika";
const LEIKA_ID_PATTERN = /^\d{14}$/;

export function parseCatalogue(sources: CatalogueSources): CatalogueParseResult {
  const problems: CatalogueProblem[] = [];
  const reject = (file: CatalogueFile, line: number, message: string) =>
    problems.push({ file, line, message, rejected: true });
  const warn = (file: CatalogueFile, line: number, message: string) =>
    problems.push({ file, line, message, rejected: false });

  const read = (key: CatalogueFileKey, columns: readonly string[]) => {
    const file = catalogueFiles[key];
    const text = sources[key];
    if (text === undefined) {
      reject(file, 0, `Datei ${file} fehlt`);
      return [];
    }
    const result = readCsv(text, columns);
    for (const p of result.problems) reject(file, p.line, p.message);
    return result.records;
  };

  // Themenfelder
  const themenfelder: Themenfeld[] = [];
  const themenfeldById = new Map<string, Themenfeld>();
  {
    const file = catalogueFiles.themenfelder;
    for (const { line, values } of read("themenfelder", ["themenfeld_id", "themenfeld"])) {
      const id = values.themenfeld_id!;
      const name = values.themenfeld!;
      if (id === "") reject(file, line, "Themenfeld-ID fehlt");
      else if (name === "") reject(file, line, `Name des Themenfelds ${id} fehlt`);
      else if (themenfeldById.has(id)) reject(file, line, `Themenfeld-ID ${id} ist doppelt`);
      else {
        const t = { id, name };
        themenfeldById.set(id, t);
        themenfelder.push(t);
      }
    }
  }

  // Lebens-/Unternehmenslagen
  const lagen: Lage[] = [];
  const lageById = new Set<string>();
  const lagenByName = new Map<string, Lage[]>();
  {
    const file = catalogueFiles.lebenslagen;
    const columns = ["lebenslage_id", "lebenslage", "themenfeld_id"];
    for (const { line, values } of read("lebenslagen", columns)) {
      const id = values.lebenslage_id!;
      const name = values.lebenslage!;
      const themenfeldId = values.themenfeld_id!;
      const themenfeldName = values.themenfeld ?? "";
      const themenfeld = themenfeldById.get(themenfeldId);
      const sameName = lagenByName.get(name) ?? [];
      if (id === "") reject(file, line, "Lage-ID fehlt");
      else if (name === "") reject(file, line, `Name der Lage ${id} fehlt`);
      else if (lageById.has(id)) reject(file, line, `Lage-ID ${id} ist doppelt`);
      else if (themenfeldId === "") reject(file, line, `Themenfeld-ID der Lage »${name}« fehlt`);
      else if (!themenfeld) reject(file, line, `Unbekanntes Themenfeld ${themenfeldId} bei Lage »${name}«`);
      else if (themenfeldName !== "" && themenfeldName !== themenfeld.name)
        reject(
          file,
          line,
          `Themenfeld »${themenfeldName}« passt nicht zur Themenfeld-ID ${themenfeldId} (»${themenfeld.name}«)`,
        );
      else if (sameName.some((l) => l.themenfeldId === themenfeldId))
        reject(file, line, `Lage »${name}« ist im Themenfeld »${themenfeld.name}« doppelt`);
      else {
        const lage = { id, name, themenfeldId, themenfeld: themenfeld.name };
        lageById.add(id);
        lagenByName.set(name, [...sameName, lage]);
        lagen.push(lage);
      }
    }
  }

  // OZG-Leistungen (they name their Lage and Themenfeld, not the ids)
  const services: OzgService[] = [];
  const serviceIds = new Set<string>();
  {
    const file = catalogueFiles.ozgLeistungen;
    const columns = ["ozg_id", "ozg_leistung", "lebenslage", "themenfeld"];
    for (const { line, values } of read("ozgLeistungen", columns)) {
      const id = values.ozg_id!;
      const name = values.ozg_leistung!;
      const lageName = values.lebenslage!;
      const themenfeldName = values.themenfeld!;
      const candidates = lagenByName.get(lageName) ?? [];
      const lage =
        candidates.length === 1 && themenfeldName === ""
          ? candidates[0]
          : candidates.find((l) => l.themenfeld === themenfeldName);
      if (id === "") reject(file, line, "OZG-ID fehlt");
      else if (name === "") reject(file, line, `Name der OZG-Leistung ${id} fehlt`);
      else if (serviceIds.has(id)) reject(file, line, `OZG-ID ${id} ist doppelt`);
      else if (lageName === "") reject(file, line, `Lage der OZG-Leistung ${id} fehlt`);
      else if (candidates.length === 0)
        reject(file, line, `Unbekannte Lage »${lageName}« bei OZG-Leistung ${id}`);
      else if (!lage)
        reject(
          file,
          line,
          `Themenfeld »${themenfeldName}« passt nicht zur Lage »${lageName}« (dort »${candidates.map((c) => c.themenfeld).join("«, »")}«)`,
        );
      else {
        serviceIds.add(id);
        services.push({
          id,
          name,
          lageId: lage.id,
          lage: lage.name,
          themenfeldId: lage.themenfeldId,
          themenfeld: lage.themenfeld,
        });
      }
    }
  }

  // LeiKa-Leistungen
  const leika: LeikaRow[] = [];
  {
    const file = catalogueFiles.leikaLeistungen;
    const seen = new Set<string>();
    const columns = ["leika_id", "leika_leistung", "leika_typ", "ozg_id"];
    for (const { line, values } of read("leikaLeistungen", columns)) {
      const rawId = values.leika_id!;
      const name = values.leika_leistung!;
      const rawType = values.leika_typ!;
      const ozgId = values.ozg_id!;
      const id = rawId.toLowerCase() === NOT_IN_LEIKA ? null : rawId;
      const pairKey = `${id}|${ozgId}`;
      if (rawId === "")
        reject(file, line, "LeiKa-Schlüssel fehlt (für Leistungen ohne Schlüssel: »nicht im LeiKa«)");
      else if (id !== null && !LEIKA_ID_PATTERN.test(id))
        reject(file, line, `LeiKa-Schlüssel »${id}« hat nicht 14 Ziffern`);
      else if (name === "") reject(file, line, `Name der LeiKa-Leistung ${rawId} fehlt`);
      else if (ozgId !== "" && !serviceIds.has(ozgId))
        reject(file, line, `Unbekannte OZG-ID ${ozgId} bei LeiKa-Leistung ${rawId}`);
      else if (id !== null && seen.has(pairKey))
        reject(
          file,
          line,
          `LeiKa-Leistung ${id} ist der OZG-Leistung ${ozgId || "(keine)"} doppelt zugeordnet`,
        );
      else {
        if (id !== null) seen.add(pairKey);
        const codes = parseLeikaTypes(rawType);
        const invalid = codes.filter((c) => !LEIKA_TYP_PATTERN.test(c));
        if (invalid.length > 0)
          warn(file, line, `Unlesbarer LeiKa-Typ »${invalid.join(", ")}« bei ${rawId} – ignoriert`);
        leika.push({
          id,
          name,
          type: rawType === "" ? null : rawType,
          types: codes.filter((c) => LEIKA_TYP_PATTERN.test(c)),
          ozgId: ozgId === "" ? null : ozgId,
        });
      }
    }
  }

  return { catalogue: { themenfelder, lagen, services, leika }, problems };
}
