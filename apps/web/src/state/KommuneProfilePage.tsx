// One Kommune as the Land sees it (/land/kommunen/:id): the registry entry, its rollout figures with the way into its
// entries, the contact persons its rollout entries name, and its Reifegrad only where the Kommune shares it with the
// Land by name (otherwise the page says so: the database would not show it anyway).
import { A, useParams } from "@solidjs/router";
import {
  formatCountOf,
  formatDate,
  formatInteger,
  TENANT_KIND_LABELS,
  TENANT_STATUS_LABELS,
  type TenantKind,
  type TenantStatus,
} from "@spatz/domain";
import { useQuery } from "@tanstack/solid-query";
import { For, Show } from "solid-js";
import type { Me } from "../auth/session.ts";
import { formatScore } from "../benchmark/figures.tsx";
import { trpc } from "../lib/trpc.ts";
import { formatCount } from "../rollout/format.ts";
import { drillHref, Kpi, Share } from "../rollout/ui.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";
import { QueryView } from "../ui/QueryView.tsx";
import { EmptyState } from "../ui/states.tsx";
import { TableScroll } from "../ui/TableScroll.tsx";

export function KommuneProfilePage(_props: { me: Me }) {
  const params = useParams<{ id: string }>();
  const profile = useQuery(() => ({
    queryKey: ["tenants.profile", params.id],
    queryFn: () => trpc.tenants.profile.query({ id: params.id }),
  }));
  return (
    <>
      <PageHeader title={profile.data?.kommune.name ?? "Kommune"} />
      <p>
        <A href="/land/kommunen">← Alle Kommunen</A>
      </p>
      <QueryView query={profile} loadingLabel="Kommune wird geladen …">
        {(p) => (
          <div>
            <section class="card" aria-labelledby="profile-registry">
              <h2 id="profile-registry">Stammdaten</h2>
              <dl class="facts">
                <dt>Art</dt>
                <dd>{TENANT_KIND_LABELS[p.kommune.kind as TenantKind] ?? p.kommune.kind}</dd>
                <dt>Kreis</dt>
                <dd>{p.kommune.kreisName ?? "–"}</dd>
                <dt>Einwohner</dt>
                <dd>{p.kommune.population != null ? formatInteger(p.kommune.population) : "–"}</dd>
                <dt>Amtlicher Gemeindeschlüssel</dt>
                <dd>{p.kommune.ags ?? "–"}</dd>
                <dt>Status in SPATZ</dt>
                <dd>{TENANT_STATUS_LABELS[p.kommune.status as TenantStatus] ?? p.kommune.status}</dd>
              </dl>
            </section>

            <section class="card" aria-labelledby="profile-rollout">
              <h2 id="profile-rollout">Onlinedienste (OZG/EfA)</h2>
              <div class="kpis">
                <Kpi value={<Share share={p.rollout.share} />} label="Anteil online" />
                <Kpi
                  value={`${formatCount(p.rollout.online)} / ${formatCount(p.rollout.relevant)}`}
                  label="online / zuständig"
                />
                <Kpi value={formatCount(p.rollout.implementing)} label="in Umsetzung" />
                <Kpi value={formatCount(p.rollout.planning)} label="in Planung" />
                <Kpi value={formatCount(p.rollout.overdue)} label="überfällig" />
              </div>
              <p>
                <A href={drillHref({ kommuneId: p.kommune.id })}>Einträge dieser Kommune ansehen</A>
              </p>
              <h3>Ansprechpersonen im Rollout</h3>
              <Show
                when={p.contacts.length > 0}
                fallback={
                  <p class="muted">Die Kommune hat in ihren Einträgen keine Ansprechperson genannt.</p>
                }
              >
                <ul class="plain-list">
                  <For each={p.contacts}>
                    {(c) => (
                      <li>
                        {c.contact}{" "}
                        <span class="muted">({formatCountOf(c.services, "Leistung", "Leistungen")})</span>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            </section>

            <section class="card" aria-labelledby="profile-maturity">
              <h2 id="profile-maturity">Reifegrad</h2>
              <Show
                when={p.maturity}
                fallback={
                  <EmptyState title="Nicht geteilt">
                    Diese Kommune teilt ihren Reifegrad nicht namentlich mit dem Land. Ihre Werte gehen nur
                    anonym in die Vergleiche ein.
                  </EmptyState>
                }
              >
                {(m) => (
                  <>
                    <p>
                      Index <strong>{formatScore(m().index)}</strong> (Stand {formatDate(m().stichtag)}), von
                      der Kommune mit dem Land geteilt.
                    </p>
                    <TableScroll>
                      <table class="table">
                        <caption>Stufen je Dimension</caption>
                        <thead>
                          <tr>
                            <th scope="col">Dimension</th>
                            <th scope="col" class="num">
                              Stufe
                            </th>
                            <th scope="col" class="num">
                              Wert
                            </th>
                          </tr>
                        </thead>
                        <tbody>
                          <For each={m().dimensions}>
                            {(d) => (
                              <tr>
                                <td>{d.label}</td>
                                <td class="num">{d.level ?? "–"}</td>
                                <td class="num">{formatScore(d.score)}</td>
                              </tr>
                            )}
                          </For>
                        </tbody>
                      </table>
                    </TableScroll>
                  </>
                )}
              </Show>
            </section>
          </div>
        )}
      </QueryView>
    </>
  );
}
