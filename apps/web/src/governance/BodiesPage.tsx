// The Kommune's Gremien (Verwaltungsausschuss, Digitalisierungsrat, Lenkungskreis …): the list with chair, members
// and the last meeting, and for the CDO/PMO a form that creates one (members, meetings and Beschlüsse on its page).
import { A, useNavigate } from "@solidjs/router";
import { can, formatDate, MEETING_RHYTHM_LABELS, MEETING_RHYTHMS, type MeetingRhythm } from "@spatz/domain";
import { useMutation, useQuery } from "@tanstack/solid-query";
import { For, Show } from "solid-js";
import { createStore } from "solid-js/store";
import type { Me } from "../auth/session.ts";
import { fieldErrors, trpc } from "../lib/trpc.ts";
import { codeOptions, Form, SelectField, TextField } from "../ui/Field.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";
import { QueryView } from "../ui/QueryView.tsx";
import { EmptyState, MutationResult } from "../ui/states.tsx";
import { TableScroll } from "../ui/TableScroll.tsx";
import { TextAreaField } from "../ui/TextAreaField.tsx";
import { GovernanceNav, useRefreshGovernance } from "./common.tsx";

export function BodiesPage(props: { me: Me }) {
  const bodies = useQuery(() => ({
    queryKey: ["governance.bodies"],
    queryFn: () => trpc.governance.bodies.query(),
  }));
  return (
    <>
      <PageHeader
        title="Gremien und Beschlüsse"
        intro="Wer über IT und Digitalisierung entscheidet: die Gremien Ihrer Verwaltung, ihre Mitglieder, Sitzungen und Beschlüsse."
      />
      <GovernanceNav me={props.me} />
      <section class="card" aria-labelledby="bodies-title">
        <h2 id="bodies-title">Gremien</h2>
        <QueryView
          query={bodies}
          loadingLabel="Gremien werden geladen …"
          isEmpty={(rows) => rows.length === 0}
          empty={
            <EmptyState title="Noch kein Gremium angelegt.">
              {can(props.me.user.role, "governance.createBody")
                ? "Legen Sie unten z. B. den Digitalisierungsrat oder den Lenkungskreis an."
                : "Die Koordination (CDO/PMO) legt die Gremien an."}
            </EmptyState>
          }
        >
          {(rows) => (
            <TableScroll>
              <table class="table">
                <caption class="visually-hidden">Gremien der Verwaltung</caption>
                <thead>
                  <tr>
                    <th scope="col">Gremium</th>
                    <th scope="col">Vorsitz</th>
                    <th scope="col">Mitglieder</th>
                    <th scope="col">Rhythmus</th>
                    <th scope="col">Sitzungen</th>
                    <th scope="col">letzte Sitzung</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={rows}>
                    {(b) => (
                      <tr>
                        <th scope="row">
                          <A href={`/steuerung/gremien/${b.id}`}>{b.name}</A>
                          <Show when={b.purpose}>
                            <br />
                            <span class="muted">{b.purpose}</span>
                          </Show>
                        </th>
                        <td>{b.chairName ?? "–"}</td>
                        <td>{b.members}</td>
                        <td>{MEETING_RHYTHM_LABELS[b.rhythm]}</td>
                        <td>{b.meetings}</td>
                        <td>{b.lastMeetingOn ? formatDate(b.lastMeetingOn) : "–"}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </TableScroll>
          )}
        </QueryView>
      </section>
      <Show when={can(props.me.user.role, "governance.createBody")}>
        <NewBody />
      </Show>
    </>
  );
}

function NewBody() {
  const navigate = useNavigate();
  const refresh = useRefreshGovernance();
  const [v, setV] = createStore({ name: "", purpose: "", rhythm: "monthly" as MeetingRhythm });
  const create = useMutation(() => ({
    mutationFn: () => trpc.governance.createBody.mutate({ ...v, members: [] }),
    onSuccess: async (row) => {
      await refresh();
      navigate(`/steuerung/gremien/${row.id}`);
    },
  }));
  const errors = () => fieldErrors(create.error);
  return (
    <section class="card" aria-labelledby="new-body-title">
      <h2 id="new-body-title">Gremium anlegen</h2>
      <Form class="form form-grid" label="Gremium anlegen" onSubmit={() => create.mutate()}>
        <TextField
          label="Name"
          value={v.name}
          onInput={(e) => setV("name", e.currentTarget.value)}
          error={errors().name}
        />
        <SelectField
          label="Sitzungsrhythmus"
          value={v.rhythm}
          options={codeOptions(MEETING_RHYTHMS, MEETING_RHYTHM_LABELS)}
          onChange={(e) => setV("rhythm", e.currentTarget.value as MeetingRhythm)}
          error={errors().rhythm}
        />
        <TextAreaField
          label="Zweck und Aufgaben"
          value={v.purpose}
          onInput={(e) => setV("purpose", e.currentTarget.value)}
          error={errors().purpose}
        />
        <div>
          <button type="submit" class="button button-primary" disabled={create.isPending}>
            Gremium anlegen
          </button>
        </div>
      </Form>
      <MutationResult mutation={create} />
    </section>
  );
}
