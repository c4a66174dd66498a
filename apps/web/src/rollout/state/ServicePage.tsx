// One OZG-Leistung: catalogue facts, the derived responsibility with its reason, the state PMO's correction (who,
// when, why) and its fields (EfA availability, providing Land, since when, priority, maturity level, notes).
import { A, useParams } from "@solidjs/router";
import { berlinToday, can, formatDate, formatDateTime } from "@spatz/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/solid-query";
import { createSignal, For, Show } from "solid-js";
import type { Me } from "../../auth/session.ts";
import { fieldErrors, trpc } from "../../lib/trpc.ts";
import { codeOptions, Form, SelectField, TextField } from "../../ui/Field.tsx";
import { PageHeader } from "../../ui/PageHeader.tsx";
import { QueryView } from "../../ui/QueryView.tsx";
import { Alert, MutationResult } from "../../ui/states.tsx";
import { TableScroll } from "../../ui/TableScroll.tsx";
import {
  type KommuneKind,
  kommuneKindLabels,
  kommuneKinds,
  ozgMaturityLevelLabels,
  providers,
  type ServicePriority,
  servicePriorities,
  servicePriorityLabels,
} from "../labels.ts";
import { drillHref, StateTabs } from "../ui.tsx";
import { kindsText } from "./CataloguePage.tsx";
import { ForecastSection } from "./ForecastSection.tsx";

type Service = Awaited<ReturnType<typeof trpc.rollout.service.query>>;

export function ServicePage(props: { me: Me }) {
  const params = useParams<{ id: string }>();
  const service = useQuery(() => ({
    queryKey: ["rollout.service", params.id],
    queryFn: () => trpc.rollout.service.query({ id: params.id }),
  }));
  // Kept here: the forms are rebuilt with the reloaded service after saving.
  const [notice, setNotice] = createSignal<string | null>(null);
  return (
    <>
      <PageHeader title={service.data ? `${service.data.name} (${service.data.id})` : "OZG-Leistung"} />
      <StateTabs me={props.me} />
      <QueryView query={service}>
        {(s) => (
          <>
            <p>
              <A href="/land/katalog">Zurück zum Katalog</A>
              {/* The records of every Kommune are the state's view; a Kommune reads the catalogue only. */}
              <Show when={can(props.me.user.role, "rollout.drilldown")}>
                {" · "}
                <A href={drillHref({ serviceId: s.id })}>Stand in den Kommunen</A>
              </Show>
            </p>
            <dl class="facts">
              <dt>Themenfeld</dt>
              <dd>{s.themenfeld}</dd>
              <dt>Lebens-/Unternehmenslage</dt>
              <dd>{s.lage}</dd>
              <dt>Im Katalog</dt>
              <dd>{s.inCatalogue ? "ja" : "nein (in der letzten Katalogversion nicht mehr enthalten)"}</dd>
              <dt>LeiKa-Typen</dt>
              <dd>{s.leikaTypes.join(", ") || "–"}</dd>
              <dt>Abgeleitete Zuständigkeit</dt>
              <dd>
                {kindsText(s.derivedMunicipal, s.derivedKinds)}
                <br />
                <span class="muted">{s.derivedReason}</span>
              </dd>
              <dt>Gilt</dt>
              <dd>
                {kindsText(s.municipalExecution, s.responsibleKinds)}
                {s.overrideMunicipal !== null
                  ? ` – korrigiert von ${s.overrideBy ?? "?"} am ${formatDateTime(s.overrideAt)}: ${s.overrideReason ?? ""}`
                  : " – wie abgeleitet"}
              </dd>
            </dl>
            <Show when={notice()}>
              <Alert kind="success">{notice()}</Alert>
            </Show>
            <div class="two-columns">
              <ServiceInfoForm
                service={s}
                canEdit={can(props.me.user.role, "rollout.updateServiceInfo")}
                onSaved={setNotice}
              />
              <ResponsibilityForm
                service={s}
                canEdit={can(props.me.user.role, "rollout.correctResponsibility")}
                onSaved={setNotice}
              />
            </div>
            <Show when={s.municipalExecution && can(props.me.user.role, "rollout.forecast")}>
              <ForecastSection
                scope={{ serviceId: s.id }}
                title="Wann ist die Leistung flächendeckend online? (Prognose)"
                current={berlinToday().slice(0, 7)}
              />
            </Show>
            <h2>LeiKa-Leistungen ({s.leika.length})</h2>
            <TableScroll>
              <table class="table">
                <caption class="visually-hidden">LeiKa-Leistungen der OZG-Leistung</caption>
                <thead>
                  <tr>
                    <th scope="col">LeiKa-Schlüssel</th>
                    <th scope="col">Bezeichnung</th>
                    <th scope="col">LeiKa-Typ</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={s.leika}>
                    {(l) => (
                      <tr>
                        <td>{l.key ?? "nicht im LeiKa"}</td>
                        <td>{l.name}</td>
                        <td>{l.type ?? "–"}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </TableScroll>
          </>
        )}
      </QueryView>
    </>
  );
}

function ServiceInfoForm(props: { service: Service; canEdit: boolean; onSaved: (notice: string) => void }) {
  const client = useQueryClient();
  const s = props.service;
  const [efa, setEfa] = createSignal(s.efaAvailable);
  const [land, setLand] = createSignal(s.efaProvidingLand ?? "");
  const [since, setSince] = createSignal(s.efaSince ?? "");
  const [priority, setPriority] = createSignal(s.priority ?? "");
  const [model, setModel] = createSignal(s.maturityModel ?? "");
  const [level, setLevel] = createSignal(s.maturityLevel === null ? "" : String(s.maturityLevel));
  const [notes, setNotes] = createSignal(s.notes ?? "");
  const save = useMutation(() => ({
    mutationFn: () =>
      trpc.rollout.updateServiceInfo.mutate({
        serviceId: s.id,
        efaAvailable: efa(),
        efaProvidingLand: efa() && land() ? (land() as (typeof providers)[number]) : null,
        efaSince: efa() && since() ? since() : null,
        priority: (priority() || null) as ServicePriority | null,
        maturityModel: model() || null,
        maturityLevel: level() === "" ? null : Number(level()),
        notes: notes() || null,
      }),
    onSuccess: () => {
      props.onSaved("Die Angaben wurden gespeichert.");
      client.invalidateQueries({ queryKey: ["rollout.service", s.id] });
    },
  }));
  const errors = () => fieldErrors(save.error);
  return (
    <section class="card" aria-labelledby="pmo-title">
      <h2 id="pmo-title">Angaben des Landes-PMO</h2>
      <Show when={s.pmoUpdatedAt}>
        <p class="muted">
          Zuletzt geändert von {s.pmoUpdatedBy} am {formatDateTime(s.pmoUpdatedAt)}
        </p>
      </Show>
      <Form onSubmit={() => save.mutate()}>
        <fieldset class="field" disabled={!props.canEdit}>
          <legend>EfA-Verfügbarkeit</legend>
          <div class="checkbox-field">
            <input
              id="efa"
              type="checkbox"
              checked={efa()}
              onChange={(e) => setEfa(e.currentTarget.checked)}
            />
            <label for="efa">Als EfA-Dienst angeboten (EfA-Marktplatz)</label>
          </div>
          <Show when={errors().efaAvailable}>
            <p class="field-error">{errors().efaAvailable}</p>
          </Show>
          <SelectField
            label="Bereitstellendes Land"
            value={land()}
            disabled={!efa()}
            onChange={(e) => setLand(e.currentTarget.value)}
            error={errors().efaProvidingLand}
            options={[
              { value: "", label: "– bitte wählen –" },
              ...providers.map((p) => ({ value: p, label: p })),
            ]}
          />
          <TextField
            label="Angeboten seit"
            type="date"
            value={since()}
            disabled={!efa()}
            onInput={(e) => setSince(e.currentTarget.value)}
            error={errors().efaSince}
          />
        </fieldset>
        <SelectField
          label="Priorität"
          value={priority()}
          disabled={!props.canEdit}
          onChange={(e) => setPriority(e.currentTarget.value)}
          options={[{ value: "", label: "keine" }, ...codeOptions(servicePriorities, servicePriorityLabels)]}
        />
        <TextField
          label="Reifegradmodell (mit Version)"
          hint="z. B. OZG-Reifegradmodell"
          value={model()}
          disabled={!props.canEdit}
          onInput={(e) => setModel(e.currentTarget.value)}
          error={errors().maturityModel}
        />
        <SelectField
          label="Reifegrad der angebotenen Lösung"
          value={level()}
          disabled={!props.canEdit}
          onChange={(e) => setLevel(e.currentTarget.value)}
          error={errors().maturityLevel}
          options={[
            { value: "", label: "nicht bewertet" },
            ...ozgMaturityLevelLabels.map((l, i) => ({ value: String(i), label: l })),
          ]}
        />
        <div class="field" classList={{ "field-invalid": !!errors().notes }}>
          <label for="pmo-notes">Notizen</label>
          <textarea
            id="pmo-notes"
            value={notes()}
            disabled={!props.canEdit}
            maxLength={2000}
            onInput={(e) => setNotes(e.currentTarget.value)}
          />
          <Show when={errors().notes}>
            <p class="field-error">{errors().notes}</p>
          </Show>
        </div>
        <Show when={props.canEdit}>
          <div>
            <button type="submit" class="button button-primary" disabled={save.isPending}>
              Angaben speichern
            </button>
          </div>
        </Show>
        <MutationResult mutation={save} />
      </Form>
      <Show when={s.efaSince}>
        <p class="muted">EfA-Dienst seit {formatDate(s.efaSince)}</p>
      </Show>
    </section>
  );
}

function ResponsibilityForm(props: {
  service: Service;
  canEdit: boolean;
  onSaved: (notice: string) => void;
}) {
  const client = useQueryClient();
  const s = props.service;
  const [mode, setMode] = createSignal<"derived" | "override">(
    s.overrideMunicipal === null ? "derived" : "override",
  );
  const [municipal, setMunicipal] = createSignal(s.municipalExecution);
  const [kinds, setKinds] = createSignal<KommuneKind[]>([...(s.responsibleKinds as KommuneKind[])]);
  const [reason, setReason] = createSignal(s.overrideReason ?? "");
  const save = useMutation(() => ({
    mutationFn: () =>
      mode() === "derived"
        ? trpc.rollout.correctResponsibility.mutate({ serviceId: s.id, mode: "derived" })
        : trpc.rollout.correctResponsibility.mutate({
            serviceId: s.id,
            mode: "override",
            municipal: municipal(),
            kinds: municipal() ? kinds() : [],
            reason: reason(),
          }),
    onSuccess: () => {
      props.onSaved("Die Zuständigkeit wurde gespeichert; die Abdeckung rechnet ab sofort damit.");
      client.invalidateQueries({ queryKey: ["rollout.service", s.id] });
      client.invalidateQueries({ queryKey: ["rollout.services"] });
    },
  }));
  const errors = () => fieldErrors(save.error);
  const toggleKind = (k: KommuneKind, on: boolean) =>
    setKinds((list) => (on ? [...new Set([...list, k])] : list.filter((x) => x !== k)));
  return (
    <section class="card" aria-labelledby="resp-title">
      <h2 id="resp-title">Zuständigkeit</h2>
      <Form onSubmit={() => save.mutate()}>
        <fieldset class="field" disabled={!props.canEdit}>
          <legend>Welche Zuständigkeit gilt?</legend>
          <label class="checkbox-field">
            <input
              type="radio"
              name="resp-mode"
              checked={mode() === "derived"}
              onChange={() => setMode("derived")}
            />
            wie abgeleitet ({kindsText(s.derivedMunicipal, s.derivedKinds)})
          </label>
          <label class="checkbox-field">
            <input
              type="radio"
              name="resp-mode"
              checked={mode() === "override"}
              onChange={() => setMode("override")}
            />
            korrigiert
          </label>
        </fieldset>
        <Show when={mode() === "override"}>
          <fieldset class="field" disabled={!props.canEdit} classList={{ "field-invalid": !!errors().kinds }}>
            <legend>Korrektur</legend>
            <div class="checkbox-field">
              <input
                id="resp-municipal"
                type="checkbox"
                checked={municipal()}
                onChange={(e) => setMunicipal(e.currentTarget.checked)}
              />
              <label for="resp-municipal">Kommunaler Vollzug</label>
            </div>
            <For each={kommuneKinds}>
              {(k) => (
                <div class="checkbox-field">
                  <input
                    id={`resp-kind-${k}`}
                    type="checkbox"
                    disabled={!municipal()}
                    checked={kinds().includes(k)}
                    onChange={(e) => toggleKind(k, e.currentTarget.checked)}
                  />
                  <label for={`resp-kind-${k}`}>{kommuneKindLabels[k]}</label>
                </div>
              )}
            </For>
            <Show when={errors().kinds}>
              <p class="field-error">{errors().kinds}</p>
            </Show>
          </fieldset>
          <TextField
            label="Begründung"
            value={reason()}
            disabled={!props.canEdit}
            onInput={(e) => setReason(e.currentTarget.value)}
            error={errors().reason}
          />
        </Show>
        <Show when={props.canEdit}>
          <div>
            <button type="submit" class="button button-primary" disabled={save.isPending}>
              Zuständigkeit speichern
            </button>
          </div>
        </Show>
        <MutationResult mutation={save} />
      </Form>
    </section>
  );
}
