// Choosing the criteria a measure (or a governance artefact) fulfils: grouped by dimension and level, checkboxes in fieldsets (keyboard and
// screen reader friendly), with the chosen ones listed above.
import { createUniqueId, For, Show } from "solid-js";
import type { MaturityModelData } from "../maturity/queries.ts";

/** "Steuerung, Stufe 2: IT-Governance definiert"; a key the model does not know is named as such. */
export function criterionTitle(model: MaturityModelData | undefined, key: string): string {
  for (const d of model?.dimensions ?? [])
    for (const l of d.levels)
      for (const c of l.criteria) if (c.key === key) return `${d.name}, Stufe ${l.level}: ${c.title}`;
  return `${key} (nicht im Modell)`;
}

export function CriteriaPicker(props: {
  model: MaturityModelData;
  selected: string[];
  onChange: (keys: string[]) => void;
  error?: string;
  /** What choosing means here (a measure, a Beschluss, a process …). */
  hint?: string;
}) {
  const id = createUniqueId();
  const toggle = (key: string, on: boolean) =>
    props.onChange(on ? [...props.selected, key] : props.selected.filter((k) => k !== key));
  const titleOf = (key: string) => criterionTitle(props.model, key);
  return (
    <fieldset
      class="field criteria-picker"
      classList={{ "field-invalid": !!props.error }}
      aria-describedby={props.error ? `${id}-error` : undefined}
    >
      <legend>Erfüllte Kriterien</legend>
      <p class="field-hint">
        {props.hint ??
          "Welche Kriterien des Reifegradmodells erfüllt die Maßnahme, wenn sie abgeschlossen ist?"}
      </p>
      <Show when={props.selected.length > 0} fallback={<p class="muted">Noch kein Kriterium gewählt.</p>}>
        <ul class="chosen">
          <For each={props.selected}>{(key) => <li>{titleOf(key)}</li>}</For>
        </ul>
      </Show>
      <Show when={props.error}>
        <p class="field-error" id={`${id}-error`}>
          {props.error}
        </p>
      </Show>
      <For each={props.model.dimensions}>
        {(d) => (
          <details open={d.levels.some((l) => l.criteria.some((c) => props.selected.includes(c.key)))}>
            <summary>{d.name}</summary>
            <For each={d.levels}>
              {(l) => (
                <fieldset class="criteria-level">
                  <legend>
                    Stufe {l.level} · {l.name}
                  </legend>
                  <For each={l.criteria}>
                    {(c) => (
                      <label class="checkbox">
                        <input
                          type="checkbox"
                          checked={props.selected.includes(c.key)}
                          onChange={(e) => toggle(c.key, e.currentTarget.checked)}
                        />{" "}
                        {c.title}
                      </label>
                    )}
                  </For>
                </fieldset>
              )}
            </For>
          </details>
        )}
      </For>
    </fieldset>
  );
}
