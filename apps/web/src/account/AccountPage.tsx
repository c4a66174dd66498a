// "Mein Konto": profile, password change, own active sessions, log out everywhere.
import { useNavigate } from "@solidjs/router";
import { formatDateTime, PASSWORD_MIN_LENGTH, ROLE_LABELS } from "@spatz/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/solid-query";
import { createSignal, For, Show } from "solid-js";
import { type Me, useResetSession } from "../auth/session.ts";
import { errorMessage, fieldErrors, trpc } from "../lib/trpc.ts";
import { Form, TextField } from "../ui/Field.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";
import { QueryView } from "../ui/QueryView.tsx";
import { Alert } from "../ui/states.tsx";
import { TableScroll } from "../ui/TableScroll.tsx";

export function AccountPage(props: { me: Me }) {
  return (
    <>
      <PageHeader title="Mein Konto" />
      <dl class="facts">
        <dt>Name</dt>
        <dd>{props.me.user.displayName}</dd>
        <dt>E-Mail-Adresse</dt>
        <dd>{props.me.user.email}</dd>
        <dt>Rolle</dt>
        <dd>{ROLE_LABELS[props.me.user.role]}</dd>
        <dt>Verwaltung</dt>
        <dd>{props.me.tenant.name}</dd>
      </dl>
      <PasswordForm />
      <Sessions slug={props.me.tenant.slug} />
    </>
  );
}

function PasswordForm() {
  const [current, setCurrent] = createSignal("");
  const [next, setNext] = createSignal("");
  const [confirm, setConfirm] = createSignal("");
  const client = useQueryClient();
  const change = useMutation(() => ({
    mutationFn: () =>
      trpc.account.changePassword.mutate({
        currentPassword: current(),
        newPassword: next(),
        confirmPassword: confirm(),
      }),
    onSuccess: () => {
      setCurrent("");
      setNext("");
      setConfirm("");
      client.invalidateQueries({ queryKey: ["account.sessions"] });
    },
  }));
  const errors = () => fieldErrors(change.error);
  return (
    <section aria-labelledby="pw-title" class="card">
      <h2 id="pw-title">Passwort ändern</h2>
      <p class="muted">Nach der Änderung werden alle anderen Sitzungen beendet.</p>
      <Form onSubmit={() => change.mutate()}>
        <Show when={change.isSuccess}>
          <Alert kind="success">Das Passwort wurde geändert. Andere Sitzungen wurden beendet.</Alert>
        </Show>
        <Show when={change.isError && !Object.keys(errors()).length}>
          <Alert kind="error">{errorMessage(change.error)}</Alert>
        </Show>
        <TextField
          label="Bisheriges Passwort"
          type="password"
          autocomplete="current-password"
          value={current()}
          onInput={(e) => setCurrent(e.currentTarget.value)}
          error={errors().currentPassword}
        />
        <TextField
          label="Neues Passwort"
          hint={`Mindestens ${PASSWORD_MIN_LENGTH} Zeichen.`}
          type="password"
          autocomplete="new-password"
          value={next()}
          onInput={(e) => setNext(e.currentTarget.value)}
          error={errors().newPassword}
        />
        <TextField
          label="Neues Passwort wiederholen"
          type="password"
          autocomplete="new-password"
          value={confirm()}
          onInput={(e) => setConfirm(e.currentTarget.value)}
          error={errors().confirmPassword}
        />
        <button type="submit" class="button button-primary" disabled={change.isPending}>
          Passwort ändern
        </button>
      </Form>
    </section>
  );
}

function Sessions(props: { slug: string }) {
  const navigate = useNavigate();
  const reset = useResetSession();
  const client = useQueryClient();
  const sessions = useQuery(() => ({
    queryKey: ["account.sessions"],
    queryFn: () => trpc.account.sessions.query(),
  }));
  const revoke = useMutation(() => ({
    mutationFn: (sessionId: string) => trpc.account.revokeSession.mutate({ sessionId }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["account.sessions"] }),
  }));
  const everywhere = useMutation(() => ({
    mutationFn: () => trpc.account.logoutEverywhere.mutate(),
    onSuccess: async () => {
      await reset();
      navigate(`/t/${props.slug}/anmelden`, { replace: true });
    },
  }));
  return (
    <section aria-labelledby="sessions-title" class="card">
      <h2 id="sessions-title">Aktive Sitzungen</h2>
      <Show when={revoke.isError}>
        <Alert kind="error">{errorMessage(revoke.error)}</Alert>
      </Show>
      <QueryView query={sessions} isEmpty={(s) => s.length === 0}>
        {(rows) => (
          <TableScroll>
            <table class="table">
              <caption class="visually-hidden">Ihre angemeldeten Geräte</caption>
              <thead>
                <tr>
                  <th scope="col">Angemeldet seit</th>
                  <th scope="col">Zuletzt aktiv</th>
                  <th scope="col">Gerät</th>
                  <th scope="col">
                    <span class="visually-hidden">Aktion</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                <For each={rows}>
                  {(s) => (
                    <tr>
                      <td>{formatDateTime(s.createdAt)}</td>
                      <td>{formatDateTime(s.lastActiveAt)}</td>
                      <td>
                        {s.userAgent ?? "unbekannt"}
                        <Show when={s.current}> (diese Sitzung)</Show>
                      </td>
                      <td>
                        <Show when={!s.current}>
                          <button
                            type="button"
                            class="button button-secondary"
                            onClick={() => revoke.mutate(s.id)}
                          >
                            Beenden
                          </button>
                        </Show>
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </TableScroll>
        )}
      </QueryView>
      <button
        type="button"
        class="button button-danger"
        onClick={() => everywhere.mutate()}
        disabled={everywhere.isPending}
      >
        Überall abmelden
      </button>
    </section>
  );
}
