// The measures board (Kanban by status). Cards move by drag and drop, or — same effect, for keyboard and screen
// reader users — with the status selector on each card. Moving to "abgeschlossen" asks for date and evidence.
import { A } from "@solidjs/router";
import {
  berlinToday,
  formatDate,
  isMeasureOverdue,
  MEASURE_STATUS_LABELS,
  MEASURE_STATUSES,
  type MeasureStatus,
} from "@spatz/domain";
import { useMutation, useQuery } from "@tanstack/solid-query";
import { createSignal, For, Show } from "solid-js";
import type { Me } from "../auth/session.ts";
import { errorMessage, trpc } from "../lib/trpc.ts";
import { orgUnitOptions, orgUnitsQuery, useRefreshMeasures } from "../maturity/queries.ts";
import { FilterBar, SelectField, withAll } from "../ui/Field.tsx";
import { OverdueBadge } from "../ui/OverdueBadge.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";
import { QueryView } from "../ui/QueryView.tsx";
import { Alert } from "../ui/states.tsx";
import { CompleteDialog, type CompletionTarget } from "./CompleteDialog.tsx";
import { canCreateMeasures, canEditMeasure } from "./permissions.ts";

/** Open work shows in full (up to 50 cards); finished columns show the most recent ones, the rest is in the list. */
const COLUMN_SIZE: Record<MeasureStatus, number> = {
  planned: 50,
  in_progress: 50,
  completed: 10,
  discarded: 10,
};
type Card = Awaited<ReturnType<typeof trpc.measures.list.query>>["items"][number];

export function MeasureBoardPage(props: { me: Me }) {
  const units = useQuery(orgUnitsQuery);
  const refresh = useRefreshMeasures();
  const [unit, setUnit] = createSignal("");
  const [mine, setMine] = createSignal(props.me.user.role === "project_lead");
  const [completing, setCompleting] = createSignal<CompletionTarget | null>(null);
  const [announcement, setAnnouncement] = createSignal("");
  const [dragging, setDragging] = createSignal<Card | null>(null);
  const move = useMutation(() => ({
    mutationFn: (v: { card: Card; status: MeasureStatus }) =>
      trpc.measures.setStatus.mutate({ id: v.card.id, status: v.status }),
    onSuccess: async (_row, v) => {
      await refresh();
      setAnnouncement(`„${v.card.title}“ ist jetzt ${MEASURE_STATUS_LABELS[v.status]}.`);
    },
  }));
  const moveTo = (card: Card, status: MeasureStatus) => {
    if (card.status === status) return;
    if (status === "completed") setCompleting({ id: card.id, title: card.title });
    else move.mutate({ card, status });
  };
  return (
    <>
      <PageHeader
        title="Maßnahmen-Board"
        intro="Karten per Ziehen oder über die Auswahl „Status“ verschieben."
        actions={
          <>
            <A href="/massnahmen" class="button">
              Liste
            </A>
            <Show when={canCreateMeasures(props.me)}>
              <A href="/massnahmen/neu" class="button button-primary">
                Neue Maßnahme
              </A>
            </Show>
          </>
        }
      />
      <FilterBar label="Board filtern">
        <SelectField
          label="Organisationseinheit"
          options={withAll(orgUnitOptions(units.data ?? []))}
          value={unit()}
          onChange={(e) => setUnit(e.currentTarget.value)}
        />
        <label class="checkbox">
          <input type="checkbox" checked={mine()} onChange={(e) => setMine(e.currentTarget.checked)} /> nur
          meine
        </label>
      </FilterBar>
      <p class="visually-hidden" aria-live="polite" data-testid="board-announcement">
        {announcement()}
      </p>
      <Show when={move.isError}>
        <Alert kind="error">{errorMessage(move.error)}</Alert>
      </Show>
      <div class="board">
        <For each={MEASURE_STATUSES}>
          {(status) => (
            <Column
              me={props.me}
              status={status}
              orgUnitId={unit() || undefined}
              mine={mine()}
              dragging={dragging()}
              onDragStart={setDragging}
              onDrop={(card) => moveTo(card, status)}
              onMove={moveTo}
            />
          )}
        </For>
      </div>
      <CompleteDialog
        measure={completing()}
        onClose={() => setCompleting(null)}
        onDone={() => setAnnouncement(`„${completing()?.title}“ ist jetzt abgeschlossen.`)}
      />
    </>
  );
}

function Column(props: {
  me: Me;
  status: MeasureStatus;
  orgUnitId?: string;
  mine: boolean;
  dragging: Card | null;
  onDragStart: (card: Card | null) => void;
  onDrop: (card: Card) => void;
  onMove: (card: Card, status: MeasureStatus) => void;
}) {
  const [over, setOver] = createSignal(false);
  const filter = () => ({
    statuses: [props.status],
    orgUnitId: props.orgUnitId,
    responsible: props.mine ? ("me" as const) : undefined,
    sort:
      props.status === "completed"
        ? ("completedOn" as const)
        : props.status === "discarded"
          ? ("updatedAt" as const)
          : ("plannedEnd" as const),
    page: 1,
    pageSize: COLUMN_SIZE[props.status],
  });
  const list = useQuery(() => ({
    queryKey: ["measures.list", "board", filter()],
    queryFn: () => trpc.measures.list.query(filter()),
  }));
  const today = berlinToday();
  const headingId = `column-${props.status}`;
  return (
    <section
      class="board-column"
      classList={{ "board-column-over": over() }}
      aria-labelledby={headingId}
      data-status={props.status}
      onDragOver={(e) => {
        if (!props.dragging) return;
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        if (props.dragging) props.onDrop(props.dragging);
        props.onDragStart(null);
      }}
    >
      <h2 id={headingId}>
        {MEASURE_STATUS_LABELS[props.status]} <span class="muted">({list.data?.total ?? "…"})</span>
      </h2>
      <QueryView query={list} isEmpty={(d) => d.items.length === 0} empty={<p class="muted">keine</p>}>
        {(data) => (
          <>
            <ul class="cards">
              <For each={data.items}>
                {(card) => {
                  const editable = () => canEditMeasure(props.me, card);
                  return (
                    <li
                      class="board-card"
                      draggable={editable() ? "true" : "false"}
                      data-measure={card.id}
                      onDragStart={(e) => {
                        e.dataTransfer?.setData("text/plain", card.id);
                        props.onDragStart(card);
                      }}
                      onDragEnd={() => props.onDragStart(null)}
                    >
                      <A href={`/massnahmen/${card.id}`} class="board-card-title">
                        {card.title}
                      </A>
                      <p class="board-card-meta">
                        {card.orgUnitCode ?? "gesamt"} · {card.responsibleName ?? "niemand"}
                        <br />
                        {card.status === "completed"
                          ? `abgeschlossen am ${formatDate(card.completedOn)}`
                          : `geplant bis ${formatDate(card.plannedEnd)}`}
                        <OverdueBadge when={isMeasureOverdue(card, today)} />
                      </p>
                      <Show when={editable()}>
                        <label class="board-card-move">
                          <span>Status</span>
                          <select
                            aria-label={`Status von „${card.title}“`}
                            value={card.status}
                            onChange={(e) => {
                              const next = e.currentTarget.value as MeasureStatus;
                              e.currentTarget.value = card.status;
                              props.onMove(card, next);
                            }}
                          >
                            <For each={MEASURE_STATUSES}>
                              {(s) => <option value={s}>{MEASURE_STATUS_LABELS[s]}</option>}
                            </For>
                          </select>
                        </label>
                      </Show>
                    </li>
                  );
                }}
              </For>
            </ul>
            <Show when={data.total > data.items.length}>
              <p class="muted">
                {data.total - data.items.length} weitere in der <A href="/massnahmen">Liste</A>.
              </p>
            </Show>
          </>
        )}
      </QueryView>
    </section>
  );
}
