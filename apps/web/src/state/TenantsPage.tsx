// Tenant administration for the state: search and filter all Kommunen, create, rename, suspend, invite an admin,
// mark a Kommune for deletion (TENANT_DELETION_GRACE_DAYS days to undo it) and take the mark back.

import { A } from "@solidjs/router";
import {
  can,
  formatDate,
  formatInteger,
  TENANT_DELETION_GRACE_DAYS,
  TENANT_KIND_LABELS,
  TENANT_KINDS,
  TENANT_STATUS_LABELS,
  TENANT_STATUSES,
  type TenantKind,
  type TenantStatus,
} from "@spatz/domain";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/solid-query";
import { createSignal, Show } from "solid-js";
import type { Me } from "../auth/session.ts";
import { errorMessage, fieldErrors, trpc } from "../lib/trpc.ts";
import { codeOptions, FilterBar, Form, SelectField, TextField, withAll } from "../ui/Field.tsx";
import { PagedTable } from "../ui/PagedTable.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";
import { Alert, EmptyState } from "../ui/states.tsx";

const KOMMUNE_KINDS = TENANT_KINDS.filter((k) => k !== "state");

type Row = Awaited<ReturnType<typeof trpc.tenants.list.query>>["items"][number];

export function TenantsPage(props: { me: Me }) {
  const client = useQueryClient();
  const isAdmin = () => can(props.me.user.role, "tenants.setStatus");
  const [search, setSearch] = createSignal("");
  const [kind, setKind] = createSignal<TenantKind | "">("");
  const [status, setStatus] = createSignal<TenantStatus | "">("");
  const [page, setPage] = createSignal(1);
  const [selected, setSelected] = createSignal<Row | null>(null);
  const filter = () => ({
    search: search() || undefined,
    kind: kind() || undefined,
    status: status() || undefined,
    page: page(),
    pageSize: 25,
  });
  const list = useQuery(() => ({
    queryKey: ["tenants.list", filter()],
    queryFn: () => trpc.tenants.list.query(filter()),
    placeholderData: keepPreviousData,
  }));
  const refresh = () => client.invalidateQueries({ queryKey: ["tenants.list"] });
  const setTenantStatus = useMutation(() => ({
    mutationFn: (v: { id: string; status: "active" | "suspended" }) => trpc.tenants.setStatus.mutate(v),
    onSettled: refresh,
  }));
  const cancelDeletion = useMutation(() => ({
    mutationFn: (id: string) => trpc.tenants.cancelDeletion.mutate({ id }),
    onSettled: refresh,
  }));
  return (
    <>
      <PageHeader
        title="Kommunen"
        intro="Alle Mandanten der Plattform: das Land und die Kommunen Sachsen-Anhalts."
      />
      <Show when={isAdmin()}>
        <CreateTenant onCreated={refresh} />
      </Show>
      <FilterBar label="Kommunen filtern">
        <TextField
          label="Suchen"
          maxLength={100}
          type="search"
          value={search()}
          onInput={(e) => {
            setSearch(e.currentTarget.value);
            setPage(1);
          }}
        />
        <SelectField
          label="Art"
          options={withAll(codeOptions(TENANT_KINDS, TENANT_KIND_LABELS))}
          value={kind()}
          onChange={(e) => {
            setKind(e.currentTarget.value as TenantKind | "");
            setPage(1);
          }}
        />
        <SelectField
          label="Status"
          options={withAll(codeOptions(TENANT_STATUSES, TENANT_STATUS_LABELS))}
          value={status()}
          onChange={(e) => {
            setStatus(e.currentTarget.value as TenantStatus | "");
            setPage(1);
          }}
        />
      </FilterBar>
      <Show when={setTenantStatus.isError || cancelDeletion.isError}>
        <Alert kind="error">{errorMessage(setTenantStatus.error ?? cancelDeletion.error)}</Alert>
      </Show>
      <PagedTable
        query={list}
        empty={<EmptyState title="Keine Kommunen für diese Auswahl." />}
        head={
          <>
            <th scope="col">Name</th>
            <th scope="col">Art</th>
            <th scope="col">Kreis</th>
            <th scope="col">Einwohner</th>
            <th scope="col">Kennung</th>
            <th scope="col">Status</th>
            <Show when={isAdmin()}>
              <th scope="col">
                <span class="visually-hidden">Aktionen</span>
              </th>
            </Show>
          </>
        }
        row={(t) => (
          <tr>
            <td>
              <Show when={t.kind !== "state"} fallback={t.name}>
                <A href={`/land/kommunen/${t.id}`}>{t.name}</A>
              </Show>
            </td>
            <td>{TENANT_KIND_LABELS[t.kind]}</td>
            <td>{t.kreisName ?? "–"}</td>
            <td class="num">{t.population != null ? formatInteger(t.population) : "–"}</td>
            <td>
              <code>{t.slug}</code>
            </td>
            <td>
              {TENANT_STATUS_LABELS[t.status]}
              <Show when={t.deletionDueAt}>{(due) => <> zum {formatDate(due())}</>}</Show>
            </td>
            <Show when={isAdmin()}>
              <td class="actions">
                <Show when={t.kind !== "state"}>
                  <button
                    type="button"
                    class="button button-secondary"
                    onClick={() => setSelected(t)}
                    aria-label={`${t.name} bearbeiten`}
                  >
                    Bearbeiten
                  </button>
                  <Show when={t.status === "deletion_pending"}>
                    <button
                      type="button"
                      class="button button-secondary"
                      aria-label={`${t.name}: Löschung aufheben`}
                      onClick={() => cancelDeletion.mutate(t.id)}
                    >
                      Löschung aufheben
                    </button>
                  </Show>
                  <Show when={t.status !== "deletion_pending"}>
                    <button
                      type="button"
                      class="button button-secondary"
                      aria-label={`${t.name} ${t.status === "active" ? "sperren" : "entsperren"}`}
                      onClick={() => {
                        const next = t.status === "active" ? "suspended" : "active";
                        if (
                          next === "suspended" &&
                          !window.confirm(`${t.name} sperren? Alle Sitzungen dort enden sofort.`)
                        )
                          return;
                        setTenantStatus.mutate({ id: t.id, status: next });
                      }}
                    >
                      {t.status === "active" ? "Sperren" : "Entsperren"}
                    </button>
                  </Show>
                </Show>
              </td>
            </Show>
          </tr>
        )}
        onPage={setPage}
      />
      <Show when={selected()}>
        {(t) => <EditTenant tenant={t()} onClose={() => setSelected(null)} onChanged={refresh} />}
      </Show>
    </>
  );
}

function CreateTenant(props: { onCreated: () => void }) {
  const [name, setName] = createSignal("");
  const [slug, setSlug] = createSignal("");
  const [kind, setKind] = createSignal<(typeof KOMMUNE_KINDS)[number]>("einheitsgemeinde");
  const create = useMutation(() => ({
    mutationFn: () =>
      trpc.tenants.create.mutate({
        name: name(),
        slug: slug(),
        kind: kind() as Exclude<TenantKind, "state">,
      }),
    onSuccess: () => {
      setName("");
      setSlug("");
      props.onCreated();
    },
  }));
  const errors = () => fieldErrors(create.error);
  return (
    <details class="card">
      <summary>Neue Kommune anlegen</summary>
      <Form class="form form-inline" onSubmit={() => create.mutate()}>
        <TextField
          label="Name"
          value={name()}
          onInput={(e) => setName(e.currentTarget.value)}
          error={errors().name}
        />
        <TextField
          label="Kennung (URL)"
          hint="z. B. stadt-musterhausen"
          value={slug()}
          onInput={(e) => setSlug(e.currentTarget.value)}
          error={errors().slug}
        />
        <SelectField
          label="Art"
          options={codeOptions(KOMMUNE_KINDS, TENANT_KIND_LABELS)}
          value={kind()}
          onChange={(e) => setKind(e.currentTarget.value as (typeof KOMMUNE_KINDS)[number])}
        />
        <button type="submit" class="button button-primary" disabled={create.isPending}>
          Anlegen
        </button>
      </Form>
      <Show when={create.isError && !Object.keys(errors()).length}>
        <Alert kind="error">{errorMessage(create.error)}</Alert>
      </Show>
      <Show when={create.isSuccess}>
        <Alert kind="success">Die Kommune wurde angelegt.</Alert>
      </Show>
    </details>
  );
}

function EditTenant(props: { tenant: Row; onClose: () => void; onChanged: () => void }) {
  const [name, setName] = createSignal(props.tenant.name);
  const [email, setEmail] = createSignal("");
  const [person, setPerson] = createSignal("");
  const rename = useMutation(() => ({
    mutationFn: () => trpc.tenants.rename.mutate({ id: props.tenant.id, name: name() }),
    onSuccess: props.onChanged,
  }));
  const invite = useMutation(() => ({
    mutationFn: () =>
      trpc.tenants.inviteAdmin.mutate({ tenantId: props.tenant.id, email: email(), displayName: person() }),
  }));
  const renameErrors = () => fieldErrors(rename.error);
  const inviteErrors = () => fieldErrors(invite.error);
  return (
    <section class="card" aria-labelledby="edit-title">
      <h2 id="edit-title" tabindex="-1" ref={(el) => queueMicrotask(() => el.focus())}>
        {props.tenant.name} bearbeiten
      </h2>
      <Form class="form form-inline" onSubmit={() => rename.mutate()}>
        <TextField
          label="Name"
          value={name()}
          onInput={(e) => setName(e.currentTarget.value)}
          error={renameErrors().name}
        />
        <button type="submit" class="button button-primary" disabled={rename.isPending}>
          Umbenennen
        </button>
      </Form>
      <Show when={rename.isSuccess}>
        <Alert kind="success">Der Name wurde geändert.</Alert>
      </Show>
      <Show when={rename.isError && !Object.keys(renameErrors()).length}>
        <Alert kind="error">{errorMessage(rename.error)}</Alert>
      </Show>
      <h3>Administration einladen</h3>
      <p class="field-hint">
        Nur für eine Kommune ohne aktive Administration (erste Einrichtung oder Wiederherstellung). Der Link
        geht ausschließlich per E-Mail an die eingeladene Person; die Kommune sieht die Einladung in ihrer
        Benutzerverwaltung und im Protokoll.
      </p>
      <Form class="form form-inline" onSubmit={() => invite.mutate()}>
        <TextField
          label="E-Mail-Adresse"
          type="email"
          value={email()}
          onInput={(e) => setEmail(e.currentTarget.value)}
          error={inviteErrors().email}
        />
        <TextField
          label="Name"
          value={person()}
          onInput={(e) => setPerson(e.currentTarget.value)}
          error={inviteErrors().displayName}
        />
        <button type="submit" class="button button-primary" disabled={invite.isPending}>
          Einladen
        </button>
      </Form>
      <Show when={invite.isError && !Object.keys(inviteErrors()).length}>
        <Alert kind="error">{errorMessage(invite.error)}</Alert>
      </Show>
      <Show when={invite.data}>
        {(r) => (
          <Alert kind={r().mailed ? "success" : "error"}>
            {r().mailed
              ? `Die Einladung ist angelegt, die E-Mail an ${r().email} wird gesendet. Der Link ist bis ${formatDate(r().expiresAt)} gültig.`
              : `Die Einladung wurde angelegt, die E-Mail an ${r().email} konnte aber nicht gesendet werden. Bitte versuchen Sie es später erneut oder wenden Sie sich an den Betrieb.`}
          </Alert>
        )}
      </Show>
      <Show when={props.tenant.status !== "deletion_pending"}>
        <ScheduleDeletion tenant={props.tenant} onChanged={props.onChanged} />
      </Show>
      <button type="button" class="button button-secondary" onClick={props.onClose}>
        Schließen
      </button>
    </section>
  );
}

/** Marks the Kommune for deletion; its Kennung must be typed again, and the state can undo it until the date. */
function ScheduleDeletion(props: { tenant: Row; onChanged: () => void }) {
  const [confirmSlug, setConfirmSlug] = createSignal("");
  const schedule = useMutation(() => ({
    mutationFn: () =>
      trpc.tenants.scheduleDeletion.mutate({ id: props.tenant.id, confirmSlug: confirmSlug() }),
    onSuccess: props.onChanged,
  }));
  const errors = () => fieldErrors(schedule.error);
  return (
    <>
      <h3>Kommune löschen</h3>
      <p>
        Alle Daten von {props.tenant.name} werden nach {TENANT_DELETION_GRACE_DAYS} Tagen endgültig gelöscht.
        Bis dahin kann sich dort niemand anmelden, und Sie können die Löschung hier aufheben. Exportieren Sie
        die Daten vorher, wenn sie noch gebraucht werden.
      </p>
      <Form class="form form-inline" onSubmit={() => schedule.mutate()}>
        <TextField
          label="Kennung zur Bestätigung"
          hint={props.tenant.slug}
          value={confirmSlug()}
          onInput={(e) => setConfirmSlug(e.currentTarget.value)}
          error={errors().confirmSlug}
        />
        <button type="submit" class="button button-danger" disabled={schedule.isPending}>
          Zur Löschung vormerken
        </button>
      </Form>
      <Show when={schedule.isError && !Object.keys(errors()).length}>
        <Alert kind="error">{errorMessage(schedule.error)}</Alert>
      </Show>
      <Show when={schedule.data?.deletionDueAt}>
        {(due) => (
          <Alert kind="success">
            {props.tenant.name} ist zur Löschung am {formatDate(due())} vorgemerkt. Die Sitzungen dort sind
            beendet.
          </Alert>
        )}
      </Show>
    </>
  );
}
