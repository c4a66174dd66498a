// IT-Governance's routes (German paths); each page names the procedure it needs, so the matrix decides who sees it.
// The pages are loaded when first opened: most visits never come here, and the first page stays small.
import { Navigate, Route } from "@solidjs/router";
import { guarded } from "../auth/routing.tsx";
import { lazyNamed } from "../lib/lazy-named.ts";

const BodiesPage = lazyNamed(() => import("./BodiesPage.tsx"), "BodiesPage");
const BodyPage = lazyNamed(() => import("./BodyPage.tsx"), "BodyPage");
const RaciPage = lazyNamed(() => import("./RaciPage.tsx"), "RaciPage");
const ProcessesPage = lazyNamed(() => import("./ProcessesPage.tsx"), "ProcessesPage");

export function GovernanceRoutes() {
  return (
    <>
      <Route path="/steuerung" component={() => <Navigate href="/steuerung/gremien" />} />
      <Route path="/steuerung/gremien" component={guarded(BodiesPage, "governance.bodies")} />
      <Route path="/steuerung/gremien/:id" component={guarded(BodyPage, "governance.body")} />
      <Route path="/steuerung/raci" component={guarded(RaciPage, "governance.raci")} />
      <Route path="/steuerung/prozesse" component={guarded(ProcessesPage, "governance.processes")} />
    </>
  );
}
