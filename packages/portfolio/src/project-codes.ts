/** Code lists for status, method and priority, with the German words accepted on import and written on export. */
export const projectStatuses = [
  "registered",
  "assessed",
  "approved",
  "in_progress",
  "completed",
  "rejected",
  "stopped",
] as const;
export type ProjectStatus = (typeof projectStatuses)[number];
export const projectStatusLabels: Readonly<Record<ProjectStatus, string>> = {
  registered: "angemeldet",
  assessed: "bewertet",
  approved: "genehmigt",
  in_progress: "in Umsetzung",
  completed: "abgeschlossen",
  rejected: "abgelehnt",
  stopped: "gestoppt",
};

export const projectMethods = ["classic", "agile", "hybrid"] as const;
export type ProjectMethod = (typeof projectMethods)[number];
export const projectMethodLabels: Readonly<Record<ProjectMethod, string>> = {
  classic: "klassisch",
  agile: "agil",
  hybrid: "hybrid",
};

export const projectPriorities = ["high", "medium", "low"] as const;
export type ProjectPriority = (typeof projectPriorities)[number];
export const projectPriorityLabels: Readonly<Record<ProjectPriority, string>> = {
  high: "hoch",
  medium: "mittel",
  low: "niedrig",
};

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
