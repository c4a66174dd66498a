// German words for what the history of a measure shows.
export const MEASURE_ACTION_LABELS: Record<string, string> = {
  "measure.create": "angelegt",
  "measure.update": "geändert",
  "measure.complete": "abgeschlossen",
  "measure.completion_update": "Abschluss geändert",
  "measure.reopen": "wieder geöffnet",
  "measure.discard": "verworfen",
  "measure.status_change": "Status geändert",
  "measure.evidence_add": "Nachweisdatei hinzugefügt",
  "measure.evidence_remove": "Nachweisdatei entfernt",
};

export const MEASURE_FIELD_LABELS: Record<string, string> = {
  title: "Titel",
  description: "Beschreibung",
  orgUnitId: "Organisationseinheit",
  responsibleUserId: "Verantwortlich",
  plannedStart: "Geplanter Beginn",
  plannedEnd: "Geplantes Ende",
  criterionKeys: "Kriterien",
  projectId: "Projekt",
  evidenceText: "Nachweis",
  evidenceUrl: "Link zum Nachweis",
  evidenceFile: "Nachweisdatei",
  status: "Status",
  completedOn: "Abgeschlossen am",
};
