/** The importable project fields: German column header, explanation, whether required, header synonyms. */
export const projectFieldKeys = [
  "externalId",
  "gb",
  "r",
  "name",
  "description",
  "start",
  "end",
  "declaredDuration",
  "status",
  "priority",
  "method",
  "lead",
  "budgetEur",
  "effortDays",
  "notes",
] as const;
export type ProjectField = (typeof projectFieldKeys)[number];

export interface ProjectFieldDefinition {
  field: ProjectField;
  /** German column header, as written on export and shown in the mapping dialog. */
  label: string;
  /** Longer German explanation for the mapping dialog. */
  description: string;
  required: boolean;
  /** Header texts recognised for this field (compared with `normalizeHeader`). */
  synonyms: readonly string[];
}

/** In export column order. */
export const projectFields: readonly ProjectFieldDefinition[] = [
  {
    field: "externalId",
    label: "Projekt-ID",
    description:
      "Kennung des Projekts in SPATZ (aus einem früheren Export); ordnet Zeilen bestehenden Projekten zu",
    required: false,
    synonyms: ["Projekt-ID", "ID", "Projektnummer", "Projekt-Nr.", "Projektkennung", "Projektkennzeichen"],
  },
  {
    field: "gb",
    label: "GB",
    description: "Geschäftsbereich, z. B. OB oder ALL",
    required: true,
    synonyms: ["GB", "Geschäftsbereich", "Geschäftsbereich (GB)", "Dezernat"],
  },
  {
    field: "r",
    label: "R",
    description: "Ressort / Fachbereich, z. B. 37 oder Quer",
    required: true,
    synonyms: [
      "R",
      "Ressort",
      "Fachbereich",
      "FB",
      "Ressort/Fachbereich",
      "Ressort (R)",
      "Amt",
      "Organisationseinheit",
    ],
  },
  {
    field: "name",
    label: "Projektname",
    description: "Name des Projekts",
    required: true,
    synonyms: [
      "Projektname",
      "Projekt",
      "Name",
      "Projekttitel",
      "Titel",
      "Projektbezeichnung",
      "Bezeichnung",
      "Vorhaben",
    ],
  },
  {
    field: "description",
    label: "Projektbeschreibung",
    description: "Beschreibung, Ziel oder Stand des Projekts",
    required: false,
    synonyms: ["Projektbeschreibung", "Beschreibung", "Kurzbeschreibung", "Inhalt", "Erläuterung"],
  },
  {
    field: "start",
    label: "Start",
    description: "Projektbeginn im Format TT.MM.JJJJ",
    required: true,
    synonyms: [
      "Start",
      "Beginn",
      "Startdatum",
      "Projektstart",
      "Projektbeginn",
      "Beginndatum",
      "Starttermin",
      "Anfang",
      "Von",
    ],
  },
  {
    field: "end",
    label: "Ende",
    description: "Projektende einschließlich dieses Tages, Format TT.MM.JJJJ",
    required: true,
    synonyms: ["Ende", "Enddatum", "Projektende", "Endtermin", "End", "Bis", "Fertigstellung"],
  },
  {
    field: "declaredDuration",
    label: "Dauer",
    description: "Angegebene Dauer; SPATZ berechnet die Dauer aus Start und Ende und meldet Abweichungen",
    required: false,
    synonyms: ["Dauer", "Laufzeit", "Projektdauer", "Projektlaufzeit"],
  },
  {
    field: "status",
    label: "Status",
    description: "angemeldet, bewertet, genehmigt, in Umsetzung, abgeschlossen, abgelehnt oder gestoppt",
    required: false,
    synonyms: ["Status", "Projektstatus", "Stand"],
  },
  {
    field: "priority",
    label: "Priorität",
    description: "hoch, mittel oder niedrig",
    required: false,
    synonyms: ["Priorität", "Prio", "Projektpriorität", "Dringlichkeit"],
  },
  {
    field: "method",
    label: "Methode",
    description: "klassisch, agil oder hybrid",
    required: false,
    synonyms: ["Methode", "Projektmethode", "Methodik", "Vorgehen", "Vorgehensmodell"],
  },
  {
    field: "lead",
    label: "Projektleitung",
    description: "Name der Projektleiterin / des Projektleiters",
    required: false,
    synonyms: [
      "Projektleitung",
      "Projektleiter",
      "Projektleiterin",
      "Projektleiter/in",
      "PL",
      "Leitung",
      "Verantwortlich",
    ],
  },
  {
    field: "budgetEur",
    label: "Budget (€)",
    description: "Budget in Euro, z. B. 12.500,00 €",
    required: false,
    synonyms: [
      "Budget (€)",
      "Budget",
      "Budget in €",
      "Budget (EUR)",
      "Budget in Euro",
      "Projektbudget",
      "Kosten",
      "Kosten (€)",
    ],
  },
  {
    field: "effortDays",
    label: "Aufwand (PT)",
    description: "Aufwand in Personentagen",
    required: false,
    synonyms: [
      "Aufwand (PT)",
      "Aufwand",
      "Aufwand in PT",
      "Personentage",
      "PT",
      "Aufwand (Personentage)",
      "Aufwand in Personentagen",
    ],
  },
  {
    field: "notes",
    label: "Bemerkungen",
    description: "Freitext",
    required: false,
    synonyms: ["Bemerkungen", "Bemerkung", "Anmerkungen", "Anmerkung", "Hinweise", "Kommentar", "Notizen"],
  },
];

const definitions = new Map(projectFields.map((definition) => [definition.field, definition]));

export function fieldDefinition(field: ProjectField): ProjectFieldDefinition {
  const definition = definitions.get(field);
  if (!definition) throw new Error(`Unknown project field ${field}`);
  return definition;
}

/**
 * Header text reduced for comparison: lower case, ä/ö/ü/ß spelled ae/oe/ue/ss (so "Geschaeftsbereich" matches),
 * other accents dropped, € read as "eur", everything but letters and digits removed
 * ("Projekt-Name" → "projektname", "Budget (€)" → "budgeteur").
 */
export function normalizeHeader(header: string): string {
  return header
    .normalize("NFC")
    .toLocaleLowerCase("de-DE")
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/ß/g, "ss")
    .replace(/€/g, "eur")
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[^a-z0-9]/g, "");
}
