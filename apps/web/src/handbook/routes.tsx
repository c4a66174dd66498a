// The PM-Koffer's routes: the Kommune's view in the portfolio, the Land's editor under /land. Loaded when first opened
// (the Markdown renderer comes with them).
import { Route } from "@solidjs/router";
import { lazy } from "solid-js";
import { RequireSession } from "../auth/RequireSession.tsx";

const HandbookPage = lazy(() => import("./HandbookPage.tsx").then((m) => ({ default: m.HandbookPage })));
const LandHandbookPage = lazy(() =>
  import("./LandHandbookPage.tsx").then((m) => ({ default: m.LandHandbookPage })),
);

export function HandbookRoutes() {
  return (
    <>
      <Route
        path="/portfolio/pm-koffer"
        component={() => (
          <RequireSession requires="handbook.current">{(me) => <HandbookPage me={me} />}</RequireSession>
        )}
      />
      <Route
        path="/land/pm-koffer"
        component={() => (
          <RequireSession requires="handbook.draft">{(me) => <LandHandbookPage me={me} />}</RequireSession>
        )}
      />
    </>
  );
}
