/**
 * The natural key of a project: GB + R + Projektname. Used to match a re-import to existing projects when the
 * file has no Projekt-ID, and to find duplicates within one file.
 */
function normalizeKeyPart(text: string): string {
  return text.normalize("NFKC").replace(/\s+/gu, " ").trim().toLocaleLowerCase("de-DE").replace(/ß/g, "ss");
}

/**
 * Key insensitive to case (incl. ß/SS), runs of whitespace and Unicode normalization (composed "ä" = "a" +
 * combining diaeresis; NFKC also folds compatibility characters such as non-breaking spaces and full-width
 * letters). Returns a JSON array string, so the parts can never run into each other.
 */
export function projectNaturalKey(project: { gb: string; r: string; name: string }): string {
  return JSON.stringify([
    normalizeKeyPart(project.gb),
    normalizeKeyPart(project.r),
    normalizeKeyPart(project.name),
  ]);
}
