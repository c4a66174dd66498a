// "CSV" and "Excel" buttons for a table: the server builds the file from the same data, the browser saves it.
import { createSignal, Show } from "solid-js";
import { errorMessage } from "../lib/trpc.ts";
import { type ServerFile, saveFile } from "./download.ts";

export function ExportButtons(props: {
  label: string;
  load: (format: "csv" | "xlsx") => Promise<ServerFile>;
}) {
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const run = async (format: "csv" | "xlsx") => {
    setBusy(true);
    setError(null);
    try {
      saveFile(await props.load(format));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <fieldset class="export-buttons">
      <legend class="visually-hidden">{props.label} exportieren</legend>
      <button
        type="button"
        class="button button-secondary"
        disabled={busy()}
        aria-label={`CSV: ${props.label}`}
        onClick={() => run("csv")}
      >
        CSV
      </button>
      <button
        type="button"
        class="button button-secondary"
        disabled={busy()}
        aria-label={`Excel: ${props.label}`}
        onClick={() => run("xlsx")}
      >
        Excel
      </button>
      <Show when={error()}>
        <span class="field-error" role="alert">
          {error()}
        </span>
      </Show>
    </fieldset>
  );
}
