// Bulk change of the Kommune's records ("alle Leistungen des Themenfelds X: in Planung, Weg EfA-Marktplatz"): a
// preview first (which records change, which stay because they are further along), then all or nothing.
import { formatCountOf } from "@spatz/domain";
import { useMutation, useQueryClient } from "@tanstack/solid-query";
import { createSignal, For, Show } from "solid-js";
import { errorMessage, fieldErrors, trpc } from "../../lib/trpc.ts";
import { codeOptions, Form, SelectField, TextField } from "../../ui/Field.tsx";
import { Alert } from "../../ui/states.tsx";
import { formatCount } from "../format.ts";
import { type ReuseRoute, reuseRouteLabels, reuseRoutes, rolloutStatusLabels } from "../labels.ts";

type Preview = Awaited<ReturnType<typeof trpc.rollout.bulkUpdate.mutate>>;

export function BulkForm(props: { themenfelder: { id: string; name: string }[] }) {
  const client = useQueryClient();
  const [themenfeld, setThemenfeld] = createSignal("");
  const [onlyNotStarted, setOnlyNotStarted] = createSignal(true);
  const [status, setStatus] = createSignal("planning");
  const [route, setRoute] = createSignal("");
  const [planned, setPlanned] = createSignal("");
  const [preview, setPreview] = createSignal<Preview | null>(null);
  const input = (dryRun: boolean) => ({
    themenfeldId: themenfeld() || undefined,
    onlyStatuses: onlyNotStarted() ? (["not_started"] as const).slice() : undefined,
    status: (status() || undefined) as "planning" | "implementing" | "online" | undefined,
    reuseRoute: (route() || undefined) as ReuseRoute | undefined,
    plannedOnline: planned() || undefined,
    dryRun,
    expectedCount: dryRun ? undefined : preview()?.changed.length,
  });
  const check = useMutation(() => ({
    mutationFn: () => trpc.rollout.bulkUpdate.mutate(input(true)),
    onSuccess: (r) => setPreview(r),
    onError: () => setPreview(null),
  }));
  const apply = useMutation(() => ({
    mutationFn: () => trpc.rollout.bulkUpdate.mutate(input(false)),
    onSuccess: () => {
      setPreview(null);
      client.invalidateQueries({ queryKey: ["rollout.board"] });
      client.invalidateQueries({ queryKey: ["rollout.kommuneSummary"] });
    },
  }));
  const errors = () => fieldErrors(check.error ?? apply.error);
  const changed = () => {
    setPreview(null);
    apply.reset();
  };
  return (
    <section class="card" aria-labelledby="bulk-title">
      <h2 id="bulk-title">Sammeländerung</h2>
      <p class="muted">
        Zum Beispiel: alle Leistungen eines Themenfelds auf »in Planung« mit dem Weg »EfA-Marktplatz«.
        Leistungen, die schon weiter sind oder als »nicht zuständig« markiert sind, bleiben unverändert.
      </p>
      <Form class="form form-inline" onSubmit={() => check.mutate()}>
        <SelectField
          label="Themenfeld"
          value={themenfeld()}
          error={errors().themenfeldId}
          onChange={(e) => {
            setThemenfeld(e.currentTarget.value);
            changed();
          }}
          options={[
            { value: "", label: "– bitte wählen –" },
            ...props.themenfelder.map((t) => ({ value: t.id, label: t.name })),
          ]}
        />
        <SelectField
          label="Neuer Status"
          value={status()}
          error={errors().status}
          onChange={(e) => {
            setStatus(e.currentTarget.value);
            changed();
          }}
          options={[
            { value: "", label: "unverändert" },
            { value: "planning", label: rolloutStatusLabels.planning },
            { value: "implementing", label: rolloutStatusLabels.implementing },
            { value: "online", label: rolloutStatusLabels.online },
          ]}
        />
        <SelectField
          label="Nachnutzungsweg"
          value={route()}
          error={errors().reuseRoute}
          onChange={(e) => {
            setRoute(e.currentTarget.value);
            changed();
          }}
          options={[{ value: "", label: "unverändert" }, ...codeOptions(reuseRoutes, reuseRouteLabels)]}
        />
        <TextField
          label="Geplanter Go-live"
          type="date"
          value={planned()}
          error={errors().plannedOnline}
          onInput={(e) => {
            setPlanned(e.currentTarget.value);
            changed();
          }}
        />
        <div class="checkbox-field">
          <input
            id="bulk-only"
            type="checkbox"
            checked={onlyNotStarted()}
            onChange={(e) => {
              setOnlyNotStarted(e.currentTarget.checked);
              changed();
            }}
          />
          <label for="bulk-only">nur nicht begonnene Leistungen</label>
        </div>
        <button type="submit" class="button" disabled={check.isPending}>
          Vorschau
        </button>
      </Form>
      <Show when={(check.isError || apply.isError) && Object.keys(errors()).length === 0}>
        <Alert kind="error">{errorMessage(apply.error ?? check.error)}</Alert>
      </Show>
      <Show when={apply.isSuccess && apply.data}>
        {(r) => (
          <Alert kind="success">
            {r().changed.length === 1
              ? "1 Leistung wurde geändert."
              : `${formatCount(r().changed.length)} Leistungen wurden geändert.`}
          </Alert>
        )}
      </Show>
      <Show when={preview()}>
        {(p) => (
          <div aria-live="polite">
            <p>
              <strong>{formatCount(p().changed.length)}</strong> Leistungen werden geändert,{" "}
              {formatCount(p().skipped.length)} bleiben unverändert.
            </p>
            <details>
              <summary>Welche Leistungen?</summary>
              <ul>
                <For each={p().changed}>
                  {(c) => (
                    <li>
                      {c.name}: {rolloutStatusLabels[c.from]} → {rolloutStatusLabels[c.to]}
                    </li>
                  )}
                </For>
                <For each={p().skipped}>
                  {(c) => (
                    <li>
                      {c.name}: {c.reason}
                    </li>
                  )}
                </For>
              </ul>
            </details>
            <button
              type="button"
              class="button button-primary"
              disabled={apply.isPending || p().changed.length === 0}
              onClick={() => apply.mutate()}
            >
              {formatCountOf(p().changed.length, "Leistung", "Leistungen")} ändern
            </button>
          </div>
        )}
      </Show>
    </section>
  );
}
