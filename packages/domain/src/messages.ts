// German texts for errors that the server sends and the screens show.
export const ERROR_MESSAGES = {
  UNAUTHORIZED: "Bitte melden Sie sich an. Ihre Sitzung ist abgelaufen oder ungültig.",
  FORBIDDEN: "Dafür fehlt Ihnen die Berechtigung.",
  NOT_FOUND: "Der Eintrag wurde nicht gefunden.",
  BAD_REQUEST: "Die Eingaben sind unvollständig oder ungültig.",
  CONFLICT: "Der Eintrag wurde zwischenzeitlich geändert oder existiert bereits.",
  TOO_MANY_REQUESTS: "Zu viele Versuche. Bitte warten Sie einen Moment.",
  INTERNAL_SERVER_ERROR: "Ein interner Fehler ist aufgetreten. Bitte versuchen Sie es später erneut.",
  LOGIN_FAILED: "E-Mail-Adresse oder Passwort ist falsch, oder das Konto ist nicht aktiv.",
  TENANT_UNAVAILABLE: "Diese Verwaltung ist nicht verfügbar oder gesperrt.",
  INVITATION_INVALID: "Die Einladung ist ungültig, abgelaufen oder wurde bereits verwendet.",
  PARSE_ERROR: "Die Anfrage konnte nicht gelesen werden: Sie enthält kein gültiges JSON.",
  METHOD_NOT_SUPPORTED: "Diese Anfrageart wird für diese Funktion nicht unterstützt.",
  NO_SUCH_PROCEDURE: "Diese Funktion gibt es nicht.",
  BATCH_TOO_LARGE: "Die Sammelanfrage enthält zu viele Aufrufe.",
  DATABASE_BUSY: "SPATZ ist gerade stark ausgelastet. Bitte versuchen Sie es in einigen Sekunden erneut.",
  DATABASE_UNAVAILABLE:
    "Die Datenbank ist gerade nicht erreichbar. Bitte versuchen Sie es in einer Minute erneut; Ihre gespeicherten " +
    "Daten sind sicher.",
  DATABASE_TIMEOUT:
    "Die Anfrage hat zu lange gedauert und wurde abgebrochen. Es wurde nichts gespeichert. Bitte versuchen Sie es erneut.",
} as const;

export function retryAfterMessage(seconds: number): string {
  const prefix = "Zu viele fehlgeschlagene Anmeldeversuche. Bitte versuchen Sie es in";
  if (seconds <= 1) return `${prefix} einer Sekunde erneut.`;
  if (seconds < 60) return `${prefix} ${Math.ceil(seconds)} Sekunden erneut.`;
  const minutes = Math.ceil(seconds / 60);
  return minutes > 1 ? `${prefix} ${minutes} Minuten erneut.` : `${prefix} einer Minute erneut.`;
}
