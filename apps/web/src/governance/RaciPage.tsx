// The RACI matrix of the Kommune: decision areas × roles or Gremien, each cell R, A, C or I. The version in force is
// shown (and printable); the CDO/PMO edits a draft and publishes it – from that day it is evidence for the criteria it
// names. Every area needs exactly one A before publishing.
import {
  can,
  formatDate,
  RACI_CODE_LABELS,
  RACI_CODES,
  type RaciCode,
  type RaciMatrix,
  raciProblems,
} from "@spatz/domain";
import { useMutation, useQuery } from "@tanstack/solid-query";
import { createSignal, For, Show } from "solid-js";
import { createStore, produce } from "solid-js/store";
import type { Me } from "../auth/session.ts";
import { errorMessage, fieldErrors, trpc } from "../lib/trpc.ts";
import { modelQuery } from "../maturity/queries.ts";
import { CriteriaPicker, criterionTitle } from "../measures/CriteriaPicker.tsx";
import { ConfirmButton } from "../ui/ConfirmButton.tsx";
import { Form, SelectField, TextField } from "../ui/Field.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";
import { QueryView } from "../ui/QueryView.tsx";
import { Alert, EmptyState, MutationResult } from "../ui/states.tsx";
import { TableScroll } from "../ui/TableScroll.tsx";
import { GovernanceNav, useRefreshGovernance } from "./common.tsx";

type Raci = Awaited<ReturnType<typeof trpc.governance.raci.query>>;

/** A start for a Kommune without a matrix: the seed's areas and the usual parties. */
const STARTER: RaciMatrix = {
  areas: [
    "Digitalstrategie",
    "Projektanmeldung und Priorisierung",
    "IT-Beschaffung",
    "Freigabe SOLL-Prozess",
  ],
  parties: ["Verwaltungsführung", "Digitalisierungsrat", "CDO / PMO", "Fachbereich"],
  cells: [
    ["A", "C", "R", "I"],
    ["I", "A", "R", "C"],
    ["I", "C", "A", "R"],
    ["I", "I", "C", "A"],
  ],
};

export function RaciPage(props: { me: Me }) {
  const raci = useQuery(() => ({
    queryKey: ["governance.raci"],
    queryFn: () => trpc.governance.raci.query(),
  }));
  const model = useQuery(modelQuery);
  const canEdit = () => can(props.me.user.role, "governance.saveRaciDraft");
  return (
    <>
      <PageHeader
        title="RACI-Matrix"
        intro="Wer in welchen Entscheidungsbereichen durchführt (R), entscheidet (A), beteiligt wird (C) und informiert wird (I)."
      />
      <GovernanceNav me={props.me} />
      <QueryView query={raci} loadingLabel="RACI-Matrix wird geladen …">
        {(data) => (
          <>
            <section class="card raci-current" aria-labelledby="raci-current-title">
              <h2 id="raci-current-title">
                {data.current ? `Geltende Fassung ${data.current.version}` : "Geltende Fassung"}
              </h2>
              <Show
                when={data.current}
                fallback={
                  <EmptyState title="Noch keine RACI-Matrix veröffentlicht.">
                    {canEdit() ? "Legen Sie unten einen Entwurf an und veröffentlichen Sie ihn." : ""}
                  </EmptyState>
                }
              >
                {(current) => (
                  <>
                    <p>
                      Veröffentlicht am {formatDate(current().publishedOn)} von {current().publishedByName}
                      <Show when={current().decision}>
                        {(d) => (
                          <>
                            , beschlossen mit {d().number}: {d().title}
                          </>
                        )}
                      </Show>
                      .
                    </p>
                    <MatrixTable
                      matrix={current().matrix}
                      caption={`RACI-Matrix, Fassung ${current().version}`}
                    />
                    <Legend />
                    <Show when={current().criterionKeys.length > 0}>
                      <p>
                        Nachweis für:{" "}
                        {current()
                          .criterionKeys.map((k) => criterionTitle(model.data?.model, k))
                          .join("; ")}
                      </p>
                    </Show>
                    <button type="button" class="button no-print" onClick={() => window.print()}>
                      Drucken
                    </button>
                  </>
                )}
              </Show>
              <Show when={data.history.length > 1}>
                <details class="no-print">
                  <summary>Frühere Fassungen</summary>
                  <ul>
                    <For each={data.history.slice(1)}>
                      {(h) => (
                        <li>
                          Fassung {h.version}, veröffentlicht am {formatDate(h.publishedOn)} von{" "}
                          {h.publishedByName}
                        </li>
                      )}
                    </For>
                  </ul>
                </details>
              </Show>
            </section>
          </>
        )}
      </QueryView>
      {/* Outside the query's view: a refetch after saving must not rebuild the editor and lose its messages. */}
      <Show when={canEdit() && raci.data}>{(data) => <DraftEditor data={data()} />}</Show>
    </>
  );
}

function Legend() {
  return (
    <dl class="raci-legend">
      <For each={RACI_CODES}>
        {(code) => (
          <div>
            <dt>{code}</dt>
            <dd>{RACI_CODE_LABELS[code]}</dd>
          </div>
        )}
      </For>
    </dl>
  );
}

function MatrixTable(props: { matrix: RaciMatrix; caption: string }) {
  return (
    <TableScroll>
      <table class="table raci-matrix">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">Entscheidungsbereich</th>
            <For each={props.matrix.parties}>{(p) => <th scope="col">{p}</th>}</For>
          </tr>
        </thead>
        <tbody>
          <For each={props.matrix.areas}>
            {(area, i) => (
              <tr>
                <th scope="row">{area}</th>
                <For each={props.matrix.parties}>
                  {(_, j) => {
                    const code = () => props.matrix.cells[i()]?.[j()] ?? "";
                    return (
                      <td class={code() ? `raci-cell raci-${code()}` : "raci-cell"}>
                        <abbr title={code() ? RACI_CODE_LABELS[code() as RaciCode] : "nicht beteiligt"}>
                          {code() || "–"}
                        </abbr>
                      </td>
                    );
                  }}
                </For>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </TableScroll>
  );
}

function DraftEditor(props: { data: Raci }) {
  const refresh = useRefreshGovernance();
  const model = useQuery(modelQuery);
  const decisions = useQuery(() => ({
    queryKey: ["governance.decisionOptions"],
    queryFn: () => trpc.governance.decisionOptions.query(),
  }));
  const source = props.data.draft ?? props.data.current;
  const [v, setV] = createStore({
    matrix: structuredClone(source?.matrix ?? STARTER) as RaciMatrix,
    criterionKeys: [...(source?.criterionKeys ?? [])],
    decisionId: source?.decisionId ?? "",
  });
  const save = useMutation(() => ({
    mutationFn: () =>
      trpc.governance.saveRaciDraft.mutate({
        matrix: v.matrix,
        criterionKeys: v.criterionKeys,
        decisionId: v.decisionId || null,
      }),
    onSuccess: () => refresh(),
  }));
  const publish = useMutation(() => ({
    mutationFn: async () => {
      await trpc.governance.saveRaciDraft.mutate({
        matrix: v.matrix,
        criterionKeys: v.criterionKeys,
        decisionId: v.decisionId || null,
      });
      return trpc.governance.publishRaci.mutate();
    },
    onSuccess: () => refresh(),
  }));
  const discard = useMutation(() => ({
    mutationFn: () => trpc.governance.discardRaciDraft.mutate(),
    onSuccess: () => refresh(),
  }));
  const errors = () => fieldErrors(save.error ?? publish.error);
  const problems = () => raciProblems(v.matrix);
  const addArea = (name: string) =>
    setV(
      produce((s) => {
        s.matrix.areas.push(name);
        s.matrix.cells.push(s.matrix.parties.map(() => ""));
      }),
    );
  const addParty = (name: string) =>
    setV(
      produce((s) => {
        s.matrix.parties.push(name);
        for (const row of s.matrix.cells) row.push("");
      }),
    );
  const removeArea = (i: number) =>
    setV(
      produce((s) => {
        s.matrix.areas.splice(i, 1);
        s.matrix.cells.splice(i, 1);
      }),
    );
  const removeParty = (j: number) =>
    setV(
      produce((s) => {
        s.matrix.parties.splice(j, 1);
        for (const row of s.matrix.cells) row.splice(j, 1);
      }),
    );
  return (
    <section class="card no-print" aria-labelledby="raci-draft-title">
      <h2 id="raci-draft-title">
        {props.data.draft ? `Entwurf der Fassung ${props.data.draft.version}` : "Neue Fassung entwerfen"}
      </h2>
      <p class="muted">
        Wählen Sie je Bereich und Beteiligten R, A, C oder I. Jeder Bereich braucht genau ein A.
        Veröffentlicht gilt die Matrix ab heute; eine veröffentlichte Fassung wird nicht mehr geändert.
      </p>
      <Form class="form" label="Entwurf der RACI-Matrix" onSubmit={() => save.mutate()}>
        <TableScroll>
          <table class="table raci-matrix">
            <caption>Entwurf: Entscheidungsbereiche (Zeilen) und Beteiligte (Spalten)</caption>
            <thead>
              <tr>
                <th scope="col">Entscheidungsbereich</th>
                <For each={v.matrix.parties}>
                  {(p, j) => (
                    <th scope="col">
                      {p}{" "}
                      <button type="button" class="button button-small" onClick={() => removeParty(j())}>
                        {p} entfernen
                      </button>
                    </th>
                  )}
                </For>
              </tr>
            </thead>
            <tbody>
              <For each={v.matrix.areas}>
                {(area, i) => (
                  <tr>
                    <th scope="row">
                      {area}{" "}
                      <button type="button" class="button button-small" onClick={() => removeArea(i())}>
                        {area} entfernen
                      </button>
                    </th>
                    <For each={v.matrix.parties}>
                      {(party, j) => (
                        <td>
                          <SelectField
                            label={`${area} – ${party}`}
                            value={v.matrix.cells[i()]?.[j()] ?? ""}
                            options={[
                              { value: "", label: "–" },
                              ...RACI_CODES.map((c) => ({ value: c, label: c })),
                            ]}
                            onChange={(e) =>
                              setV("matrix", "cells", i(), j(), e.currentTarget.value as RaciCode | "")
                            }
                          />
                        </td>
                      )}
                    </For>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </TableScroll>
        <Show when={errors().matrix}>
          <p class="field-error">{errors().matrix}</p>
        </Show>
        <div class="form-inline">
          <AddField label="Neuer Entscheidungsbereich" button="Bereich hinzufügen" onAdd={addArea} />
          <AddField label="Neue Rolle oder neues Gremium" button="Beteiligte hinzufügen" onAdd={addParty} />
        </div>
        <SelectField
          label="Beschlossen mit"
          hint="Der Beschluss, mit dem ein Gremium die Matrix in Kraft setzt (falls vorhanden)."
          value={v.decisionId}
          options={[
            { value: "", label: "kein Beschluss" },
            ...(decisions.data ?? []).map((d) => ({
              value: d.id,
              label: `${d.number}: ${d.title} (${d.bodyName}, ${formatDate(d.heldOn)})`,
            })),
          ]}
          onChange={(e) => setV("decisionId", e.currentTarget.value)}
          error={errors().decisionId}
        />
        <Show when={model.data}>
          {(m) => (
            <CriteriaPicker
              model={m().model}
              selected={v.criterionKeys}
              onChange={(keys) => setV("criterionKeys", keys)}
              error={errors().criterionKeys}
              hint="Für welche Kriterien ist die veröffentlichte Matrix der Nachweis? Sie zählt ab dem Tag der Veröffentlichung."
            />
          )}
        </Show>
        <Show when={problems().length > 0}>
          <Alert kind="info">Noch nicht veröffentlichungsreif: {problems().join(" ")}</Alert>
        </Show>
        <div class="actions">
          <button type="submit" class="button" disabled={save.isPending}>
            Entwurf speichern
          </button>
          <button
            type="button"
            class="button button-primary"
            disabled={publish.isPending || problems().length > 0}
            onClick={() => publish.mutate()}
          >
            Veröffentlichen
          </button>
          <Show when={props.data.draft}>
            <ConfirmButton
              class="button button-danger"
              disabled={discard.isPending}
              question="Den Entwurf verwerfen?"
              onConfirm={() => discard.mutate()}
            >
              Entwurf verwerfen
            </ConfirmButton>
          </Show>
        </div>
      </Form>
      <MutationResult mutation={save} success="Der Entwurf ist gespeichert." />
      <Show when={publish.isSuccess && publish.data}>
        {(p) => (
          <Alert kind="success">
            Fassung {p().version} ist veröffentlicht und gilt seit {formatDate(p().publishedOn)}.
          </Alert>
        )}
      </Show>
      <Show when={publish.isError && !errors().matrix}>
        <Alert kind="error">{errorMessage(publish.error)}</Alert>
      </Show>
      <Show when={discard.isError}>
        <Alert kind="error">{errorMessage(discard.error)}</Alert>
      </Show>
    </section>
  );
}

/** A name to add to the matrix (a row or a column): by its button or by Enter, which would otherwise submit the form. */
function AddField(props: { label: string; button: string; onAdd: (name: string) => void }) {
  const [name, setName] = createSignal("");
  const add = () => {
    if (!name().trim()) return;
    props.onAdd(name().trim());
    setName("");
  };
  return (
    <>
      <TextField
        label={props.label}
        value={name()}
        onInput={(e) => setName(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            add();
          }
        }}
      />
      <button type="button" class="button" onClick={add}>
        {props.button}
      </button>
    </>
  );
}
