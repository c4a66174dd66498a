// Accepting an invitation: /t/<kennung>/einladung#<token>; the invitee sets a password and is signed in.
import { A, useLocation, useNavigate, useParams } from "@solidjs/router";
import { formatDate, PASSWORD_MIN_LENGTH, ROLE_LABELS } from "@spatz/domain";
import { useMutation, useQuery } from "@tanstack/solid-query";
import { createSignal, Show } from "solid-js";
import { errorMessage, fieldErrors, trpc } from "../lib/trpc.ts";
import { Form, TextField } from "../ui/Field.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";
import { QueryView } from "../ui/QueryView.tsx";
import { Alert, EmptyState } from "../ui/states.tsx";
import { useResetSession } from "./session.ts";

export function InvitationPage() {
  const params = useParams<{ slug: string }>();
  const location = useLocation();
  const navigate = useNavigate();
  const reset = useResetSession();
  const token = () => location.hash.replace(/^#/, "");
  const info = useQuery(() => ({
    queryKey: ["auth.invitationInfo", params.slug, token()],
    queryFn: () => trpc.auth.invitationInfo.query({ tenantSlug: params.slug, token: token() }),
    enabled: token().length > 0,
  }));
  const [password, setPassword] = createSignal("");
  const [confirm, setConfirm] = createSignal("");
  const accept = useMutation(() => ({
    mutationFn: () =>
      trpc.auth.acceptInvitation.mutate({
        tenantSlug: params.slug,
        token: token(),
        password: password(),
        confirmPassword: confirm(),
      }),
    onSuccess: async () => {
      await reset();
      navigate("/start", { replace: true });
    },
  }));
  const errors = () => fieldErrors(accept.error);
  const invalid = (
    <EmptyState
      title="Diese Einladung ist ungültig, abgelaufen oder wurde bereits verwendet."
      action={<A href="/anmelden">Zur Anmeldung</A>}
    >
      Bitte bitten Sie Ihre Administration um eine neue Einladung.
    </EmptyState>
  );
  return (
    <section class="narrow">
      <Show when={token()} fallback={invalid}>
        <QueryView query={info} isEmpty={(d) => d === null} empty={invalid}>
          {(inv) => (
            <>
              <PageHeader title="Einladung annehmen" intro={`${inv!.tenant.name} lädt Sie zu SPATZ ein.`} />
              <dl class="facts">
                <dt>E-Mail-Adresse</dt>
                <dd>{inv!.email}</dd>
                <dt>Name</dt>
                <dd>{inv!.displayName}</dd>
                <dt>Rolle</dt>
                <dd>{ROLE_LABELS[inv!.role]}</dd>
                <dt>Gültig bis</dt>
                <dd>{formatDate(inv!.expiresAt)}</dd>
              </dl>
              <Form onSubmit={() => accept.mutate()}>
                <Show when={accept.isError && !Object.keys(errors()).length}>
                  <Alert kind="error">{errorMessage(accept.error)}</Alert>
                </Show>
                <TextField
                  label="Neues Passwort"
                  hint={`Mindestens ${PASSWORD_MIN_LENGTH} Zeichen.`}
                  type="password"
                  autocomplete="new-password"
                  value={password()}
                  onInput={(e) => setPassword(e.currentTarget.value)}
                  error={errors().password}
                />
                <TextField
                  label="Passwort wiederholen"
                  type="password"
                  autocomplete="new-password"
                  value={confirm()}
                  onInput={(e) => setConfirm(e.currentTarget.value)}
                  error={errors().confirmPassword}
                />
                <button type="submit" class="button button-primary" disabled={accept.isPending}>
                  Passwort festlegen und anmelden
                </button>
              </Form>
            </>
          )}
        </QueryView>
      </Show>
    </section>
  );
}
