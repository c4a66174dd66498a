// "Anmelden": find your administration (searchable), then sign in on its own page.
import { A } from "@solidjs/router";
import { TENANT_KIND_LABELS } from "@spatz/domain";
import { keepPreviousData, useQuery } from "@tanstack/solid-query";
import { createSignal, For } from "solid-js";
import { trpc } from "../lib/trpc.ts";
import { TextField } from "../ui/Field.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";
import { Pager } from "../ui/Pager.tsx";
import { QueryView } from "../ui/QueryView.tsx";
import { EmptyState } from "../ui/states.tsx";

export function TenantPicker() {
  const [search, setSearch] = createSignal("");
  const [page, setPage] = createSignal(1);
  const tenants = useQuery(() => ({
    queryKey: ["directory.tenants", search(), page()],
    queryFn: () =>
      trpc.directory.tenants.query({ search: search() || undefined, page: page(), pageSize: 20 }),
    placeholderData: keepPreviousData,
  }));
  return (
    <section class="narrow">
      <PageHeader
        title="Anmelden"
        intro="Wählen Sie Ihre Verwaltung. Danach melden Sie sich mit Ihrer E-Mail-Adresse und Ihrem Passwort an."
      />
      <form onSubmit={(e) => e.preventDefault()}>
        <TextField
          label="Verwaltung suchen"
          maxLength={100}
          hint="Name, Kennung oder Gemeindeschlüssel, z. B. „Halle“ oder „Landkreis Harz“"
          type="search"
          value={search()}
          onInput={(e) => {
            setSearch(e.currentTarget.value);
            setPage(1);
          }}
          autocomplete="off"
        />
      </form>
      <QueryView
        query={tenants}
        isEmpty={(d) => d.items.length === 0}
        empty={
          <EmptyState title="Keine Verwaltung gefunden.">
            Bitte prüfen Sie die Schreibweise oder suchen Sie nach einem Teil des Namens.
          </EmptyState>
        }
      >
        {(data) => (
          <>
            <ul class="tenant-list" aria-label="Verwaltungen">
              <For each={data.items}>
                {(t) => (
                  <li>
                    <A href={`/t/${t.slug}/anmelden`}>
                      <span class="tenant-name">{t.name}</span>
                      <span class="tenant-meta">
                        {TENANT_KIND_LABELS[t.kind]}
                        {t.kreisName && t.kind !== "landkreis" && t.kind !== "kreisfreie_stadt"
                          ? ` · ${t.kreisName}`
                          : ""}
                      </span>
                    </A>
                  </li>
                )}
              </For>
            </ul>
            <Pager page={data.page} pageSize={data.pageSize} total={data.total} onPage={setPage} />
          </>
        )}
      </QueryView>
    </section>
  );
}
