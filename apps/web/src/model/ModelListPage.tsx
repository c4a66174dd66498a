// The state's maturity model versions: the published one, superseded ones, and the draft being prepared.
import { A, useNavigate } from "@solidjs/router";
import { can, formatDateTime, MODEL_STATUS_LABELS } from "@spatz/domain";
import { useMutation, useQuery } from "@tanstack/solid-query";
import { For, Show } from "solid-js";
import type { Me } from "../auth/session.ts";
import { errorMessage, trpc } from "../lib/trpc.ts";
import { PageHeader } from "../ui/PageHeader.tsx";
import { QueryView } from "../ui/QueryView.tsx";
import { Alert, EmptyState } from "../ui/states.tsx";
import { TableScroll } from "../ui/TableScroll.tsx";

export function ModelListPage(props: { me: Me }) {
  const navigate = useNavigate();
  const list = useQuery(() => ({
    queryKey: ["maturityModels.list"],
    queryFn: () => trpc.maturityModels.list.query(),
  }));
  const create = useMutation(() => ({
    mutationFn: () => trpc.maturityModels.createDraft.mutate(),
    onSuccess: (draft) => navigate(`/land/reifegradmodell/${draft.id}`),
  }));
  const hasDraft = () => (list.data ?? []).some((m) => m.status === "draft");
  return (
    <>
      <PageHeader
        title="Reifegradmodell"
        intro="Das Land gibt das Reifegradmodell vor. Veröffentlichte Versionen bleiben unverändert; Änderungen entstehen in einem Entwurf."
        actions={
          <Show when={can(props.me.user.role, "maturityModels.createDraft") && list.data && !hasDraft()}>
            <button
              type="button"
              class="button button-primary"
              disabled={create.isPending}
              onClick={() => create.mutate()}
            >
              Neuen Entwurf anlegen
            </button>
          </Show>
        }
      />
      <Show when={create.isError}>
        <Alert kind="error">{errorMessage(create.error)}</Alert>
      </Show>
      <QueryView
        query={list}
        isEmpty={(d) => d.length === 0}
        empty={<EmptyState title="Keine Modellversionen." />}
      >
        {(rows) => (
          <TableScroll>
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">Version</th>
                  <th scope="col">Name</th>
                  <th scope="col">Status</th>
                  <th scope="col">Veröffentlicht</th>
                  <th scope="col">
                    <span class="visually-hidden">Aktion</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                <For each={rows}>
                  {(m) => (
                    <tr data-version={m.version}>
                      <td>{m.version}</td>
                      <td>{m.name}</td>
                      <td>
                        <span class={`badge model-${m.status}`}>{MODEL_STATUS_LABELS[m.status]}</span>
                      </td>
                      <td>
                        {m.publishedAt ? `${formatDateTime(m.publishedAt)} (${m.publishedBy ?? ""})` : "–"}
                      </td>
                      <td>
                        <A href={`/land/reifegradmodell/${m.id}`}>
                          {m.status === "draft" && can(props.me.user.role, "maturityModels.saveDraft")
                            ? "Bearbeiten"
                            : "Ansehen"}
                          <span class="visually-hidden"> Version {m.version}</span>
                        </A>
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </TableScroll>
        )}
      </QueryView>
    </>
  );
}
