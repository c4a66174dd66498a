// Per dimension, the staircase of levels 1–4: each criterion fulfilled or missing, and by which measure.
import { A } from "@solidjs/router";
import { formatDate } from "@spatz/domain";
import { addDays } from "@spatz/maturity";
import { createMemo, For, Show } from "solid-js";
import { levelText, scoreText } from "./format.ts";
import type { DashboardData } from "./queries.ts";

export function Staircase(props: { data: DashboardData }) {
  const byId = createMemo(() => new Map(props.data.measures.map((m) => [m.id, m])));
  // Governance evidence (a Beschluss, the published RACI matrix, a process review) fulfils criteria like a measure.
  const evidence = createMemo(() => new Map(props.data.evidence.map((e) => [e.id, e])));
  const title = (id: string) => byId().get(id)?.title ?? "Maßnahme";
  return (
    <section class="card" aria-labelledby="staircase-title">
      <h2 id="staircase-title">Stufen je Dimension</h2>
      <p class="muted">
        Eine Stufe ist erreicht, wenn alle ihre Kriterien und alle Kriterien der Stufen darunter erfüllt sind.
        Ein Kriterium ist erfüllt, wenn eine verknüpfte Maßnahme abgeschlossen und ihr Nachweis noch gültig
        ist – oder ein Nachweis der IT-Governance gilt (ein Beschluss, die veröffentlichte RACI-Matrix, ein
        überprüfter Prozess).
      </p>
      <For each={props.data.dashboard.current.dimensions}>
        {(d) => (
          <details class="staircase" data-dimension={d.key}>
            <summary>
              <span class="staircase-name">{d.name}</span>{" "}
              <span class="badge">
                {levelText(d.level)} · {d.levelName}
              </span>{" "}
              <span class="muted">Wert {scoreText(d.score)}</span>
            </summary>
            <ol class="levels">
              <For each={d.levels}>
                {(l) => (
                  <li class="level" classList={{ "level-complete": l.complete }}>
                    <h3>
                      {levelText(l.level)} · {l.name}:{" "}
                      {l.complete
                        ? "vollständig"
                        : `${l.fulfilledCount} von ${l.criteria.length} Kriterien erfüllt`}
                    </h3>
                    <ul class="criteria">
                      <For each={l.criteria}>
                        {(c) => (
                          <li class="criterion" classList={{ "criterion-ok": c.fulfilled }}>
                            <span class="criterion-state">{c.fulfilled ? "✓ erfüllt" : "✗ fehlt"}</span>{" "}
                            <span class="criterion-title">{c.title}</span>
                            <Show when={c.fulfilledBy.length > 0}>
                              <span class="criterion-detail">
                                {" "}
                                – durch{" "}
                                <For each={c.fulfilledBy}>
                                  {(id, i) => (
                                    <>
                                      {i() > 0 ? ", " : ""}
                                      <Show
                                        when={evidence().get(id)}
                                        fallback={
                                          <>
                                            <A href={`/massnahmen/${id}`}>{title(id)}</A> (abgeschlossen am{" "}
                                            {formatDate(byId().get(id)?.completedOn)})
                                          </>
                                        }
                                      >
                                        {(e) => (
                                          <>
                                            <A href={e().href}>{e().title}</A> (seit {formatDate(e().on)})
                                          </>
                                        )}
                                      </Show>
                                    </>
                                  )}
                                </For>
                                {/* expiresOn is the first day it no longer counts; "gültig bis" names the last one. */}
                                <Show when={c.expiresOn}>
                                  {(expires) => <> · gültig bis {formatDate(addDays(expires(), -1))}</>}
                                </Show>
                              </span>
                            </Show>
                            <Show when={!c.fulfilled && c.expiredOn}>
                              <span class="criterion-detail">
                                {" "}
                                – Nachweis abgelaufen am {formatDate(c.expiredOn)}
                              </span>
                            </Show>
                            <Show when={!c.fulfilled && c.openMeasures.length > 0}>
                              <span class="criterion-detail">
                                {" "}
                                – geplant:{" "}
                                <For each={c.openMeasures}>
                                  {(o, i) => (
                                    <>
                                      {i() > 0 ? ", " : ""}
                                      <A href={`/massnahmen/${o.measureId}`}>{title(o.measureId)}</A> (bis{" "}
                                      {formatDate(o.plannedEnd)})
                                    </>
                                  )}
                                </For>
                              </span>
                            </Show>
                          </li>
                        )}
                      </For>
                    </ul>
                  </li>
                )}
              </For>
            </ol>
          </details>
        )}
      </For>
    </section>
  );
}
