// "Stand" of the state's rollout figures: they come from aggregates that jobs maintain, so every page says as of when
// they are, and says so plainly while changes are still being taken in instead of presenting stale numbers as
// current. When the aggregates move on, the figures on the page are reloaded.
import { formatDateTime } from "@spatz/domain";
import { useQuery, useQueryClient } from "@tanstack/solid-query";
import { createEffect, on, Show } from "solid-js";
import { trpc } from "../../lib/trpc.ts";
import { formatCount } from "../format.ts";

/** The rollout queries whose figures come from the aggregates. */
const AGGREGATE_QUERIES = [
  "rollout.stateOverview",
  "rollout.coverageByService",
  "rollout.coverageByKommune",
  "rollout.kommunen",
  "rollout.progress",
  "rollout.forecast",
];

export function AggregateStand(props: { showDrift: boolean }) {
  const queryClient = useQueryClient();
  const status = useQuery(() => ({
    queryKey: ["rollout.aggregateStatus"],
    queryFn: () => trpc.rollout.aggregateStatus.query(),
    // While changes are pending, look again soon; otherwise now and then.
    refetchInterval: (q) => (q.state.data?.pendingSince ? 5_000 : 60_000),
  }));
  createEffect(
    on(
      () => status.data?.asOf,
      (asOf, previous) => {
        if (previous !== undefined && asOf !== previous)
          for (const key of AGGREGATE_QUERIES) void queryClient.invalidateQueries({ queryKey: [key] });
      },
    ),
  );
  return (
    <Show when={status.data}>
      {(s) => (
        <div class="aggregate-stand" role="status">
          <Show when={s().asOf} fallback={<p>Die Kennzahlen werden gerade zum ersten Mal berechnet.</p>}>
            {(asOf) => (
              <p>
                Stand der Kennzahlen: <time datetime={asOf()}>{formatDateTime(asOf())}</time>
                <Show when={s().pendingSince}>
                  {(since) => (
                    <strong class="stand-behind">
                      {" "}
                      – Änderungen seit {formatDateTime(since())} werden gerade eingerechnet; die Zahlen sind
                      noch nicht aktuell.
                    </strong>
                  )}
                </Show>
              </p>
            )}
          </Show>
          <Show when={props.showDrift && s().driftRows > 0}>
            <p class="muted">
              Die nächtliche Prüfung ({formatDateTime(s().fullAt)}) fand {formatCount(s().driftRows)} Zeilen,
              die von der laufenden Fortschreibung abwichen, und hat sie korrigiert. Bitte dem Betrieb melden.
            </p>
          </Show>
        </div>
      )}
    </Show>
  );
}
