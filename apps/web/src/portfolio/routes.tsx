// The portfolio's routes (German paths); each page names the procedure it needs, so the matrix decides who sees it.
import { Route } from "@solidjs/router";
import { guarded } from "../auth/routing.tsx";
import { lazyNamed } from "../lib/lazy-named.ts";
import "./portfolio.css";

// Every page is loaded when first opened (auth/routing.tsx).
const RoundPage = lazyNamed(() => import("./RegistrationPages.tsx"), "RoundPage");
const RoundsPage = lazyNamed(() => import("./RegistrationPages.tsx"), "RoundsPage");
const ProjectDetailPage = lazyNamed(() => import("./ProjectPages.tsx"), "ProjectDetailPage");
const ProjectNewPage = lazyNamed(() => import("./ProjectPages.tsx"), "ProjectNewPage");
const ProjectListPage = lazyNamed(() => import("./ProjectListPage.tsx"), "ProjectListPage");
const TimelinePage = lazyNamed(() => import("./TimelinePage.tsx"), "TimelinePage");
const DashboardPage = lazyNamed(() => import("./DashboardPage.tsx"), "DashboardPage");
const CapacityPage = lazyNamed(() => import("./CapacityPage.tsx"), "CapacityPage");
const ImportPage = lazyNamed(() => import("./ImportPage.tsx"), "ImportPage");

export function PortfolioRoutes() {
  return (
    <>
      <Route path="/portfolio" component={guarded(ProjectListPage, "portfolio.list")} />
      <Route path="/portfolio/projekte/neu" component={guarded(ProjectNewPage, "portfolio.create")} />
      <Route path="/portfolio/projekte/:id" component={guarded(ProjectDetailPage, "portfolio.get")} />
      <Route path="/portfolio/zeitplan" component={guarded(TimelinePage, "portfolio.timeline")} />
      <Route path="/portfolio/uebersicht" component={guarded(DashboardPage, "portfolio.dashboard")} />
      <Route path="/portfolio/kapazitaet" component={guarded(CapacityPage, "capacity.overview")} />
      <Route path="/portfolio/import" component={guarded(ImportPage, "portfolio.importPreview")} />
      <Route path="/portfolio/anmeldung" component={guarded(RoundsPage, "registration.rounds")} />
      <Route path="/portfolio/anmeldung/:id" component={guarded(RoundPage, "registration.round")} />
    </>
  );
}
