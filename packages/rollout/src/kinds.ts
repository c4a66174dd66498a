/**
 * The four kinds of Kommune tenants in Sachsen-Anhalt and the two administrative levels their tasks belong to.
 *
 * - Kreis level (Landkreise and kreisfreie Städte): Bauaufsicht, Kfz-Zulassung, Führerschein, Ausländerbehörde,
 *   Jugendamt, Sozialamt, Gesundheitsamt, Veterinäramt, untere Umwelt-/Naturschutzbehörde, Wohngeld …
 * - Gemeinde level (Einheitsgemeinden, Verbandsgemeinden for their member Gemeinden, kreisfreie Städte):
 *   Meldewesen, Pass/Personalausweis, Gewerbeanzeige, Standesamt, Hundesteuer, Friedhof, Kita-Platz …
 *
 * Kreisfreie Städte do both. Member Gemeinden of a Verbandsgemeinde are not tenants: their Verbandsgemeinde
 * performs the administrative tasks for them.
 */

export const kommuneKinds = [
  "kreisfreie_stadt",
  "landkreis",
  "einheitsgemeinde",
  "verbandsgemeinde",
] as const;
export type KommuneKind = (typeof kommuneKinds)[number];

export const kommuneKindLabels: Readonly<Record<KommuneKind, string>> = {
  kreisfreie_stadt: "Kreisfreie Stadt",
  landkreis: "Landkreis",
  einheitsgemeinde: "Einheitsgemeinde",
  verbandsgemeinde: "Verbandsgemeinde",
};

export function isKommuneKind(value: unknown): value is KommuneKind {
  return typeof value === "string" && (kommuneKinds as readonly string[]).includes(value);
}

/** Administrative level of a task. */
export type TaskLevel = "kreis" | "gemeinde" | "beide";

export const taskLevelLabels: Readonly<Record<TaskLevel, string>> = {
  kreis: "Kreisebene (Landkreise und kreisfreie Städte)",
  gemeinde: "Gemeindeebene (Einheits-, Verbandsgemeinden und kreisfreie Städte)",
  beide: "Kreis- und Gemeindeebene (alle vier Arten)",
};

/** Kinds that carry the tasks of a level, in the fixed order of `kommuneKinds`. */
export const kindsByLevel: Readonly<Record<TaskLevel, readonly KommuneKind[]>> = {
  kreis: ["kreisfreie_stadt", "landkreis"],
  gemeinde: ["kreisfreie_stadt", "einheitsgemeinde", "verbandsgemeinde"],
  beide: kommuneKinds,
};

/** Sorts and deduplicates kinds into the order of `kommuneKinds`. */
export function normalizeKinds(kinds: Iterable<KommuneKind>): KommuneKind[] {
  const set = new Set(kinds);
  return kommuneKinds.filter((k) => set.has(k));
}
