// "Nächste Schritte": per dimension, the missing criteria of the next level with their open measures and due dates.
// Editors complete a measure right here; the levels and charts above change as soon as it is saved.
import { A } from "@solidjs/router";
import { berlinToday, formatDate, MEASURE_STATUS_LABELS } from "@spatz/domain";
import { createMemo, createSignal, For, Show } from "solid-js";
import type { Me } from "../auth/session.ts";
import { CompleteDialog, type CompletionTarget } from "../measures/CompleteDialog.tsx";
import { canCreateMeasures, canEditMeasure } from "../measures/permissions.ts";
import { OverdueBadge } from "../ui/OverdueBadge.tsx";
import { levelText } from "./format.ts";
import type { DashboardData } from "./queries.ts";

export function NextSteps(props: { data: DashboardData; me: Me; limit?: number }) {
  const byId = createMemo(() => new Map(props.data.measures.map((m) => [m.id, m])));
  const [completing, setCompleting] = createSignal<CompletionTarget | null>(null);
  const today = berlinToday();
  const steps = () => props.data.dashboard.current.nextSteps.slice(0, props.limit ?? 99);
  return (
    <section class="card" aria-labelledby="next-steps-title">
      <h2 id="next-steps-title">Nächste Schritte</h2>
      <Show when={steps().length > 0} fallback={<p>Alle Dimensionen haben die höchste Stufe erreicht.</p>}>
        <ul class="next-steps">
          <For each={steps()}>
            {(step) => (
              <li>
                <h3>
                  {step.dimensionName}: von {levelText(step.currentLevel)} zu {levelText(step.nextLevel)}
                </h3>
                <ul>
                  <For each={step.missing}>
                    {(missing) => (
                      <li>
                        <span>{missing.title}</span>
                        <Show
                          when={missing.openMeasures.length > 0}
                          fallback={
                            <span class="muted">
                              {" "}
                              – noch keine Maßnahme geplant.{" "}
                              <Show when={canCreateMeasures(props.me)}>
                                <A
                                  href={`/massnahmen/neu?kriterium=${encodeURIComponent(missing.criterionKey)}`}
                                >
                                  Maßnahme anlegen
                                </A>
                              </Show>
                            </span>
                          }
                        >
                          <ul>
                            <For each={missing.openMeasures}>
                              {(open) => {
                                const m = () => byId().get(open.measureId);
                                const overdue = () => open.plannedEnd !== null && open.plannedEnd < today;
                                return (
                                  <li class="next-step-measure">
                                    <A href={`/massnahmen/${open.measureId}`}>{m()?.title ?? "Maßnahme"}</A>{" "}
                                    <span class="muted">
                                      ({MEASURE_STATUS_LABELS[open.status]}, geplant bis{" "}
                                      {formatDate(open.plannedEnd)}
                                      {m()?.responsibleName ? `, ${m()!.responsibleName}` : ""})
                                    </span>
                                    <OverdueBadge when={overdue()} />
                                    <Show when={m() && canEditMeasure(props.me, m()!)}>
                                      {" "}
                                      <button
                                        type="button"
                                        class="button button-secondary"
                                        aria-label={`${m()!.title} abschließen`}
                                        onClick={() =>
                                          setCompleting({ id: open.measureId, title: m()!.title })
                                        }
                                      >
                                        Abschließen …
                                      </button>
                                    </Show>
                                  </li>
                                );
                              }}
                            </For>
                          </ul>
                        </Show>
                      </li>
                    )}
                  </For>
                </ul>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <CompleteDialog measure={completing()} onClose={() => setCompleting(null)} />
    </section>
  );
}
