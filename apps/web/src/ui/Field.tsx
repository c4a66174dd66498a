// Form fields with a visible label, hint and error text wired up for screen readers.
import { createUniqueId, type JSX, onCleanup, onMount, Show, splitProps } from "solid-js";

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

/** The filter bar above a list: fields that apply as they change (Enter submits nothing). */
export function FilterBar(props: { label: string; children: JSX.Element }) {
  return (
    <form class="form form-inline filters" aria-label={props.label} onSubmit={(e) => e.preventDefault()}>
      {props.children}
    </form>
  );
}

/** A filter's options: "alle" (no filter) first. */
export function withAll(options: readonly { value: string; label: string }[]) {
  return [{ value: "", label: "alle" }, ...options];
}

/** Options for a code list with its German labels, in the list's order. */
export function codeOptions<C extends string>(codes: readonly C[], labels: Readonly<Record<C, string>>) {
  return codes.map((code) => ({ value: code as string, label: labels[code] as string }));
}

/**
 * A form whose fields the server validates (noValidate: the messages are German and per field, not the browser's):
 * submitting runs `onSubmit` instead of reloading the page. After a submit, focus follows the answer, for every form
 * alike: to the first invalid field, or else to the result message (an `.alert` that appears in the form or its
 * section), which its role (status or alert) announces. A form that leaves the page leaves focus to the new page.
 */
export function Form(props: { class?: string; label?: string; onSubmit: () => void; children: JSX.Element }) {
  let form!: HTMLFormElement;
  let awaitingAnswer = false;
  let before = new WeakSet<Element>();
  const scope = () => form.closest("section, dialog, main") ?? form;
  onMount(() => {
    const observer = new MutationObserver(() => {
      if (!awaitingAnswer) return;
      const invalid = form.querySelector<HTMLElement>("[aria-invalid='true']");
      const message = [...scope().querySelectorAll<HTMLElement>(".alert")].find((a) => !before.has(a));
      const target = invalid ?? message;
      if (!target) return;
      awaitingAnswer = false;
      if (!invalid) target.tabIndex = -1;
      target.focus();
    });
    observer.observe(scope(), {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ["aria-invalid"],
    });
    onCleanup(() => observer.disconnect());
  });
  return (
    <form
      ref={form}
      class={props.class ?? "form"}
      aria-label={props.label}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        // The messages present now are the old answer; focus goes to what this submit brings.
        before = new WeakSet(scope().querySelectorAll(".alert"));
        awaitingAnswer = true;
        props.onSubmit();
      }}
    >
      {props.children}
    </form>
  );
}
