// Guards the signed-in part of the app: shows loading, sends signed-out users to the login, and checks the role.
import { A, Navigate } from "@solidjs/router";
import { can, type ProcedurePath } from "@spatz/domain";
import { type JSX, Match, Switch } from "solid-js";
import { PageHeader } from "../ui/PageHeader.tsx";
import { ErrorState, Loading } from "../ui/states.tsx";
import { type Me, useSession } from "./session.ts";

export function RequireSession(props: { requires?: ProcedurePath; children: (me: Me) => JSX.Element }) {
  const session = useSession();
  return (
    <Switch>
      <Match when={session.isPending}>
        <Loading />
      </Match>
      <Match when={session.isError}>
        <ErrorState error={session.error} onRetry={() => session.refetch()} />
      </Match>
      <Match when={session.data === null}>
        <Navigate href="/anmelden" />
      </Match>
      <Match when={session.data && props.requires && !can(session.data.user.role, props.requires)}>
        {/* A page of its own (heading and title), so screen-reader users know where they landed. */}
        <PageHeader title="Kein Zugriff" />
        <ErrorState
          title="Für diese Seite fehlt Ihnen die Berechtigung."
          error={
            new Error(
              "Ihre Rolle erlaubt diese Seite nicht. Wenden Sie sich bei Bedarf an Ihre Administration.",
            )
          }
        />
        <p>
          <A href="/start">Zur Startseite</A>
        </p>
      </Match>
      <Match when={session.data}>{(me) => props.children(me())}</Match>
    </Switch>
  );
}
