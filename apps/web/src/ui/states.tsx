// Loading, empty and error states: every screen shows these the same way.
import { type JSX, Show } from "solid-js";
import { errorMessage } from "../lib/trpc.ts";

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
      <p class="state-text">{errorMessage(props.error)}</p>
      <Show when={props.onRetry}>
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
