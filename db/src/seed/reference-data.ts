// Reads the bundled Destatis extract (db/seed-data/sachsen-anhalt) into the Land's 133 Kommune tenants and 218 Gemeinden.
import { readFileSync } from "node:fs";
import path from "node:path";
import Papa from "papaparse";
import { seedDataDir } from "../files.ts";
import type { TenantKind } from "../schema/tenants.ts";

export type KommuneSeed = {
  slug: string;
  name: string;
  kind: Exclude<TenantKind, "state">;
  ags: string;
  ars: string;
  kreisAgs: string;
  kreisName: string;
  population: number;
  latitude: number;
  longitude: number;
};

export type MunicipalitySeed = {
  ags: string;
  ars: string;
  name: string;
  municipalityType: string;
  kreisAgs: string;
  kreisName: string;
  verbandKey: string;
  verbandName: string;
  /** AGS/key of the Kommune tenant that administers it. */
  tenantAgs: string;
  population: number;
  areaKm2: number;
  postcode: string;
  latitude: number;
  longitude: number;
};

function readCsv(file: string): Record<string, string>[] {
  const text = readFileSync(path.join(seedDataDir, "sachsen-anhalt", file), "utf8");
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0)
    throw new Error(`${file}: ${parsed.errors.map((e) => `row ${e.row}: ${e.message}`).join("; ")}`);
  return parsed.data;
}

const TRANSLIT: Record<string, string> = { ä: "ae", ö: "oe", ü: "ue", ß: "ss" };

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[äöüß]/g, (c) => TRANSLIT[c] ?? c)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** "Halle (Saale), Stadt" → "Stadt Halle (Saale)"; "Barleben" → "Gemeinde Barleben". */
export function displayName(destatisName: string): string {
  const [base, title] = destatisName.split(/,\s*/, 2);
  return title ? `${title} ${base}` : `Gemeinde ${base}`;
}

function baseName(destatisName: string): string {
  return destatisName.split(",")[0]!.trim();
}

function landkreisName(name: string): string {
  return /kreis/i.test(name) ? name : `Landkreis ${name}`;
}

function centroid(points: { latitude: number; longitude: number; population: number }[]) {
  const total = points.reduce((s, p) => s + p.population, 0) || 1;
  return {
    latitude: points.reduce((s, p) => s + p.latitude * p.population, 0) / total,
    longitude: points.reduce((s, p) => s + p.longitude * p.population, 0) / total,
  };
}

export function loadReferenceData(): { kommunen: KommuneSeed[]; municipalities: MunicipalitySeed[] } {
  const gemeinden = readCsv("gemeinden.csv");
  const kreise = readCsv("kreise.csv");
  const verbaende = readCsv("verbandsgemeinden.csv");

  const municipalities: MunicipalitySeed[] = gemeinden.map((g) => ({
    ags: g.ags!,
    ars: g.ars!,
    name: g.name!,
    municipalityType: g.gemeindetyp!,
    kreisAgs: g.kreis_ags!,
    kreisName: g.kreis_name!,
    verbandKey: g.verband_schluessel!,
    verbandName: g.verband_name!,
    tenantAgs: g.verband_typ === "Verbandsgemeinde" ? g.verband_schluessel! : g.ags!,
    population: Number(g.bevoelkerung),
    areaKm2: Number(g.flaeche_km2),
    postcode: g.plz!,
    latitude: Number(g.breitengrad),
    longitude: Number(g.laengengrad),
  }));

  const kommunen: KommuneSeed[] = [];
  for (const g of municipalities) {
    if (g.tenantAgs !== g.ags) continue;
    const kreisfrei = g.municipalityType === "Kreisfreie Stadt";
    kommunen.push({
      slug: slugify(baseName(g.name)),
      name: displayName(g.name),
      kind: kreisfrei ? "kreisfreie_stadt" : "einheitsgemeinde",
      ags: g.ags,
      ars: g.ars,
      kreisAgs: g.kreisAgs,
      kreisName: g.kreisName,
      population: g.population,
      latitude: g.latitude,
      longitude: g.longitude,
    });
  }
  for (const k of kreise.filter((k) => k.typ === "Landkreis")) {
    const members = municipalities.filter((m) => m.kreisAgs === k.kreis_ags);
    const name = landkreisName(k.name!);
    kommunen.push({
      slug: slugify(name),
      name,
      kind: "landkreis",
      ags: k.kreis_ags!,
      ars: `${k.kreis_ags}0000000`,
      kreisAgs: k.kreis_ags!,
      kreisName: k.name!,
      population: Number(k.bevoelkerung),
      ...centroid(members),
    });
  }
  for (const v of verbaende) {
    const members = municipalities.filter((m) => m.verbandKey === v.verband_schluessel);
    kommunen.push({
      slug: slugify(`Verbandsgemeinde ${v.name}`),
      name: `Verbandsgemeinde ${v.name}`,
      kind: "verbandsgemeinde",
      ags: v.verband_schluessel!,
      ars: `${v.verband_schluessel}000`,
      kreisAgs: v.kreis_ags!,
      kreisName: v.kreis_name!,
      population: Number(v.bevoelkerung),
      ...centroid(members),
    });
  }
  const slugs = new Set(kommunen.map((k) => k.slug));
  if (slugs.size !== kommunen.length) throw new Error("reference data produced duplicate tenant slugs");
  return { kommunen, municipalities };
}
