// The PM-Koffer's routes: the Kommune's view in the portfolio, the Land's editor under /land. Loaded when first opened
// (the Markdown renderer comes with them).
import { Route } from "@solidjs/router";
import { guarded } from "../auth/routing.tsx";
import { lazyNamed } from "../lib/lazy-named.ts";

const HandbookPage = lazyNamed(() => import("./HandbookPage.tsx"), "HandbookPage");
const LandHandbookPage = lazyNamed(() => import("./LandHandbookPage.tsx"), "LandHandbookPage");

export function HandbookRoutes() {
  return (
    <>
      <Route path="/portfolio/pm-koffer" component={guarded(HandbookPage, "handbook.current")} />
      <Route path="/land/pm-koffer" component={guarded(LandHandbookPage, "handbook.draft")} />
    </>
  );
}
