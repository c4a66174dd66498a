// User administration: invite, change roles, disable; with paging and search.

import { formatDate, formatDateTime, ROLE_LABELS, type Role, rolesForTenantKind } from "@spatz/domain";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/solid-query";
import { createSignal, For, Show } from "solid-js";
import type { Me } from "../auth/session.ts";
import { errorMessage, fieldErrors, trpc } from "../lib/trpc.ts";
import { Form, SelectField, TextField } from "../ui/Field.tsx";
import { PagedTable } from "../ui/PagedTable.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";
import { QueryView } from "../ui/QueryView.tsx";
import { Alert, EmptyState } from "../ui/states.tsx";
import { TableScroll } from "../ui/TableScroll.tsx";

export function UsersPage(props: { me: Me }) {
  const roles = () =>
    rolesForTenantKind(props.me.tenant.kind).map((r) => ({ value: r, label: ROLE_LABELS[r] }));
  return (
    <>
      <PageHeader title="Benutzer" intro={`Konten von ${props.me.tenant.name}`} />
      <InviteForm roles={roles()} />
      <OpenInvitations />
      <UserList me={props.me} roles={roles()} />
    </>
  );
}

function InviteForm(props: { roles: { value: string; label: string }[] }) {
  const client = useQueryClient();
  const [email, setEmail] = createSignal("");
  const [name, setName] = createSignal("");
  const [role, setRole] = createSignal<Role>(props.roles.at(-1)?.value as Role);
  const invite = useMutation(() => ({
    mutationFn: () => trpc.users.invite.mutate({ email: email(), displayName: name(), role: role() }),
    onSuccess: () => {
      setEmail("");
      setName("");
      client.invalidateQueries({ queryKey: ["users.invitations"] });
    },
  }));
  const errors = () => fieldErrors(invite.error);
  return (
    <section class="card" aria-labelledby="invite-title">
      <h2 id="invite-title">Person einladen</h2>
      <Form class="form form-inline" onSubmit={() => invite.mutate()}>
        <TextField
          label="E-Mail-Adresse"
          type="email"
          value={email()}
          onInput={(e) => setEmail(e.currentTarget.value)}
          error={errors().email}
        />
        <TextField
          label="Name"
          value={name()}
          onInput={(e) => setName(e.currentTarget.value)}
          error={errors().displayName}
        />
        <SelectField
          label="Rolle"
          options={props.roles}
          value={role()}
          onChange={(e) => setRole(e.currentTarget.value as Role)}
          error={errors().role}
        />
        <button type="submit" class="button button-primary" disabled={invite.isPending}>
          Einladen
        </button>
      </Form>
      <Show when={invite.isError && !Object.keys(errors()).length}>
        <Alert kind="error">{errorMessage(invite.error)}</Alert>
      </Show>
      <Show when={invite.data}>
        {(result) => (
          <Alert kind="success">
            <p>
              Einladung erstellt{result().mailed ? "; die E-Mail wird gesendet" : ""}. Gültig bis{" "}
              {formatDate(result().expiresAt)}. Link zum Weitergeben:
            </p>
            <input
              class="copy-field"
              readonly
              value={result().link}
              aria-label="Einladungslink"
              onFocus={(e) => e.currentTarget.select()}
            />
          </Alert>
        )}
      </Show>
    </section>
  );
}

function OpenInvitations() {
  const client = useQueryClient();
  const invitations = useQuery(() => ({
    queryKey: ["users.invitations"],
    queryFn: () => trpc.users.invitations.query(),
  }));
  const revoke = useMutation(() => ({
    mutationFn: (id: string) => trpc.users.revokeInvitation.mutate({ id }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["users.invitations"] }),
  }));
  return (
    <section class="card" aria-labelledby="inv-title">
      <h2 id="inv-title">Offene Einladungen</h2>
      <QueryView
        query={invitations}
        isEmpty={(rows) => rows.length === 0}
        empty={<EmptyState title="Keine offenen Einladungen." />}
      >
        {(rows) => (
          <TableScroll>
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">E-Mail-Adresse</th>
                  <th scope="col">Name</th>
                  <th scope="col">Rolle</th>
                  <th scope="col">Eingeladen von</th>
                  <th scope="col">Gültig bis</th>
                  <th scope="col">
                    <span class="visually-hidden">Aktion</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                <For each={rows}>
                  {(inv) => (
                    <tr>
                      <td>{inv.email}</td>
                      <td>{inv.displayName}</td>
                      <td>{ROLE_LABELS[inv.role]}</td>
                      <td>{inv.byState ? "Land (Landesadministration)" : "Ihrer Verwaltung"}</td>
                      <td>{formatDate(inv.expiresAt)}</td>
                      <td>
                        <button
                          type="button"
                          class="button button-secondary"
                          onClick={() => revoke.mutate(inv.id)}
                          aria-label={`Einladung für ${inv.email} zurückziehen`}
                        >
                          Zurückziehen
                        </button>
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </TableScroll>
        )}
      </QueryView>
    </section>
  );
}

function UserList(props: { me: Me; roles: { value: string; label: string }[] }) {
  const client = useQueryClient();
  const [search, setSearch] = createSignal("");
  const [page, setPage] = createSignal(1);
  const users = useQuery(() => ({
    queryKey: ["users.list", search(), page()],
    queryFn: () => trpc.users.list.query({ search: search() || undefined, page: page(), pageSize: 25 }),
    placeholderData: keepPreviousData,
  }));
  const refresh = () => client.invalidateQueries({ queryKey: ["users.list"] });
  const changeRole = useMutation(() => ({
    mutationFn: (v: { userId: string; role: Role }) => trpc.users.changeRole.mutate(v),
    onSettled: refresh,
  }));
  const setStatus = useMutation(() => ({
    mutationFn: (v: { userId: string; status: "active" | "disabled" }) => trpc.users.setStatus.mutate(v),
    onSettled: refresh,
  }));
  return (
    <section class="card" aria-labelledby="users-title">
      <h2 id="users-title">Konten</h2>
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
      <Show when={changeRole.isError || setStatus.isError}>
        <Alert kind="error">{errorMessage(changeRole.error ?? setStatus.error)}</Alert>
      </Show>
      <PagedTable
        query={users}
        empty={<EmptyState title="Keine Konten gefunden." />}
        head={
          <>
            <th scope="col">Name</th>
            <th scope="col">E-Mail-Adresse</th>
            <th scope="col">Rolle</th>
            <th scope="col">Status</th>
            <th scope="col">Letzte Anmeldung</th>
            <th scope="col">
              <span class="visually-hidden">Aktion</span>
            </th>
          </>
        }
        row={(u) => (
          <tr>
            <td>{u.displayName}</td>
            <td>{u.email}</td>
            <td>
              <Show when={u.id !== props.me.user.id} fallback={ROLE_LABELS[u.role]}>
                <select
                  aria-label={`Rolle von ${u.displayName}`}
                  onChange={(e) => changeRole.mutate({ userId: u.id, role: e.currentTarget.value as Role })}
                >
                  <For each={props.roles}>
                    {(r) => (
                      <option value={r.value} selected={r.value === u.role}>
                        {r.label}
                      </option>
                    )}
                  </For>
                </select>
              </Show>
            </td>
            <td>{u.status === "active" ? "aktiv" : "gesperrt"}</td>
            <td>{u.lastLoginAt ? formatDateTime(u.lastLoginAt) : "noch nie"}</td>
            <td>
              <Show when={u.id !== props.me.user.id}>
                <button
                  type="button"
                  class="button button-secondary"
                  onClick={() =>
                    setStatus.mutate({
                      userId: u.id,
                      status: u.status === "active" ? "disabled" : "active",
                    })
                  }
                  aria-label={`${u.displayName} ${u.status === "active" ? "sperren" : "entsperren"}`}
                >
                  {u.status === "active" ? "Sperren" : "Entsperren"}
                </button>
              </Show>
            </td>
          </tr>
        )}
        onPage={setPage}
      />
    </section>
  );
}
