// A multi-line text field with a visible label and its error, wired up like TextField.
import { createUniqueId, type JSX, Show, splitProps } from "solid-js";

export function TextAreaField(
  props: { label: string; error?: string; hint?: string } & JSX.TextareaHTMLAttributes<HTMLTextAreaElement>,
) {
  const [own, area] = splitProps(props, ["label", "error", "hint"]);
  const id = area.id ?? createUniqueId();
  return (
    <div class="field" classList={{ "field-invalid": !!own.error }}>
      <label for={id}>{own.label}</label>
      <Show when={own.hint}>
        <p class="field-hint" id={`${id}-hint`}>
          {own.hint}
        </p>
      </Show>
      <textarea
        rows={3}
        {...area}
        id={id}
        aria-invalid={own.error ? "true" : undefined}
        aria-describedby={
          [own.hint ? `${id}-hint` : "", own.error ? `${id}-error` : ""].filter(Boolean).join(" ") ||
          undefined
        }
      />
      <Show when={own.error}>
        <p class="field-error" id={`${id}-error`}>
          {own.error}
        </p>
      </Show>
    </div>
  );
}
