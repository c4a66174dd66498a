// Routes. German paths; each signed-in page states the procedure it needs, so the matrix decides who sees it.
import { Navigate, Route, Router } from "@solidjs/router";
import { QueryClientProvider } from "@tanstack/solid-query";
import { lazy, Match, Switch } from "solid-js";
import { AccountPage } from "./account/AccountPage.tsx";
import { AuditPage } from "./admin/AuditPage.tsx";
import { ExportPage } from "./admin/ExportPage.tsx";
import { UsersPage } from "./admin/UsersPage.tsx";
import { InvitationPage } from "./auth/InvitationPage.tsx";
import { LoginPage } from "./auth/LoginPage.tsx";
import { RequireSession } from "./auth/RequireSession.tsx";
import { useSession } from "./auth/session.ts";
import { TenantPicker } from "./auth/TenantPicker.tsx";
import { GovernanceRoutes } from "./governance/routes.tsx";
import { HandbookRoutes } from "./handbook/routes.tsx";
import { StartPage } from "./home/StartPage.tsx";
import { LegalPage } from "./legal/LegalPage.tsx";
import { queryClient } from "./lib/query-client.ts";
import { MeasureBoardPage } from "./measures/MeasureBoardPage.tsx";
import { MeasureDetailPage } from "./measures/MeasureDetailPage.tsx";
import { MeasureListPage } from "./measures/MeasureListPage.tsx";
import { NewMeasurePage } from "./measures/NewMeasurePage.tsx";
import { ModelEditorPage } from "./model/ModelEditorPage.tsx";
import { ModelListPage } from "./model/ModelListPage.tsx";
import { OrgUnitsPage } from "./org/OrgUnitsPage.tsx";
import { PortfolioRoutes } from "./portfolio/routes.tsx";
import { RolloutRoutes } from "./rollout/routes.tsx";
import { TenantsPage } from "./state/TenantsPage.tsx";
import { StrategyPage } from "./strategy/StrategyPage.tsx";
import { Layout } from "./ui/Layout.tsx";
import { PageHeader } from "./ui/PageHeader.tsx";
import { EmptyState, Loading } from "./ui/states.tsx";

// Pages with charts are loaded when first opened, like the portfolio's and rollout's chart pages.
const LandBenchmarkPage = lazy(() =>
  import("./benchmark/LandPage.tsx").then((m) => ({ default: m.LandPage })),
);
const VergleichPage = lazy(() =>
  import("./benchmark/VergleichPage.tsx").then((m) => ({ default: m.VergleichPage })),
);
const SharingPage = lazy(() =>
  import("./benchmark/SharingPage.tsx").then((m) => ({ default: m.SharingPage })),
);
const ReportsPage = lazy(() => import("./reports/ReportsPage.tsx").then((m) => ({ default: m.ReportsPage })));
const JobsPage = lazy(() => import("./benchmark/JobsPage.tsx").then((m) => ({ default: m.JobsPage })));
const HelpPage = lazy(() => import("./help/HelpPage.tsx").then((m) => ({ default: m.HelpPage })));
const KommuneProfilePage = lazy(() =>
  import("./state/KommuneProfilePage.tsx").then((m) => ({ default: m.KommuneProfilePage })),
);
// The maturity dashboard draws charts: loaded when first opened, like the portfolio's and rollout's chart pages.
const DashboardPage = lazy(() =>
  import("./maturity/DashboardPage.tsx").then((m) => ({ default: m.DashboardPage })),
);

function Home() {
  const session = useSession();
  return (
    <Switch fallback={<Loading />}>
      <Match when={session.data}>
        <Navigate href="/start" />
      </Match>
      <Match when={session.data === null || session.isError}>
        <Navigate href="/anmelden" />
      </Match>
    </Switch>
  );
}

function NotFound() {
  return (
    <>
      <PageHeader title="Seite nicht gefunden" />
      <EmptyState title="Diese Seite gibt es nicht." action={<a href="/">Zur Startseite</a>} />
    </>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <Router root={Layout}>
        <Route path="/" component={Home} />
        <Route path="/anmelden" component={TenantPicker} />
        <Route path="/impressum" component={() => <LegalPage page="impressum" />} />
        <Route path="/datenschutz" component={() => <LegalPage page="datenschutz" />} />
        <Route path="/barrierefreiheit" component={() => <LegalPage page="barrierefreiheit" />} />
        <Route path="/hilfe/:topic?" component={HelpPage} />
        <Route path="/t/:slug/anmelden" component={LoginPage} />
        <Route path="/t/:slug/einladung" component={InvitationPage} />
        <Route
          path="/start"
          component={() => <RequireSession>{(me) => <StartPage me={me} />}</RequireSession>}
        />
        <Route
          path="/konto"
          component={() => <RequireSession>{(me) => <AccountPage me={me} />}</RequireSession>}
        />
        <Route
          path="/verwaltung/benutzer"
          component={() => (
            <RequireSession requires="users.list">{(me) => <UsersPage me={me} />}</RequireSession>
          )}
        />
        <Route
          path="/verwaltung/protokoll"
          component={() => <RequireSession requires="audit.list">{() => <AuditPage />}</RequireSession>}
        />
        <Route
          path="/verwaltung/export"
          component={() => (
            <RequireSession requires="tenantExport.prepare">{(me) => <ExportPage me={me} />}</RequireSession>
          )}
        />
        <Route
          path="/land/kommunen"
          component={() => (
            <RequireSession requires="tenants.list">{(me) => <TenantsPage me={me} />}</RequireSession>
          )}
        />
        <Route
          path="/land/kommunen/:id"
          component={() => (
            <RequireSession requires="tenants.profile">
              {(me) => <KommuneProfilePage me={me} />}
            </RequireSession>
          )}
        />
        <Route
          path="/reifegrad"
          component={() => (
            <RequireSession requires="maturity.dashboard">{(me) => <DashboardPage me={me} />}</RequireSession>
          )}
        />
        <Route
          path="/massnahmen"
          component={() => (
            <RequireSession requires="measures.list">{(me) => <MeasureListPage me={me} />}</RequireSession>
          )}
        />
        <Route
          path="/massnahmen/board"
          component={() => (
            <RequireSession requires="measures.list">{(me) => <MeasureBoardPage me={me} />}</RequireSession>
          )}
        />
        <Route
          path="/massnahmen/neu"
          component={() => (
            <RequireSession requires="measures.create">{(me) => <NewMeasurePage me={me} />}</RequireSession>
          )}
        />
        <Route
          path="/massnahmen/:id"
          component={() => (
            <RequireSession requires="measures.get">{(me) => <MeasureDetailPage me={me} />}</RequireSession>
          )}
        />
        <Route
          path="/strategie"
          component={() => (
            <RequireSession requires="strategies.list">{(me) => <StrategyPage me={me} />}</RequireSession>
          )}
        />
        <Route
          path="/verwaltung/organisation"
          component={() => (
            <RequireSession requires="orgUnits.create">{() => <OrgUnitsPage />}</RequireSession>
          )}
        />
        <Route
          path="/land/reifegradmodell"
          component={() => (
            <RequireSession requires="maturityModels.list">
              {(me) => <ModelListPage me={me} />}
            </RequireSession>
          )}
        />
        <Route
          path="/land/reifegradmodell/:id"
          component={() => (
            <RequireSession requires="maturityModels.get">
              {(me) => <ModelEditorPage me={me} />}
            </RequireSession>
          )}
        />
        <Route
          path="/land/reifegrad"
          component={() => (
            <RequireSession requires="benchmark.kreisMap">
              {(me) => <LandBenchmarkPage me={me} />}
            </RequireSession>
          )}
        />
        <Route
          path="/land/hintergrundaufgaben"
          component={() => <RequireSession requires="jobs.overview">{() => <JobsPage />}</RequireSession>}
        />
        <Route
          path="/vergleich"
          component={() => (
            <RequireSession requires="benchmark.position">{(me) => <VergleichPage me={me} />}</RequireSession>
          )}
        />
        <Route
          path="/berichte"
          component={() => (
            <RequireSession requires="reports.list">{(me) => <ReportsPage me={me} />}</RequireSession>
          )}
        />
        <Route
          path="/verwaltung/vergleich"
          component={() => (
            <RequireSession requires="benchmark.sharing">{(me) => <SharingPage me={me} />}</RequireSession>
          )}
        />
        <PortfolioRoutes />
        <GovernanceRoutes />
        <HandbookRoutes />
        <RolloutRoutes />
        <Route path="*" component={NotFound} />
      </Router>
    </QueryClientProvider>
  );
}
