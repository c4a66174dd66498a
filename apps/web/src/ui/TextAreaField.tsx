// A multi-line text field with a visible label and its error, wired up like TextField.
import { type JSX, splitProps } from "solid-js";
import { FieldFrame } from "./Field.tsx";

export function TextAreaField(
  props: { label: string; error?: string; hint?: string } & JSX.TextareaHTMLAttributes<HTMLTextAreaElement>,
) {
  const [own, area] = splitProps(props, ["label", "error", "hint"]);
  return <FieldFrame {...own} id={area.id} control={(a) => <textarea rows={3} {...area} {...a} />} />;
}
