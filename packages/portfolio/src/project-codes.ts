/** Code lists for status, method and priority, with the German words accepted on import and written on export. */
// The code lists are the portfolio vocabulary of the whole platform: defined once in @spatz/domain (browser-safe),
// re-exported here so the import/export keeps one source of truth with the screens and the database.
export {
  type ProjectMethod,
  type ProjectPriority,
  type ProjectStatus,
  projectMethodLabels,
  projectMethods,
  projectPriorities,
  projectPriorityLabels,
  projectStatuses,
  projectStatusLabels,
} from "@spatz/domain";

function normalizeWord(text: string): string {
  return text.normalize("NFC").trim().replace(/\s+/gu, " ").toLocaleLowerCase("de-DE");
}

/**
 * Finds the code for a German word (case- and whitespace-insensitive, e.g. "In  Umsetzung" → "in_progress").
 * The code itself is accepted too ("in_progress"). Returns undefined for unknown words.
 */
export function codeForWord<C extends string>(
  labels: Readonly<Record<C, string>>,
  text: string,
): C | undefined {
  const word = normalizeWord(text);
  for (const code of Object.keys(labels) as C[]) {
    if (normalizeWord(labels[code]) === word || code === word) return code;
  }
  return undefined;
}

/** "angemeldet, bewertet, …" – the allowed words for a message. */
export function allowedWords<C extends string>(labels: Readonly<Record<C, string>>): string {
  return Object.values<string>(labels).join(", ");
}
