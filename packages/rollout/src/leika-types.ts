/**
 * LeiKa-Typ (Leistungstyp of the Leistungskatalog): which level regulates a service and which executes it.
 *
 * | Typ | Regelung | Vollzug | kommunaler Vollzug? |
 * | --- | --- | --- | --- |
 * | 1 | Bund | Bund | nein |
 * | 2 | Bund | Land | nein |
 * | 2a | Bund | Land | nein |
 * | 2b | Bund (Ausführungsvorschriften Land) | Kommune | ja |
 * | 3 | Bund | Kommune | ja |
 * | 3a | Bund (Abweichungsrecht) | Land | nein |
 * | 3b | Bund (Abweichungsrecht, Ausführung Land) | Kommune | ja |
 * | 2/3 | Bund | Land oder Kommune | ja (möglich) |
 * | 4 | Land | Land | nur mit kommunalem Stichwort (siehe unten) |
 * | 4a | Land | Land | nein |
 * | 4b | Land | Kommune | ja |
 * | 5 | Land | Kommune | ja |
 * | 6 | Kommune | Kommune | ja |
 * | 7 | Service- und Sonderrufnummern (Information) | – | nein |
 * | 8, 9 | nicht sicher bekannt | – | nein (unsicher) |
 * | 10 | verwaltungsinterne Leistung | – | nein |
 * | 11 | Information zum Single Digital Gateway: allgemeine Rechte und Pflichten | – | nein |
 * | 12 | Information zum Single Digital Gateway: Hilfs- und Problemlösungsdienste | – | nein |
 *
 * Types 1–6 and 2/3 follow the classic LeiKa typisation given for this project. The letter sub-types and 7, 10,
 * 11, 12 come from the later FIM/LeiKa typisation. Caution: that later typisation renumbers some types (there
 * "5" means "Kommune regelt" and "6" "allgemeine Hinweise"); the KDN extract in db/seed-data/ozg still uses the
 * classic numbers, so the classic meaning wins here. Types 8 and 9 are not reliably documented: they, and any
 * other code, count as not municipal and the reason says so.
 *
 * Type 4 ("Land regelt und vollzieht") is in practice often delegated to Kommunen (Bauordnung, Kita-Gesetz,
 * Bestattungsgesetz, Straßengesetz …). Choice: a type-4 row counts as municipal only when the OZG-Leistung's name
 * matches a keyword rule of the responsibility table (`responsibilityRules`), i.e. a known municipal task.
 */

export type LeikaTypMunicipality = "kommunal" | "nicht_kommunal" | "land_stichwort";

export interface LeikaTypInfo {
  code: string;
  regelung: string;
  vollzug: string;
  municipality: LeikaTypMunicipality;
}

function info(code: string, regelung: string, vollzug: string, municipality: LeikaTypMunicipality) {
  return { code, regelung, vollzug, municipality } satisfies LeikaTypInfo;
}

export const leikaTypes: readonly LeikaTypInfo[] = [
  info("1", "Bund", "Bund", "nicht_kommunal"),
  info("2", "Bund", "Land", "nicht_kommunal"),
  info("2a", "Bund", "Land", "nicht_kommunal"),
  info("2b", "Bund (Ausführungsvorschriften Land)", "Kommune", "kommunal"),
  info("3", "Bund", "Kommune", "kommunal"),
  info("3a", "Bund (Abweichungsrecht)", "Land", "nicht_kommunal"),
  info("3b", "Bund (Abweichungsrecht, Ausführungsvorschriften Land)", "Kommune", "kommunal"),
  info("2/3", "Bund", "Land oder Kommune", "kommunal"),
  info("4", "Land", "Land", "land_stichwort"),
  info("4a", "Land", "Land", "nicht_kommunal"),
  info("4b", "Land", "Kommune", "kommunal"),
  info("5", "Land", "Kommune", "kommunal"),
  info("6", "Kommune", "Kommune", "kommunal"),
  info("7", "Service- und Sonderrufnummern (Information)", "–", "nicht_kommunal"),
  info("10", "verwaltungsinterne Leistung", "–", "nicht_kommunal"),
  info("11", "Information (Single Digital Gateway): allgemeine Rechte und Pflichten", "–", "nicht_kommunal"),
  info("12", "Information (Single Digital Gateway): Hilfs- und Problemlösungsdienste", "–", "nicht_kommunal"),
];

const byCode = new Map(leikaTypes.map((t) => [t.code, t]));

export function leikaTypInfo(code: string): LeikaTypInfo | undefined {
  return byCode.get(code);
}

/** A syntactically plausible type code: "1", "2/3", "4b", "10". */
export const LEIKA_TYP_PATTERN = /^\d{1,2}[a-z]?(\/\d{1,2}[a-z]?)?$/;

/**
 * Splits a raw LeiKa-Typ field into its codes: "1, 2/3" → ["1", "2/3"]; "" → []. Codes keep their order, duplicates
 * are dropped; "2 / 3" is normalized to "2/3".
 */
export function parseLeikaTypes(raw: string | null | undefined): string[] {
  if (!raw) return [];
  const codes = raw
    .split(/[,;|]/)
    .map((c) => c.replace(/\s+/g, "").toLowerCase())
    .filter((c) => c !== "");
  return [...new Set(codes)];
}
