// "Vergleich: was wir teilen" (Verwaltung): a Kommune's choice to show its maturity figures by name to the Land and,
// separately, to other Kommunen. Its Verwaltungsführung or Administration changes it (audited, revocable at any
// time); everyone else sees what is shared. The page lists exactly which figures that is.
import { formatDateTime } from "@spatz/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/solid-query";
import { createSignal, For, Show } from "solid-js";
import type { Me } from "../auth/session.ts";
import { errorMessage, trpc } from "../lib/trpc.ts";
import { PageHeader } from "../ui/PageHeader.tsx";
import { QueryView } from "../ui/QueryView.tsx";
import { Alert } from "../ui/states.tsx";

type Sharing = Awaited<ReturnType<typeof trpc.benchmark.sharing.query>>;

export function SharingPage(props: { me: Me }) {
  const sharing = useQuery(() => ({
    queryKey: ["benchmark.sharing"],
    queryFn: () => trpc.benchmark.sharing.query(),
  }));
  // Kept here: the form is rebuilt with the reloaded choice after saving.
  const [notice, setNotice] = createSignal<string | null>(null);
  return (
    <>
      <PageHeader
        title="Vergleich: was Ihre Kommune teilt"
        intro={`Gruppenwerte (mindestens k Kommunen) entstehen immer. Namentlich sieht man die Werte von ${props.me.tenant.name} nur, wenn Sie es hier erlauben – und nur so lange, wie Sie es erlauben.`}
      />
      <Show when={notice()}>
        <Alert kind="success">{notice()}</Alert>
      </Show>
      <QueryView query={sharing}>{(s) => <SharingForm sharing={s} onSaved={setNotice} />}</QueryView>
    </>
  );
}

function SharingForm(props: { sharing: Sharing; onSaved: (notice: string | null) => void }) {
  const client = useQueryClient();
  const [withLand, setWithLand] = createSignal(props.sharing.withLand);
  const [withKommunen, setWithKommunen] = createSignal(props.sharing.withKommunen);
  const save = useMutation(() => ({
    mutationFn: () =>
      trpc.benchmark.setSharing.mutate({ withLand: withLand(), withKommunen: withKommunen() }),
    onSuccess: async () => {
      props.onSaved("Gespeichert. Die Änderung gilt sofort.");
      await client.invalidateQueries({ queryKey: ["benchmark.sharing"] });
    },
  }));
  const changed = () =>
    withLand() !== props.sharing.withLand || withKommunen() !== props.sharing.withKommunen;
  return (
    <>
      <section aria-labelledby="shared-what">
        <h2 id="shared-what">Was geteilt wird</h2>
        <ul>
          <For each={props.sharing.whatIsShared}>{(line) => <li>{line}</li>}</For>
        </ul>
        <Show when={props.sharing.changedAt}>
          <p class="muted">
            Zuletzt geändert am {formatDateTime(props.sharing.changedAt)} von {props.sharing.changedBy ?? "–"}
            .
          </p>
        </Show>
      </section>
      <form
        class="form"
        aria-label="Namentlich teilen"
        onSubmit={(e) => {
          e.preventDefault();
          props.onSaved(null);
          save.mutate();
        }}
      >
        <fieldset disabled={!props.sharing.canChange}>
          <legend>Namentlich teilen</legend>
          <label class="checkbox">
            <input
              type="checkbox"
              checked={withLand()}
              onChange={(e) => setWithLand(e.currentTarget.checked)}
            />
            mit dem Land (Landes-PMO und Landesadministration)
          </label>
          <label class="checkbox">
            <input
              type="checkbox"
              checked={withKommunen()}
              onChange={(e) => setWithKommunen(e.currentTarget.checked)}
            />
            mit anderen Kommunen (die ebenfalls teilen oder nicht)
          </label>
        </fieldset>
        <Show
          when={props.sharing.canChange}
          fallback={<p class="muted">Ändern können es die Verwaltungsführung und die Administration.</p>}
        >
          <button type="submit" class="button" disabled={!changed() || save.isPending}>
            Speichern
          </button>
        </Show>
        <Show when={save.isError}>
          <Alert kind="error">{errorMessage(save.error)}</Alert>
        </Show>
      </form>
    </>
  );
}
