// What the user sees when a page throws while rendering or its code cannot be loaded: a German message with a way
// forward instead of an empty page. Moving to another page tries again.
import { useLocation } from "@solidjs/router";
import { createEffect, on } from "solid-js";
import { PageHeader } from "./PageHeader.tsx";

/** A lazily loaded page whose file is gone: the browser still runs the previous version of the app. */
function isStaleBuild(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /dynamically imported module|module script|Importing a module|error loading dynamically/i.test(
    message,
  );
}

export function PageError(props: { error: unknown; reset: () => void }) {
  const location = useLocation();
  createEffect(
    on(
      () => location.pathname,
      () => props.reset(),
      { defer: true },
    ),
  );
  const stale = () => isStaleBuild(props.error);
  return (
    <>
      <PageHeader title={stale() ? "Neue Version verfügbar" : "Seite konnte nicht angezeigt werden"} />
      <div class="state state-error" role="alert">
        <p class="state-title">
          {stale()
            ? "SPATZ wurde inzwischen aktualisiert. Bitte laden Sie die Seite neu."
            : "Beim Anzeigen dieser Seite ist ein Fehler aufgetreten. Ihre Daten sind davon nicht betroffen."}
        </p>
        <p class="button-row">
          <button type="button" class="button button-primary" onClick={() => window.location.reload()}>
            Seite neu laden
          </button>
          <a href="/start">Zur Startseite</a>
        </p>
      </div>
    </>
  );
}
