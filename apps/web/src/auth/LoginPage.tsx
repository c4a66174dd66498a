// Sign-in for one administration: /t/<kennung>/anmelden.
import { A, useNavigate, useParams, useSearchParams } from "@solidjs/router";
import { useMutation, useQuery } from "@tanstack/solid-query";
import { createSignal, Show } from "solid-js";
import { errorMessage, fieldErrors, trpc } from "../lib/trpc.ts";
import { Form, TextField } from "../ui/Field.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";
import { QueryView } from "../ui/QueryView.tsx";
import { Alert, EmptyState } from "../ui/states.tsx";
import { useResetSession } from "./session.ts";

export function LoginPage() {
  const params = useParams<{ slug: string }>();
  const [search] = useSearchParams<{ sitzung?: string }>();
  const navigate = useNavigate();
  const reset = useResetSession();
  const tenant = useQuery(() => ({
    queryKey: ["directory.tenantBySlug", params.slug],
    queryFn: () => trpc.directory.tenantBySlug.query({ slug: params.slug }),
  }));
  const [email, setEmail] = createSignal("");
  const [password, setPassword] = createSignal("");
  const login = useMutation(() => ({
    mutationFn: () =>
      trpc.auth.login.mutate({ tenantSlug: params.slug, email: email(), password: password() }),
    onSuccess: async () => {
      await reset();
      navigate("/start", { replace: true });
    },
    onError: () => setPassword(""),
  }));
  const errors = () => fieldErrors(login.error);
  return (
    <section class="narrow">
      <QueryView
        query={tenant}
        isEmpty={(t) => t === null}
        empty={
          <EmptyState
            title="Diese Verwaltung gibt es nicht oder sie ist gesperrt."
            action={<A href="/anmelden">Verwaltung suchen</A>}
          >
            Bitte prüfen Sie den Link.
          </EmptyState>
        }
      >
        {(t) => (
          <>
            <PageHeader title={`Anmelden – ${t!.name}`} />
            <Form onSubmit={() => login.mutate()}>
              <Show when={search.sitzung === "beendet" && !login.isError}>
                <Alert kind="info">
                  Ihre Sitzung ist abgelaufen oder wurde beendet. Bitte melden Sie sich erneut an.
                </Alert>
              </Show>
              <Show when={login.isError && !Object.keys(errors()).length}>
                <Alert kind="error">{errorMessage(login.error)}</Alert>
              </Show>
              <TextField
                label="E-Mail-Adresse"
                type="email"
                name="email"
                autocomplete="username"
                required
                value={email()}
                onInput={(e) => setEmail(e.currentTarget.value)}
                error={errors().email}
              />
              <TextField
                label="Passwort"
                type="password"
                name="password"
                autocomplete="current-password"
                required
                value={password()}
                onInput={(e) => setPassword(e.currentTarget.value)}
                error={errors().password}
              />
              <button type="submit" class="button button-primary" disabled={login.isPending}>
                {login.isPending ? "Anmeldung läuft …" : "Anmelden"}
              </button>
            </Form>
            <p class="muted">
              Andere Verwaltung? <A href="/anmelden">Verwaltung wechseln</A>
            </p>
          </>
        )}
      </QueryView>
    </section>
  );
}
