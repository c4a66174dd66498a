// A new measure; ?kriterium=<key> preselects a criterion (from "Nächste Schritte").
import { useNavigate, useSearchParams } from "@solidjs/router";
import { useMutation } from "@tanstack/solid-query";
import type { Me } from "../auth/session.ts";
import { trpc } from "../lib/trpc.ts";
import { useRefreshMeasures } from "../maturity/queries.ts";
import { PageHeader } from "../ui/PageHeader.tsx";
import { MeasureForm, type MeasureFormValues } from "./MeasureForm.tsx";

export function NewMeasurePage(props: { me: Me }) {
  const [params] = useSearchParams<{ kriterium?: string }>();
  const navigate = useNavigate();
  const refresh = useRefreshMeasures();
  const create = useMutation(() => ({
    mutationFn: (v: MeasureFormValues) =>
      trpc.measures.create.mutate({ ...v, status: "planned", evidenceText: null, evidenceUrl: null }),
    onSuccess: async (row) => {
      await refresh();
      navigate(`/massnahmen/${row.id}`);
    },
  }));
  return (
    <>
      <PageHeader
        title="Neue Maßnahme"
        intro="Eine Maßnahme erfüllt Kriterien des Reifegradmodells, sobald sie mit Nachweis abgeschlossen ist."
      />
      <section class="card">
        <MeasureForm
          me={props.me}
          initial={{
            title: "",
            description: "",
            orgUnitId: null,
            responsibleUserId: props.me.user.role === "project_lead" ? props.me.user.id : null,
            projectId: null,
            plannedStart: null,
            plannedEnd: null,
            criterionKeys: params.kriterium ? [params.kriterium] : [],
            evidenceText: null,
            evidenceUrl: null,
          }}
          submitLabel="Maßnahme anlegen"
          pending={create.isPending}
          error={create.error}
          onSubmit={(v) => create.mutate(v)}
          onCancel={() => navigate("/massnahmen")}
        />
      </section>
    </>
  );
}
