// "Hintergrundaufgaben" (Landesadministration): every queue with its counts and last run, every scheduler with its
// next run, and the failed jobs of a queue with their error and a button to run them again (audited). Read from
// BullMQ itself, not from a copy; refreshed every 15 seconds.
import { formatDateTime, formatInteger } from "@spatz/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/solid-query";
import { createSignal, For, Show } from "solid-js";
import { errorMessage, trpc } from "../lib/trpc.ts";
import { PageHeader } from "../ui/PageHeader.tsx";
import { QueryView } from "../ui/QueryView.tsx";
import { Alert, EmptyState } from "../ui/states.tsx";
import { TableScroll } from "../ui/TableScroll.tsx";
import "./benchmark.css";
import { PagedTable } from "../ui/PagedTable.tsx";

type Overview = Awaited<ReturnType<typeof trpc.jobs.overview.query>>;
type QueueKey = Parameters<typeof trpc.jobs.failed.query>[0]["queue"];

function duration(ms: number | null): string {
  if (ms === null) return "–";
  return ms < 1000 ? `${formatInteger(ms)} ms` : `${(ms / 1000).toFixed(1).replace(".", ",")} s`;
}

export function JobsPage() {
  const overview = useQuery(() => ({
    queryKey: ["jobs.overview"],
    queryFn: () => trpc.jobs.overview.query(),
    refetchInterval: 15_000,
  }));
  const [queue, setQueue] = createSignal<QueueKey | null>(null);
  return (
    <>
      <PageHeader
        title="Hintergrundaufgaben"
        intro="Die Aufgaben, die im Hintergrund laufen: Vergleichswerte, Rollout-Kennzahlen, Aufräumen. Fehlgeschlagene Aufgaben können Sie hier erneut starten."
      />
      <QueryView query={overview} loadingLabel="Warteschlangen werden gelesen …">
        {(o) => (
          <>
            <Queues overview={o} onShowFailed={setQueue} />
            <Schedulers overview={o} />
            <Show when={queue()}>
              {(q) => <Failed queue={q()} label={o.queues.find((x) => x.key === q())?.label ?? q()} />}
            </Show>
          </>
        )}
      </QueryView>
    </>
  );
}

function Queues(props: { overview: Overview; onShowFailed: (q: QueueKey) => void }) {
  return (
    <section aria-labelledby="queues-title">
      <h2 id="queues-title">Warteschlangen</h2>
      <TableScroll>
        <table class="table">
          <caption class="visually-hidden">Warteschlangen</caption>
          <thead>
            <tr>
              <th scope="col">Warteschlange</th>
              <th scope="col" class="num">
                wartend
              </th>
              <th scope="col" class="num">
                geplant
              </th>
              <th scope="col" class="num">
                laufend
              </th>
              <th scope="col" class="num">
                erledigt
              </th>
              <th scope="col" class="num">
                fehlgeschlagen
              </th>
              <th scope="col">zuletzt</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.overview.queues}>
              {(q) => (
                <tr>
                  <th scope="row">{q.label}</th>
                  <td class="num">{formatInteger(q.counts.waiting + q.counts.waitingChildren)}</td>
                  <td class="num">{formatInteger(q.counts.delayed)}</td>
                  <td class="num">{formatInteger(q.counts.active)}</td>
                  <td class="num">{formatInteger(q.counts.completed)}</td>
                  <td class="num">
                    <Show when={q.counts.failed > 0} fallback="0">
                      <button
                        type="button"
                        class="link-button"
                        onClick={() => props.onShowFailed(q.key as QueueKey)}
                        aria-label={`${formatInteger(q.counts.failed)} fehlgeschlagene Aufgaben: ${q.label} anzeigen`}
                      >
                        {formatInteger(q.counts.failed)}
                      </button>
                    </Show>
                  </td>
                  <td>
                    <Show when={q.lastFinished} fallback="noch nie">
                      {(l) => (
                        <>
                          {l().label}: {formatDateTime(l().finishedAt)}, {duration(l().durationMs)}
                          {l().failed ? " – fehlgeschlagen" : ""}
                        </>
                      )}
                    </Show>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

function Schedulers(props: { overview: Overview }) {
  return (
    <section aria-labelledby="schedulers-title">
      <h2 id="schedulers-title">Zeitpläne</h2>
      <TableScroll>
        <table class="table">
          <caption class="visually-hidden">Zeitpläne</caption>
          <thead>
            <tr>
              <th scope="col">Aufgabe</th>
              <th scope="col">
                Zeitplan (cron, {props.overview.schedulers[0]?.timezone ?? "Europe/Berlin"})
              </th>
              <th scope="col">nächster Lauf</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.overview.schedulers}>
              {(s) => (
                <tr>
                  <th scope="row">{s.label}</th>
                  <td>
                    <code>{s.pattern}</code>
                  </td>
                  <td>
                    {s.nextRunAt ? formatDateTime(s.nextRunAt) : "nicht eingeplant (Worker läuft nicht?)"}
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

function Failed(props: { queue: QueueKey; label: string }) {
  const client = useQueryClient();
  const [page, setPage] = createSignal(1);
  const [notice, setNotice] = createSignal<string | null>(null);
  const failed = useQuery(() => ({
    queryKey: ["jobs.failed", props.queue, page()],
    queryFn: () => trpc.jobs.failed.query({ queue: props.queue, page: page(), pageSize: 20 }),
  }));
  const retry = useMutation(() => ({
    mutationFn: (jobId: string) => trpc.jobs.retry.mutate({ queue: props.queue, jobId }),
    onSuccess: async () => {
      setNotice("Die Aufgabe wurde erneut eingeplant.");
      await client.invalidateQueries({ queryKey: ["jobs.failed"] });
      await client.invalidateQueries({ queryKey: ["jobs.overview"] });
    },
  }));
  return (
    <section aria-labelledby="failed-title">
      <h2 id="failed-title">Fehlgeschlagen: {props.label}</h2>
      <Show when={notice()}>
        <Alert kind="success">{notice()}</Alert>
      </Show>
      <Show when={retry.isError}>
        <Alert kind="error">{errorMessage(retry.error)}</Alert>
      </Show>
      <PagedTable
        query={failed}
        empty={<EmptyState title="Keine fehlgeschlagenen Aufgaben." />}
        caption="Fehlgeschlagene Aufgaben"
        head={
          <>
            <th scope="col">Aufgabe</th>
            <th scope="col">Fehler</th>
            <th scope="col" class="num">
              Versuche
            </th>
            <th scope="col">fehlgeschlagen am</th>
            <th scope="col">
              <span class="visually-hidden">Aktion</span>
            </th>
          </>
        }
        row={(j) => (
          <tr>
            <th scope="row">{j.label}</th>
            <td>{j.error || "–"}</td>
            <td class="num">{j.attempts}</td>
            <td>{formatDateTime(j.failedAt)}</td>
            <td>
              <button
                type="button"
                class="button button-secondary"
                disabled={retry.isPending}
                onClick={() => {
                  setNotice(null);
                  retry.mutate(j.id);
                }}
              >
                Erneut starten
              </button>
            </td>
          </tr>
        )}
        onPage={setPage}
        pagerLabel="Seiten: fehlgeschlagene Aufgaben"
      />
    </section>
  );
}
