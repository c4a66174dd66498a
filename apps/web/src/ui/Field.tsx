// Form fields with a visible label, hint and error text wired up for screen readers.
import { createUniqueId, type JSX, Show, splitProps } from "solid-js";

type FieldProps = { label: string; error?: string; hint?: string };

export function TextField(props: FieldProps & JSX.InputHTMLAttributes<HTMLInputElement>) {
  const [own, input] = splitProps(props, ["label", "error", "hint"]);
  const id = input.id ?? createUniqueId();
  return (
    <div class="field" classList={{ "field-invalid": !!own.error }}>
      <label for={id}>{own.label}</label>
      <Show when={own.hint}>
        <p class="field-hint" id={`${id}-hint`}>
          {own.hint}
        </p>
      </Show>
      <input
        {...input}
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

export function SelectField(
  props: FieldProps & {
    options: readonly { value: string; label: string }[];
  } & JSX.SelectHTMLAttributes<HTMLSelectElement>,
) {
  const [own, select] = splitProps(props, ["label", "error", "hint", "options"]);
  const id = select.id ?? createUniqueId();
  return (
    <div class="field" classList={{ "field-invalid": !!own.error }}>
      <label for={id}>{own.label}</label>
      <Show when={own.hint}>
        <p class="field-hint" id={`${id}-hint`}>
          {own.hint}
        </p>
      </Show>
      <select
        {...select}
        id={id}
        aria-invalid={own.error ? "true" : undefined}
        aria-describedby={
          [own.hint ? `${id}-hint` : "", own.error ? `${id}-error` : ""].filter(Boolean).join(" ") ||
          undefined
        }
      >
        {/* `selected` as well: the select's value is set before its options exist, so an initial value would be lost. */}
        {own.options.map((o) => (
          <option value={o.value} selected={o.value === select.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Show when={own.error}>
        <p class="field-error" id={`${id}-error`}>
          {own.error}
        </p>
      </Show>
    </div>
  );
}
