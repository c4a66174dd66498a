// The portfolio's routes (German paths); each page names the procedure it needs, so the matrix decides who sees it.
import { Route } from "@solidjs/router";
import { lazy } from "solid-js";
import { RequireSession } from "../auth/RequireSession.tsx";
import { ProjectListPage } from "./ProjectListPage.tsx";
import { ProjectDetailPage, ProjectNewPage } from "./ProjectPages.tsx";
import { RoundPage, RoundsPage } from "./RegistrationPages.tsx";
import "./portfolio.css";

// Pages with charts or the import are loaded when first opened (ECharts alone is larger than the rest of the app).
const TimelinePage = lazy(() => import("./TimelinePage.tsx").then((m) => ({ default: m.TimelinePage })));
const DashboardPage = lazy(() => import("./DashboardPage.tsx").then((m) => ({ default: m.DashboardPage })));
const CapacityPage = lazy(() => import("./CapacityPage.tsx").then((m) => ({ default: m.CapacityPage })));
const ImportPage = lazy(() => import("./ImportPage.tsx").then((m) => ({ default: m.ImportPage })));

export function PortfolioRoutes() {
  return (
    <>
      <Route
        path="/portfolio"
        component={() => (
          <RequireSession requires="portfolio.list">{(me) => <ProjectListPage me={me} />}</RequireSession>
        )}
      />
      <Route
        path="/portfolio/projekte/neu"
        component={() => (
          <RequireSession requires="portfolio.create">{(me) => <ProjectNewPage me={me} />}</RequireSession>
        )}
      />
      <Route
        path="/portfolio/projekte/:id"
        component={() => (
          <RequireSession requires="portfolio.get">{(me) => <ProjectDetailPage me={me} />}</RequireSession>
        )}
      />
      <Route
        path="/portfolio/zeitplan"
        component={() => (
          <RequireSession requires="portfolio.timeline">{(me) => <TimelinePage me={me} />}</RequireSession>
        )}
      />
      <Route
        path="/portfolio/uebersicht"
        component={() => (
          <RequireSession requires="portfolio.dashboard">{(me) => <DashboardPage me={me} />}</RequireSession>
        )}
      />
      <Route
        path="/portfolio/kapazitaet"
        component={() => (
          <RequireSession requires="capacity.overview">{(me) => <CapacityPage me={me} />}</RequireSession>
        )}
      />
      <Route
        path="/portfolio/import"
        component={() => (
          <RequireSession requires="portfolio.importPreview">{(me) => <ImportPage me={me} />}</RequireSession>
        )}
      />
      <Route
        path="/portfolio/anmeldung"
        component={() => (
          <RequireSession requires="registration.rounds">{(me) => <RoundsPage me={me} />}</RequireSession>
        )}
      />
      <Route
        path="/portfolio/anmeldung/:id"
        component={() => (
          <RequireSession requires="registration.round">{(me) => <RoundPage me={me} />}</RequireSession>
        )}
      />
    </>
  );
}
