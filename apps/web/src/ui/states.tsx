// Loading, empty and error states: every screen shows these the same way.
import { type JSX, Show } from "solid-js";
import { errorCode, errorMessage, fieldErrors } from "../lib/trpc.ts";

/** Answers that another try cannot change: offering "Erneut versuchen" there only wastes the user's time. */
const FINAL_ERRORS = ["BAD_REQUEST", "FORBIDDEN", "NOT_FOUND", "UNAUTHORIZED"];
/** Path parameters of the detail pages: when only these are rejected, the address itself is wrong. */
const ADDRESS_FIELDS = new Set(["id", "serviceId", "kommuneId", "projectId", "roundId"]);

function stateMessage(error: unknown): string {
  const fields = Object.keys(fieldErrors(error));
  if (errorCode(error) === "BAD_REQUEST" && fields.length > 0 && fields.every((f) => ADDRESS_FIELDS.has(f)))
    return "Diesen Eintrag gibt es nicht. Bitte prüfen Sie die Adresse.";
  return errorMessage(error);
}

export function Loading(props: { label?: string }) {
  return (
    <div class="state state-loading" role="status" aria-live="polite">
      <span class="spinner" aria-hidden="true" />
      <span>{props.label ?? "Wird geladen …"}</span>
    </div>
  );
}

export function EmptyState(props: { title: string; children?: JSX.Element; action?: JSX.Element }) {
  return (
    <div class="state state-empty">
      <p class="state-title">{props.title}</p>
      <Show when={props.children}>
        <div class="state-text">{props.children}</div>
      </Show>
      <Show when={props.action}>{props.action}</Show>
    </div>
  );
}

export function ErrorState(props: { error: unknown; onRetry?: () => void; title?: string }) {
  return (
    <div class="state state-error" role="alert">
      <p class="state-title">{props.title ?? "Das hat nicht geklappt."}</p>
      <p class="state-text">{stateMessage(props.error)}</p>
      <Show when={props.onRetry && !FINAL_ERRORS.includes(errorCode(props.error) ?? "")}>
        <button type="button" class="button" onClick={() => props.onRetry?.()}>
          Erneut versuchen
        </button>
      </Show>
    </div>
  );
}

export function Alert(props: { kind: "success" | "error" | "info"; children: JSX.Element }) {
  return (
    <div class={`alert alert-${props.kind}`} role={props.kind === "error" ? "alert" : "status"}>
      {props.children}
    </div>
  );
}

/**
 * The answer to a form's mutation below the form: the error in words unless it names fields (those show at the
 * fields), or the success text once it worked.
 */
export function MutationResult(props: {
  mutation: { isError: boolean; isSuccess: boolean; error: unknown };
  success?: string;
}) {
  return (
    <>
      <Show when={props.mutation.isError && Object.keys(fieldErrors(props.mutation.error)).length === 0}>
        <Alert kind="error">{errorMessage(props.mutation.error)}</Alert>
      </Show>
      <Show when={props.success && props.mutation.isSuccess}>
        <Alert kind="success">{props.success}</Alert>
      </Show>
    </>
  );
}
