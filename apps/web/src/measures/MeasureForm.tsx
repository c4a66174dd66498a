// Creating and editing a measure: title, description, org unit, responsible person, the portfolio project that
// delivers it, planned dates, criteria and (for completed measures) the evidence. Field errors come from the same zod
// schemas the server uses.
import { useQuery } from "@tanstack/solid-query";
import { createSignal, createUniqueId, Show } from "solid-js";
import type { Me } from "../auth/session.ts";
import { fieldErrors } from "../lib/trpc.ts";
import {
  assigneesQuery,
  modelQuery,
  orgUnitOptions,
  orgUnitsQuery,
  projectOptionsQuery,
} from "../maturity/queries.ts";
import { Form, SelectField, TextField } from "../ui/Field.tsx";
import { FormFooter } from "../ui/FormFooter.tsx";
import { QueryView } from "../ui/QueryView.tsx";
import { CriteriaPicker } from "./CriteriaPicker.tsx";

export type MeasureFormValues = {
  title: string;
  description: string;
  orgUnitId: string | null;
  responsibleUserId: string | null;
  projectId: string | null;
  plannedStart: string | null;
  plannedEnd: string | null;
  criterionKeys: string[];
  evidenceText: string | null;
  evidenceUrl: string | null;
};

export function MeasureForm(props: {
  me: Me;
  initial: MeasureFormValues;
  completed?: boolean;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (values: MeasureFormValues) => void;
  onCancel?: () => void;
}) {
  const id = createUniqueId();
  const model = useQuery(modelQuery);
  const units = useQuery(orgUnitsQuery);
  const people = useQuery(assigneesQuery);
  const projects = useQuery(projectOptionsQuery);
  const [v, setV] = createSignal<MeasureFormValues>({ ...props.initial });
  const set = <K extends keyof MeasureFormValues>(key: K, value: MeasureFormValues[K]) =>
    setV({ ...v(), [key]: value });
  const errors = () => fieldErrors(props.error);
  const projectLead = () => props.me.user.role === "project_lead";
  return (
    <QueryView query={model} loadingLabel="Reifegradmodell wird geladen …">
      {(m) => (
        <Form class="form form-wide" onSubmit={() => props.onSubmit(v())}>
          <TextField
            label="Titel"
            required
            value={v().title}
            onInput={(e) => set("title", e.currentTarget.value)}
            error={errors().title}
          />
          <div class="field" classList={{ "field-invalid": !!errors().description }}>
            <label for={`${id}-description`}>Beschreibung</label>
            <textarea
              id={`${id}-description`}
              rows="4"
              value={v().description}
              onInput={(e) => set("description", e.currentTarget.value)}
            />
            <Show when={errors().description}>
              <p class="field-error">{errors().description}</p>
            </Show>
          </div>
          <div class="form-row">
            <SelectField
              label="Organisationseinheit"
              options={[{ value: "", label: "Gesamte Verwaltung" }, ...orgUnitOptions(units.data ?? [])]}
              value={v().orgUnitId ?? ""}
              onChange={(e) => set("orgUnitId", e.currentTarget.value || null)}
              error={errors().orgUnitId}
            />
            <SelectField
              label="Verantwortlich"
              hint={projectLead() ? "Als Projektleitung sind Sie selbst verantwortlich." : undefined}
              disabled={projectLead()}
              options={[
                { value: "", label: "niemand zugeordnet" },
                ...(people.data ?? []).map((p) => ({ value: p.id, label: p.displayName })),
              ]}
              value={v().responsibleUserId ?? ""}
              onChange={(e) => set("responsibleUserId", e.currentTarget.value || null)}
              error={errors().responsibleUserId}
            />
          </div>
          <SelectField
            label="Projekt"
            hint="Das Projekt im Portfolio, das die Maßnahme umsetzt. Wird es abgeschlossen, kann die Maßnahme mit abgeschlossen werden."
            options={[
              { value: "", label: "kein Projekt" },
              ...(projects.data ?? []).map((p) => ({
                value: p.id,
                label: `${p.gbCode} / ${p.rCode}: ${p.name}`,
              })),
            ]}
            value={v().projectId ?? ""}
            onChange={(e) => set("projectId", e.currentTarget.value || null)}
            error={errors().projectId}
          />
          <div class="form-row">
            <TextField
              label="Geplanter Beginn"
              type="date"
              value={v().plannedStart ?? ""}
              onInput={(e) => set("plannedStart", e.currentTarget.value || null)}
              error={errors().plannedStart}
            />
            <TextField
              label="Geplantes Ende"
              type="date"
              value={v().plannedEnd ?? ""}
              onInput={(e) => set("plannedEnd", e.currentTarget.value || null)}
              error={errors().plannedEnd}
            />
          </div>
          <CriteriaPicker
            model={m.model}
            selected={v().criterionKeys}
            onChange={(keys) => set("criterionKeys", keys)}
            error={errors().criterionKeys}
          />
          <Show when={props.completed}>
            <div class="field" classList={{ "field-invalid": !!errors().evidenceText }}>
              <label for={`${id}-evidence`}>Nachweis</label>
              <textarea
                id={`${id}-evidence`}
                rows="3"
                value={v().evidenceText ?? ""}
                onInput={(e) => set("evidenceText", e.currentTarget.value || null)}
              />
              <Show when={errors().evidenceText}>
                <p class="field-error">{errors().evidenceText}</p>
              </Show>
            </div>
            <TextField
              label="Link zum Nachweis"
              type="url"
              value={v().evidenceUrl ?? ""}
              onInput={(e) => set("evidenceUrl", e.currentTarget.value || null)}
              error={errors().evidenceUrl}
            />
          </Show>
          <FormFooter
            error={props.error}
            submitLabel={props.submitLabel}
            pending={props.pending}
            onCancel={props.onCancel}
          />
        </Form>
      )}
    </QueryView>
  );
}
