// One Kommune's rollout record as the state sees it: read only (the record belongs to the Kommune), with the
// comments the state PMO and the Kommune exchange about it.
import { A, useParams } from "@solidjs/router";
import { can, formatDate, formatDateTime } from "@spatz/domain";
import { useQuery } from "@tanstack/solid-query";
import type { Me } from "../../auth/session.ts";
import { trpc } from "../../lib/trpc.ts";
import { PageHeader } from "../../ui/PageHeader.tsx";
import { QueryView } from "../../ui/QueryView.tsx";
import { Comments } from "../Comments.tsx";
import { kommuneKindLabels, type ReuseRoute, reuseRouteLabels } from "../labels.ts";
import { drillHref, StateTabs, StatusBadge } from "../ui.tsx";

export function StateRecordPage(props: { me: Me }) {
  const params = useParams<{ kommuneId: string; serviceId: string }>();
  const data = useQuery(() => ({
    queryKey: ["rollout.kommuneRecord", params.kommuneId, params.serviceId],
    queryFn: () =>
      trpc.rollout.kommuneRecord.query({ kommuneId: params.kommuneId, serviceId: params.serviceId }),
  }));
  return (
    <>
      <PageHeader
        title={data.data ? `${data.data.record.service} – ${data.data.kommune.name}` : "Rollout-Eintrag"}
        intro="Nur lesend: den Eintrag pflegt die Kommune. Das Landes-PMO kann kommentieren."
      />
      <StateTabs me={props.me} />
      <QueryView query={data}>
        {(d) => (
          <>
            <p>
              <A href={drillHref({ kommuneId: d.kommune.id })}>Alle Einträge von {d.kommune.name}</A> ·{" "}
              <A href={drillHref({ serviceId: d.record.serviceId })}>Alle Kommunen für diese Leistung</A>
            </p>
            <dl class="facts">
              <dt>Kommune</dt>
              <dd>
                {d.kommune.name} ({kommuneKindLabels[d.kommune.kind]}
                {d.kommune.kreisName ? `, ${d.kommune.kreisName}` : ""})
              </dd>
              <dt>OZG-Leistung</dt>
              <dd>
                {d.record.service} ({d.record.serviceId}), {d.record.themenfeld}
              </dd>
              <dt>Status</dt>
              <dd>
                <StatusBadge status={d.record.status} />
                {d.record.hasRecord ? "" : " (noch kein Eintrag der Kommune)"}
              </dd>
              <dt>In Planung seit</dt>
              <dd>{formatDate(d.record.planningSince)}</dd>
              <dt>In Umsetzung seit</dt>
              <dd>{formatDate(d.record.implementingSince)}</dd>
              <dt>Online seit</dt>
              <dd>{formatDate(d.record.onlineSince)}</dd>
              <dt>Geplanter Go-live</dt>
              <dd>{formatDate(d.record.plannedOnline)}</dd>
              <dt>Nachnutzungsweg</dt>
              <dd>{d.record.reuseRoute ? reuseRouteLabels[d.record.reuseRoute as ReuseRoute] : "–"}</dd>
              <dt>Fachverfahren</dt>
              <dd>
                {d.record.fachverfahren ?? "–"}
                {d.record.interfaceNeeded === true
                  ? " – Schnittstelle nötig"
                  : d.record.interfaceNeeded === false
                    ? " – keine Schnittstelle"
                    : ""}
              </dd>
              <dt>Ansprechperson</dt>
              <dd>{d.record.contact ?? "–"}</dd>
              <dt>Notiz der Kommune</dt>
              <dd>{d.record.note ?? "–"}</dd>
              <dt>Begründung (Rückschritt)</dt>
              <dd>{d.record.statusReason ?? "–"}</dd>
              <dt>Zuletzt geändert</dt>
              <dd>{d.record.updatedAt ? formatDateTime(d.record.updatedAt) : "–"}</dd>
            </dl>
            <Comments
              comments={d.comments}
              canWrite={can(props.me.user.role, "rollout.addComment")}
              kommuneId={d.kommune.id}
              serviceId={d.record.serviceId}
              onAdded={() => data.refetch()}
            />
          </>
        )}
      </QueryView>
    </>
  );
}
