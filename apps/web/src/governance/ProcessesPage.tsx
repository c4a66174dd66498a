// The named governance processes (Projektanmeldung, IT-Beschaffung, Freigabe SOLL-Prozess …): owner, description,
// document, how often each is reviewed, and its reviews. A review counts as evidence for the process's criteria until
// the next one is due; an overdue review is flagged like an expiring criterion.
import { berlinToday, can, formatCountOf, formatDate } from "@spatz/domain";
import { useMutation, useQuery } from "@tanstack/solid-query";
import { createSignal, For, Show } from "solid-js";
import { createStore } from "solid-js/store";
import type { Me } from "../auth/session.ts";
import { fieldErrors, trpc } from "../lib/trpc.ts";
import { modelQuery } from "../maturity/queries.ts";
import { CriteriaPicker, criterionTitle } from "../measures/CriteriaPicker.tsx";
import { Form, SelectField, TextField } from "../ui/Field.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";
import { QueryView } from "../ui/QueryView.tsx";
import { EmptyState, MutationResult } from "../ui/states.tsx";
import { TableScroll } from "../ui/TableScroll.tsx";
import { TextAreaField } from "../ui/TextAreaField.tsx";
import { GovernanceNav, useRefreshGovernance } from "./common.tsx";

type Process = Awaited<ReturnType<typeof trpc.governance.processes.query>>[number];

export function ProcessesPage(props: { me: Me }) {
  const processes = useQuery(() => ({
    queryKey: ["governance.processes"],
    queryFn: () => trpc.governance.processes.query(),
  }));
  const model = useQuery(modelQuery);
  const [editing, setEditing] = createSignal<Process | null>(null);
  const canEdit = () => can(props.me.user.role, "governance.createProcess");
  return (
    <>
      <PageHeader
        title="Prozesse"
        intro="Die Steuerungsprozesse Ihrer Verwaltung, wer sie verantwortet und wann sie zuletzt überprüft wurden."
      />
      <GovernanceNav me={props.me} />
      <section class="card" aria-labelledby="processes-title">
        <h2 id="processes-title">Prozesse</h2>
        <QueryView
          query={processes}
          loadingLabel="Prozesse werden geladen …"
          isEmpty={(rows) => rows.length === 0}
          empty={<EmptyState title="Noch kein Prozess beschrieben." />}
        >
          {(rows) => (
            <TableScroll>
              <table class="table">
                <caption class="visually-hidden">Prozesse mit ihrer Überprüfung</caption>
                <thead>
                  <tr>
                    <th scope="col">Prozess</th>
                    <th scope="col">verantwortlich</th>
                    <th scope="col">Überprüfung</th>
                    <th scope="col">zuletzt überprüft</th>
                    <th scope="col">nächste Überprüfung</th>
                    <th scope="col">Nachweis für</th>
                    <Show when={canEdit()}>
                      <th scope="col">
                        <span class="visually-hidden">Aktionen</span>
                      </th>
                    </Show>
                  </tr>
                </thead>
                <tbody>
                  <For each={rows}>
                    {(p) => (
                      <tr>
                        <th scope="row">
                          {p.name}
                          <Show when={p.description}>
                            <br />
                            <span class="muted">{p.description}</span>
                          </Show>
                          <Show when={p.documentUrl}>
                            {(url) => (
                              <>
                                <br />
                                <a href={url()} rel="noopener noreferrer" target="_blank">
                                  Dokument öffnen
                                </a>
                              </>
                            )}
                          </Show>
                        </th>
                        <td>{p.ownerName || "–"}</td>
                        <td>alle {formatCountOf(p.reviewEveryMonths, "Monat", "Monate")}</td>
                        <td>
                          {p.lastReviewedOn ? formatDate(p.lastReviewedOn) : "noch nie"}
                          <Show when={p.reviewCount > 1}>
                            <span class="muted">
                              {" "}
                              ({formatCountOf(p.reviewCount, "Überprüfung", "Überprüfungen")})
                            </span>
                          </Show>
                        </td>
                        <td classList={{ "text-overdue": p.overdue }}>
                          {p.dueOn
                            ? p.overdue
                              ? `Überprüfung überfällig seit ${formatDate(p.dueOn)}`
                              : formatDate(p.dueOn)
                            : "Überprüfung fehlt"}
                        </td>
                        <td>
                          {p.criterionKeys.length > 0
                            ? p.criterionKeys.map((k) => criterionTitle(model.data?.model, k)).join("; ")
                            : "–"}
                        </td>
                        <Show when={canEdit()}>
                          <td>
                            <button type="button" class="button button-small" onClick={() => setEditing(p)}>
                              {p.name} bearbeiten
                            </button>
                          </td>
                        </Show>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </TableScroll>
          )}
        </QueryView>
      </section>
      <Show when={can(props.me.user.role, "governance.reviewProcess") && (processes.data?.length ?? 0) > 0}>
        <ReviewForm processes={processes.data ?? []} />
      </Show>
      <Show when={canEdit()}>
        <Show when={editing()} keyed fallback={<ProcessForm process={null} onDone={() => {}} />}>
          {(p) => <ProcessForm process={p} onDone={() => setEditing(null)} />}
        </Show>
      </Show>
    </>
  );
}

function ReviewForm(props: { processes: Process[] }) {
  const refresh = useRefreshGovernance();
  const blank = () => ({ processId: "", reviewedOn: berlinToday(), note: "" });
  const [v, setV] = createStore(blank());
  const review = useMutation(() => ({
    mutationFn: () => trpc.governance.reviewProcess.mutate(v),
    onSuccess: async () => {
      setV(blank());
      await refresh();
    },
  }));
  const errors = () => fieldErrors(review.error);
  return (
    <section class="card" aria-labelledby="review-title">
      <h2 id="review-title">Überprüfung erfassen</h2>
      <Form class="form form-grid" label="Überprüfung erfassen" onSubmit={() => review.mutate()}>
        <SelectField
          label="Prozess"
          value={v.processId}
          options={[
            { value: "", label: "bitte wählen" },
            ...props.processes.map((p) => ({ value: p.id, label: p.name })),
          ]}
          onChange={(e) => setV("processId", e.currentTarget.value)}
          error={errors().processId ? "Bitte einen Prozess wählen." : undefined}
        />
        <TextField
          label="überprüft am"
          type="date"
          value={v.reviewedOn}
          onInput={(e) => setV("reviewedOn", e.currentTarget.value)}
          error={errors().reviewedOn}
        />
        <TextAreaField
          label="Ergebnis der Überprüfung"
          value={v.note}
          onInput={(e) => setV("note", e.currentTarget.value)}
          error={errors().note}
        />
        <div>
          <button type="submit" class="button button-primary" disabled={review.isPending}>
            Überprüfung speichern
          </button>
        </div>
      </Form>
      <MutationResult
        mutation={review}
        success={
          review.data
            ? `Gespeichert. Die nächste Überprüfung ist am ${formatDate(review.data.validUntil)} fällig.`
            : ""
        }
      />
    </section>
  );
}

function ProcessForm(props: { process: Process | null; onDone: () => void }) {
  const refresh = useRefreshGovernance();
  const model = useQuery(modelQuery);
  const initial = () => ({
    name: props.process?.name ?? "",
    ownerName: props.process?.ownerName ?? "",
    description: props.process?.description ?? "",
    documentUrl: props.process?.documentUrl ?? "",
    reviewEveryMonths: String(props.process?.reviewEveryMonths ?? 12),
    criterionKeys: [...(props.process?.criterionKeys ?? [])],
  });
  const [v, setV] = createStore(initial());
  const save = useMutation(() => ({
    mutationFn: () => {
      const values = {
        ...v,
        documentUrl: v.documentUrl || null,
        reviewEveryMonths: Number(v.reviewEveryMonths),
      };
      return props.process
        ? trpc.governance.updateProcess.mutate({ id: props.process.id, ...values })
        : trpc.governance.createProcess.mutate(values);
    },
    onSuccess: async () => {
      if (!props.process) setV(initial());
      await refresh();
      props.onDone();
    },
  }));
  const errors = () => fieldErrors(save.error);
  const title = () => (props.process ? `Prozess „${props.process.name}“ bearbeiten` : "Prozess beschreiben");
  return (
    <section class="card" aria-labelledby="process-form-title">
      <h2 id="process-form-title">{title()}</h2>
      <Form class="form" label={title()} onSubmit={() => save.mutate()}>
        <div class="form-grid">
          <TextField
            label="Name des Prozesses"
            value={v.name}
            onInput={(e) => setV("name", e.currentTarget.value)}
            error={errors().name}
          />
          <TextField
            label="Prozessverantwortlich"
            value={v.ownerName}
            onInput={(e) => setV("ownerName", e.currentTarget.value)}
            error={errors().ownerName}
          />
          <TextField
            label="Überprüfung alle … Monate"
            type="number"
            min="1"
            max="60"
            inputMode="numeric"
            value={v.reviewEveryMonths}
            onInput={(e) => setV("reviewEveryMonths", e.currentTarget.value)}
            error={errors().reviewEveryMonths}
          />
          <TextField
            label="Link zum Dokument"
            type="url"
            value={v.documentUrl}
            onInput={(e) => setV("documentUrl", e.currentTarget.value)}
            error={errors().documentUrl}
          />
        </div>
        <TextAreaField
          label="Beschreibung"
          value={v.description}
          onInput={(e) => setV("description", e.currentTarget.value)}
          error={errors().description}
        />
        <Show when={model.data}>
          {(m) => (
            <CriteriaPicker
              model={m().model}
              selected={v.criterionKeys}
              onChange={(keys) => setV("criterionKeys", keys)}
              error={errors().criterionKeys}
              hint="Für welche Kriterien ist der überprüfte Prozess der Nachweis? Jede Überprüfung zählt, bis die nächste fällig ist."
            />
          )}
        </Show>
        <div class="actions">
          <button type="submit" class="button button-primary" disabled={save.isPending}>
            {props.process ? "Änderungen speichern" : "Prozess anlegen"}
          </button>
          <Show when={props.process}>
            <button type="button" class="button" onClick={() => props.onDone()}>
              Abbrechen
            </button>
          </Show>
        </div>
      </Form>
      <MutationResult mutation={save} />
    </section>
  );
}
