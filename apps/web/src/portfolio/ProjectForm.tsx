// Create and edit a project. Budget and effort are typed the German way ("12.500,00", "12,5"); the server checks
// them with the import's rules and answers per field.
import {
  type ProjectMethod,
  type ProjectPriority,
  type ProjectStatus,
  projectMethodLabels,
  projectMethods,
  projectPriorities,
  projectPriorityLabels,
  projectStatuses,
  projectStatusLabels,
} from "@spatz/domain";
import { createStore } from "solid-js/store";
import { fieldErrors } from "../lib/trpc.ts";
import { codeOptions, Form, SelectField, TextField } from "../ui/Field.tsx";
import { FormFooter } from "../ui/FormFooter.tsx";
import { TextAreaField } from "../ui/TextAreaField.tsx";
import type { FilterOptions } from "./common.tsx";

export type ProjectFormValues = {
  gbId: string;
  rId: string;
  name: string;
  description: string;
  start: string;
  end: string;
  status: ProjectStatus;
  priority: ProjectPriority | null;
  method: ProjectMethod | null;
  leadName: string;
  leadUserId: string | null;
  budget: string;
  effortDays: string;
  notes: string;
};

export const EMPTY_PROJECT: ProjectFormValues = {
  gbId: "",
  rId: "",
  name: "",
  description: "",
  start: "",
  end: "",
  status: "approved",
  priority: null,
  method: null,
  leadName: "",
  leadUserId: null,
  budget: "",
  effortDays: "",
  notes: "",
};

export function ProjectForm(props: {
  initial: ProjectFormValues;
  options: FilterOptions;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (values: ProjectFormValues) => void;
  onCancel?: () => void;
}) {
  const [v, set] = createStore<ProjectFormValues>({ ...props.initial });
  const errors = () => fieldErrors(props.error);
  const gbs = () => props.options.orgUnits.filter((u) => u.kind === "gb");
  const rs = () => props.options.orgUnits.filter((u) => u.kind === "r" && u.parentId === v.gbId);
  return (
    <Form class="form form-grid" onSubmit={() => props.onSubmit({ ...v })}>
      <SelectField
        label="Geschäftsbereich (GB)"
        value={v.gbId}
        options={[
          { value: "", label: "– bitte wählen –" },
          ...gbs().map((u) => ({ value: u.id, label: `${u.code} – ${u.name}` })),
        ]}
        onChange={(e) => set({ gbId: e.currentTarget.value, rId: "" })}
        error={errors().gbId}
      />
      <SelectField
        label="Ressort/Fachbereich (R)"
        value={v.rId}
        options={[
          { value: "", label: v.gbId ? "– bitte wählen –" : "– erst GB wählen –" },
          ...rs().map((u) => ({ value: u.id, label: `${u.code} – ${u.name}` })),
        ]}
        onChange={(e) => set({ rId: e.currentTarget.value })}
        error={errors().rId}
      />
      <TextField
        label="Projektname"
        value={v.name}
        onInput={(e) => set({ name: e.currentTarget.value })}
        error={errors().name}
        class="wide"
      />
      <TextAreaField
        label="Beschreibung"
        value={v.description}
        onInput={(e) => set({ description: e.currentTarget.value })}
        error={errors().description}
      />
      <TextField
        label="Start"
        type="date"
        value={v.start}
        onInput={(e) => set({ start: e.currentTarget.value })}
        error={errors().start}
      />
      <TextField
        label="Ende"
        type="date"
        hint="einschließlich dieses Tages"
        value={v.end}
        onInput={(e) => set({ end: e.currentTarget.value })}
        error={errors().end}
      />
      <SelectField
        label="Status"
        value={v.status}
        options={codeOptions(projectStatuses, projectStatusLabels)}
        onChange={(e) => set({ status: e.currentTarget.value as ProjectStatus })}
        error={errors().status}
      />
      <SelectField
        label="Priorität"
        value={v.priority ?? ""}
        options={[
          { value: "", label: "keine Angabe" },
          ...codeOptions(projectPriorities, projectPriorityLabels),
        ]}
        onChange={(e) => set({ priority: (e.currentTarget.value || null) as ProjectPriority | null })}
      />
      <SelectField
        label="Methode"
        value={v.method ?? ""}
        options={[{ value: "", label: "keine Angabe" }, ...codeOptions(projectMethods, projectMethodLabels)]}
        onChange={(e) => set({ method: (e.currentTarget.value || null) as ProjectMethod | null })}
      />
      <SelectField
        label="Projektleitung (Konto)"
        hint="Wer hier eingetragen ist, kann das Projekt bearbeiten."
        value={v.leadUserId ?? ""}
        options={[
          { value: "", label: "kein Konto zugeordnet" },
          ...props.options.leadUsers.map((u) => ({ value: u.id, label: u.displayName })),
        ]}
        onChange={(e) => {
          const id = e.currentTarget.value || null;
          const user = props.options.leadUsers.find((u) => u.id === id);
          set({ leadUserId: id, leadName: user ? user.displayName : v.leadName });
        }}
        error={errors().leadUserId}
      />
      <TextField
        label="Projektleitung (Name)"
        value={v.leadName}
        onInput={(e) => set({ leadName: e.currentTarget.value })}
        error={errors().leadName}
      />
      <TextField
        label="Budget (€)"
        inputMode="decimal"
        hint="z. B. 12.500,00"
        value={v.budget}
        onInput={(e) => set({ budget: e.currentTarget.value })}
        error={errors().budget}
      />
      <TextField
        label="Aufwand (Personentage)"
        inputMode="decimal"
        value={v.effortDays}
        onInput={(e) => set({ effortDays: e.currentTarget.value })}
        error={errors().effortDays}
      />
      <TextAreaField
        label="Bemerkungen"
        value={v.notes}
        onInput={(e) => set({ notes: e.currentTarget.value })}
        error={errors().notes}
      />
      <FormFooter
        error={props.error}
        submitLabel={props.submitLabel}
        pending={props.pending}
        onCancel={props.onCancel}
      />
    </Form>
  );
}
