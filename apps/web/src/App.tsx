// Routes. German paths; each signed-in page states the procedure it needs, so the matrix decides who sees it.
import { Navigate, Route, Router } from "@solidjs/router";
import { QueryClientProvider } from "@tanstack/solid-query";
import { Match, Switch } from "solid-js";
import { LoginPage } from "./auth/LoginPage.tsx";
import { guarded, preloadData } from "./auth/routing.tsx";
import { useSession } from "./auth/session.ts";
import { TenantPicker } from "./auth/TenantPicker.tsx";
import { GovernanceRoutes } from "./governance/routes.tsx";
import { HandbookRoutes } from "./handbook/routes.tsx";
import { lazyNamed } from "./lib/lazy-named.ts";
import { queryClient } from "./lib/query-client.ts";
import { preloadDashboard } from "./maturity/queries.ts";
import { PortfolioRoutes } from "./portfolio/routes.tsx";
import { RolloutRoutes } from "./rollout/routes.tsx";
import { Layout } from "./ui/Layout.tsx";
import { PageHeader } from "./ui/PageHeader.tsx";
import { EmptyState, Loading } from "./ui/states.tsx";

// Every page but the sign-in's is loaded when first opened (auth/routing.tsx).
const AccountPage = lazyNamed(() => import("./account/AccountPage.tsx"), "AccountPage");
const AuditPage = lazyNamed(() => import("./admin/AuditPage.tsx"), "AuditPage");
const DashboardPage = lazyNamed(() => import("./maturity/DashboardPage.tsx"), "DashboardPage");
const ExportPage = lazyNamed(() => import("./admin/ExportPage.tsx"), "ExportPage");
const HelpPage = lazyNamed(() => import("./help/HelpPage.tsx"), "HelpPage");
const InvitationPage = lazyNamed(() => import("./auth/InvitationPage.tsx"), "InvitationPage");
const JobsPage = lazyNamed(() => import("./benchmark/JobsPage.tsx"), "JobsPage");
const KommuneProfilePage = lazyNamed(() => import("./state/KommuneProfilePage.tsx"), "KommuneProfilePage");
const LandBenchmarkPage = lazyNamed(() => import("./benchmark/LandPage.tsx"), "LandPage");
const LegalPage = lazyNamed(() => import("./legal/LegalPage.tsx"), "LegalPage");
const MeasureBoardPage = lazyNamed(() => import("./measures/MeasureBoardPage.tsx"), "MeasureBoardPage");
const MeasureDetailPage = lazyNamed(() => import("./measures/MeasureDetailPage.tsx"), "MeasureDetailPage");
const MeasureListPage = lazyNamed(() => import("./measures/MeasureListPage.tsx"), "MeasureListPage");
const ModelEditorPage = lazyNamed(() => import("./model/ModelEditorPage.tsx"), "ModelEditorPage");
const ModelListPage = lazyNamed(() => import("./model/ModelListPage.tsx"), "ModelListPage");
const NewMeasurePage = lazyNamed(() => import("./measures/NewMeasurePage.tsx"), "NewMeasurePage");
const OrgUnitsPage = lazyNamed(() => import("./org/OrgUnitsPage.tsx"), "OrgUnitsPage");
const ReportsPage = lazyNamed(() => import("./reports/ReportsPage.tsx"), "ReportsPage");
const SharingPage = lazyNamed(() => import("./benchmark/SharingPage.tsx"), "SharingPage");
const StartPage = lazyNamed(() => import("./home/StartPage.tsx"), "StartPage");
const StrategyPage = lazyNamed(() => import("./strategy/StrategyPage.tsx"), "StrategyPage");
const TenantsPage = lazyNamed(() => import("./state/TenantsPage.tsx"), "TenantsPage");
const UsersPage = lazyNamed(() => import("./admin/UsersPage.tsx"), "UsersPage");
const VergleichPage = lazyNamed(() => import("./benchmark/VergleichPage.tsx"), "VergleichPage");

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
        <Route path="/start" component={guarded(StartPage)} />
        <Route path="/konto" component={guarded(AccountPage)} />
        <Route path="/verwaltung/benutzer" component={guarded(UsersPage, "users.list")} />
        <Route path="/verwaltung/protokoll" component={guarded(AuditPage, "audit.list")} />
        <Route path="/verwaltung/export" component={guarded(ExportPage, "tenantExport.prepare")} />
        <Route path="/land/kommunen" component={guarded(TenantsPage, "tenants.list")} />
        <Route path="/land/kommunen/:id" component={guarded(KommuneProfilePage, "tenants.profile")} />
        <Route
          path="/reifegrad"
          component={guarded(DashboardPage, "maturity.dashboard")}
          preload={preloadData("maturity.dashboard", preloadDashboard)}
        />
        <Route path="/massnahmen" component={guarded(MeasureListPage, "measures.list")} />
        <Route path="/massnahmen/board" component={guarded(MeasureBoardPage, "measures.list")} />
        <Route path="/massnahmen/neu" component={guarded(NewMeasurePage, "measures.create")} />
        <Route path="/massnahmen/:id" component={guarded(MeasureDetailPage, "measures.get")} />
        <Route path="/strategie" component={guarded(StrategyPage, "strategies.list")} />
        <Route path="/verwaltung/organisation" component={guarded(OrgUnitsPage, "orgUnits.create")} />
        <Route path="/land/reifegradmodell" component={guarded(ModelListPage, "maturityModels.list")} />
        <Route path="/land/reifegradmodell/:id" component={guarded(ModelEditorPage, "maturityModels.get")} />
        <Route path="/land/reifegrad" component={guarded(LandBenchmarkPage, "benchmark.kreisMap")} />
        <Route path="/land/hintergrundaufgaben" component={guarded(JobsPage, "jobs.overview")} />
        <Route path="/vergleich" component={guarded(VergleichPage, "benchmark.position")} />
        <Route path="/berichte" component={guarded(ReportsPage, "reports.list")} />
        <Route path="/verwaltung/vergleich" component={guarded(SharingPage, "benchmark.sharing")} />
        <PortfolioRoutes />
        <GovernanceRoutes />
        <HandbookRoutes />
        <RolloutRoutes />
        <Route path="*" component={NotFound} />
      </Router>
    </QueryClientProvider>
  );
}
