// A text field that suggests from a list as one types (the browser's own datalist: keyboard and screen readers work
// as with any combobox) and reports the chosen entry's value once the text is exactly one of the labels; cleared text
// clears the choice. Text that matches nothing keeps the previous choice off and says so.
import { createEffect, createSignal, createUniqueId, For, type JSX, splitProps } from "solid-js";
import { FieldFrame } from "./Field.tsx";

export function TypeAheadField(
  props: {
    label: string;
    hint?: string;
    options: readonly { value: string; label: string }[];
    /** The chosen entry's value, or undefined. */
    value: string | undefined;
    onChoose: (value: string | undefined) => void;
  } & Omit<JSX.InputHTMLAttributes<HTMLInputElement>, "value" | "onChange" | "list">,
) {
  const [own, input] = splitProps(props, ["label", "hint", "options", "value", "onChoose"]);
  const listId = createUniqueId();
  const labelOf = (value: string | undefined) => own.options.find((o) => o.value === value)?.label ?? "";
  const [text, setText] = createSignal(labelOf(own.value));
  // A choice made elsewhere (a link, "Alle Filter entfernen") shows in the field.
  createEffect(() => setText(labelOf(own.value)));
  const [error, setError] = createSignal<string | undefined>();
  const commit = (typed: string) => {
    const trimmed = typed.trim();
    if (trimmed === "") {
      setError(undefined);
      own.onChoose(undefined);
      return;
    }
    const match = own.options.find((o) => o.label === trimmed);
    if (match) {
      setError(undefined);
      own.onChoose(match.value);
    } else setError("Bitte einen Eintrag aus der Vorschlagsliste wählen.");
  };
  return (
    <FieldFrame
      label={own.label}
      hint={own.hint}
      error={error()}
      id={input.id}
      control={(a) => (
        <>
          <input
            {...input}
            {...a}
            type="text"
            list={listId}
            autocomplete="off"
            value={text()}
            onInput={(e) => {
              setText(e.currentTarget.value);
              // Picking a suggestion fills the whole label at once: take it without waiting for the field to blur.
              if (own.options.some((o) => o.label === e.currentTarget.value)) commit(e.currentTarget.value);
            }}
            onChange={(e) => commit(e.currentTarget.value)}
          />
          <datalist id={listId}>
            <For each={own.options}>{(o) => <option value={o.label} />}</For>
          </datalist>
        </>
      )}
    />
  );
}
