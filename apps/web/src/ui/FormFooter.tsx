// The end of an edit form: what went wrong (a pointer to the marked fields, or the server's message) and the buttons.
import { Show } from "solid-js";
import { errorMessage, fieldErrors } from "../lib/trpc.ts";
import { Alert } from "./states.tsx";

export function FormFooter(props: {
  error: unknown;
  submitLabel: string;
  pending: boolean;
  onCancel?: () => void;
}) {
  const hasFieldErrors = () => Object.keys(fieldErrors(props.error)).length > 0;
  return (
    <>
      <Show when={props.error}>
        <Alert kind="error">
          {hasFieldErrors() ? "Bitte prüfen Sie die markierten Felder." : errorMessage(props.error)}
        </Alert>
      </Show>
      {/* form-actions spans the whole row of a grid form (portfolio.css) */}
      <div class="button-row form-actions">
        <button type="submit" class="button button-primary" disabled={props.pending}>
          {props.submitLabel}
        </button>
        <Show when={props.onCancel}>
          <button type="button" class="button" onClick={() => props.onCancel?.()}>
            Abbrechen
          </button>
        </Show>
      </div>
    </>
  );
}
