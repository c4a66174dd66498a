// The administration exports all of its tenant's data: one ZIP with every table as CSV and JSON and the evidence files.
// A plain form POST to /dateien/export, so the browser saves the (possibly large) archive itself while the server
// streams it; the export is recorded in the audit log.
import type { Me } from "../auth/session.ts";
import { PageHeader } from "../ui/PageHeader.tsx";

export function ExportPage(props: { me: Me }) {
  return (
    <>
      <PageHeader
        title="Daten exportieren"
        intro={`Alle Daten von ${props.me.tenant.name} in einer Datei, zum Beispiel für die Archivierung oder einen Wechsel.`}
      />
      <section class="card" aria-labelledby="export-title">
        <h2 id="export-title">Was der Export enthält</h2>
        <ul>
          <li>jede Tabelle Ihrer Verwaltung als CSV (für Tabellenkalkulationen) und als JSON,</li>
          <li>alle hochgeladenen Nachweisdateien unverändert,</li>
          <li>
            eine Übersicht mit Zeilenzahlen und Prüfsummen (manifest.json) und eine Beschreibung
            (LIESMICH.txt).
          </li>
        </ul>
        <p>
          Nicht enthalten sind Anmeldegeheimnisse (Passwort-Hashes, Sitzungs- und Einladungsschlüssel) und die
          landesweiten Kataloge. Der Export wird im Protokoll vermerkt. Bei vielen Nachweisdateien kann das
          Herunterladen einige Minuten dauern.
        </p>
        <form method="post" action="/dateien/export">
          <button type="submit" class="button button-primary">
            Alle Daten herunterladen (ZIP)
          </button>
        </form>
      </section>
    </>
  );
}
