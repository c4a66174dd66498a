// Form fields with a visible label, hint and error text wired up for screen readers.
import { createUniqueId, type JSX, Show, splitProps } from "solid-js";

type FieldProps = { label: string; error?: string; hint?: string };

/** What the control of a field carries so that its label, hint and error reach screen readers. */
type ControlAttributes = {
  id: string;
  "aria-invalid": "true" | undefined;
  "aria-describedby": string | undefined;
};

/**
 * The frame every field shares: label, hint, the control, the error. `control` gets the id and the ARIA attributes
 * (as getters, so they follow the error) to spread onto its element.
 */
export function FieldFrame(
  props: FieldProps & { id: string | undefined; control: (a: ControlAttributes) => JSX.Element },
) {
  const id = props.id ?? createUniqueId();
  const attributes: ControlAttributes = {
    id,
    get "aria-invalid"() {
      return props.error ? "true" : undefined;
    },
    get "aria-describedby"() {
      return (
        [props.hint ? `${id}-hint` : "", props.error ? `${id}-error` : ""].filter(Boolean).join(" ") ||
        undefined
      );
    },
  };
  return (
    <div class="field" classList={{ "field-invalid": !!props.error }}>
      <label for={id}>{props.label}</label>
      <Show when={props.hint}>
        <p class="field-hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      </Show>
      {props.control(attributes)}
      <Show when={props.error}>
        <p class="field-error" id={`${id}-error`}>
          {props.error}
        </p>
      </Show>
    </div>
  );
}

export function TextField(props: FieldProps & JSX.InputHTMLAttributes<HTMLInputElement>) {
  const [own, input] = splitProps(props, ["label", "error", "hint"]);
  return <FieldFrame {...own} id={input.id} control={(a) => <input {...input} {...a} />} />;
}

export function SelectField(
  props: FieldProps & {
    options: readonly { value: string; label: string }[];
  } & JSX.SelectHTMLAttributes<HTMLSelectElement>,
) {
  const [own, select] = splitProps(props, ["label", "error", "hint", "options"]);
  return (
    <FieldFrame
      {...own}
      id={select.id}
      control={(a) => (
        <select {...select} {...a}>
          {/* `selected` as well: the select's value is set before its options exist, so an initial value would be lost. */}
          {own.options.map((o) => (
            <option value={o.value} selected={o.value === select.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}
