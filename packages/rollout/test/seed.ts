/** Test helpers: read the repository's seed data (tests may read files; src never does). */
import { readFileSync } from "node:fs";
import Papa from "papaparse";
import type { CatalogueSources } from "../src/catalogue.ts";
import type { KommuneKind } from "../src/kinds.ts";

const ozgDir = new URL("../../../db/seed-data/ozg/", import.meta.url);
const lsaDir = new URL("../../../db/seed-data/sachsen-anhalt/", import.meta.url);

const read = (dir: URL, file: string) => readFileSync(new URL(file, dir), "utf8");

export function catalogueSources(): CatalogueSources {
  return {
    themenfelder: read(ozgDir, "themenfelder.csv"),
    lebenslagen: read(ozgDir, "lebenslagen.csv"),
    ozgLeistungen: read(ozgDir, "ozg_leistungen.csv"),
    leikaLeistungen: read(ozgDir, "leika_leistungen.csv"),
  };
}

function rows(dir: URL, file: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(read(dir, file), { header: true, skipEmptyLines: true }).data;
}

export interface SeedKommune {
  id: string;
  name: string;
  kind: KommuneKind;
  kreisAgs: string;
  population: number;
}

/** The 133 Kommune tenants of Sachsen-Anhalt: 3 kreisfreie Städte, 11 Landkreise, 101 EG, 18 VG. */
export function seedKommunen(): SeedKommune[] {
  const result: SeedKommune[] = [];
  for (const k of rows(lsaDir, "kreise.csv"))
    result.push({
      id: k.kreis_ags!,
      name: k.name!,
      kind: k.typ === "Kreisfreie Stadt" ? "kreisfreie_stadt" : "landkreis",
      kreisAgs: k.kreis_ags!,
      population: Number(k.bevoelkerung),
    });
  for (const g of rows(lsaDir, "gemeinden.csv"))
    if (g.kreis_typ === "Landkreis" && g.verband_typ === "Verbandsfreie Gemeinde / Einheitsgemeinde")
      result.push({
        id: g.ags!,
        name: g.name!,
        kind: "einheitsgemeinde",
        kreisAgs: g.kreis_ags!,
        population: Number(g.bevoelkerung),
      });
  for (const v of rows(lsaDir, "verbandsgemeinden.csv"))
    result.push({
      id: v.verband_schluessel!,
      name: v.name!,
      kind: "verbandsgemeinde",
      kreisAgs: v.kreis_ags!,
      population: Number(v.bevoelkerung),
    });
  return result;
}
