// A button that asks before it acts (deleting, discarding, locking): the browser's confirmation dialog, which screen
// readers announce and the keyboard answers, then the action. One way for every such button.
import type { JSX } from "solid-js";

export function ConfirmButton(props: {
  /** The question, e.g. „Das Gremium „Lenkungskreis“ löschen?“ */
  question: string;
  onConfirm: () => void;
  children: JSX.Element;
  /** The button's accessible name where its text alone is ambiguous in a list ("Löschen"). */
  label?: string;
  class?: string;
  disabled?: boolean;
  /** Runs before asking (e.g. to clear an earlier message). */
  onBeforeAsk?: () => void;
}) {
  return (
    <button
      type="button"
      class={props.class ?? "button button-small"}
      aria-label={props.label}
      disabled={props.disabled}
      onClick={() => {
        props.onBeforeAsk?.();
        if (window.confirm(props.question)) props.onConfirm();
      }}
    >
      {props.children}
    </button>
  );
}
