// "CSV" and "Excel" buttons for a table: the server builds the file from the same data, the browser saves it through a
// temporary object URL (no inline script, CSP-safe).
import { createSignal, Show } from "solid-js";
import { errorMessage } from "../lib/trpc.ts";

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

export type ServerFile = { filename: string; mediaType: string; base64: string };

function saveFile(file: ServerFile): void {
  const binary = atob(file.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mediaType }));
  const link = document.createElement("a");
  link.href = url;
  link.download = file.filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
