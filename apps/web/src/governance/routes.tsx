// IT-Governance's routes (German paths); each page names the procedure it needs, so the matrix decides who sees it.
// The pages are loaded when first opened: most visits never come here, and the first page stays small.
import { Navigate, Route } from "@solidjs/router";
import { lazy } from "solid-js";
import { RequireSession } from "../auth/RequireSession.tsx";

const BodiesPage = lazy(() => import("./BodiesPage.tsx").then((m) => ({ default: m.BodiesPage })));
const BodyPage = lazy(() => import("./BodyPage.tsx").then((m) => ({ default: m.BodyPage })));
const RaciPage = lazy(() => import("./RaciPage.tsx").then((m) => ({ default: m.RaciPage })));
const ProcessesPage = lazy(() => import("./ProcessesPage.tsx").then((m) => ({ default: m.ProcessesPage })));

export function GovernanceRoutes() {
  return (
    <>
      <Route path="/steuerung" component={() => <Navigate href="/steuerung/gremien" />} />
      <Route
        path="/steuerung/gremien"
        component={() => (
          <RequireSession requires="governance.bodies">{(me) => <BodiesPage me={me} />}</RequireSession>
        )}
      />
      <Route
        path="/steuerung/gremien/:id"
        component={() => (
          <RequireSession requires="governance.body">{(me) => <BodyPage me={me} />}</RequireSession>
        )}
      />
      <Route
        path="/steuerung/raci"
        component={() => (
          <RequireSession requires="governance.raci">{(me) => <RaciPage me={me} />}</RequireSession>
        )}
      />
      <Route
        path="/steuerung/prozesse"
        component={() => (
          <RequireSession requires="governance.processes">{(me) => <ProcessesPage me={me} />}</RequireSession>
        )}
      />
    </>
  );
}
