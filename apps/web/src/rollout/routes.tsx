// The rollout module's routes, each screen loaded on demand (its own chunk, with ECharts only where charts are).
import { Route } from "@solidjs/router";
import type { ProcedurePath } from "@spatz/domain";
import { type Component, lazy } from "solid-js";
import { RequireSession } from "../auth/RequireSession.tsx";
import type { Me } from "../auth/session.ts";

const page = (load: () => Promise<Record<string, unknown>>, name: string) =>
  lazy(async () => ({ default: (await load())[name] as Component<{ me: Me }> }));

const OverviewPage = page(() => import("./state/OverviewPage.tsx"), "OverviewPage");
const ServicesPage = page(() => import("./state/ServicesPage.tsx"), "ServicesPage");
const RegionsPage = page(() => import("./state/RegionsPage.tsx"), "RegionsPage");
const ProgressPage = page(() => import("./state/ProgressPage.tsx"), "ProgressPage");
const DrilldownPage = page(() => import("./state/DrilldownPage.tsx"), "DrilldownPage");
const StateRecordPage = page(() => import("./state/StateRecordPage.tsx"), "StateRecordPage");
const CataloguePage = page(() => import("./state/CataloguePage.tsx"), "CataloguePage");
const ServicePage = page(() => import("./state/ServicePage.tsx"), "ServicePage");
const ImportPage = page(() => import("./state/ImportPage.tsx"), "ImportPage");
const CostModelPage = page(() => import("./state/CostModelPage.tsx"), "CostModelPage");
const BoardPage = page(() => import("./kommune/BoardPage.tsx"), "BoardPage");
const RecordPage = page(() => import("./kommune/RecordPage.tsx"), "RecordPage");

const guarded = (Page: Component<{ me: Me }>, requires: ProcedurePath) => () => (
  <RequireSession requires={requires}>{(me) => <Page me={me} />}</RequireSession>
);

export function RolloutRoutes() {
  return (
    <>
      <Route path="/land/rollout" component={guarded(OverviewPage, "rollout.stateOverview")} />
      <Route path="/land/rollout/leistungen" component={guarded(ServicesPage, "rollout.coverageByService")} />
      <Route path="/land/rollout/regionen" component={guarded(RegionsPage, "rollout.coverageByKommune")} />
      <Route path="/land/rollout/verlauf" component={guarded(ProgressPage, "rollout.progress")} />
      <Route path="/land/rollout/eintraege" component={guarded(DrilldownPage, "rollout.drilldown")} />
      <Route
        path="/land/rollout/eintraege/:kommuneId/:serviceId"
        component={guarded(StateRecordPage, "rollout.kommuneRecord")}
      />
      <Route path="/land/katalog" component={guarded(CataloguePage, "rollout.services")} />
      <Route path="/land/katalog/import" component={guarded(ImportPage, "rollout.importCatalogue")} />
      <Route path="/land/katalog/:id" component={guarded(ServicePage, "rollout.service")} />
      <Route path="/land/kosten" component={guarded(CostModelPage, "rollout.costModel")} />
      <Route path="/rollout" component={guarded(BoardPage, "rollout.board")} />
      <Route path="/rollout/:serviceId" component={guarded(RecordPage, "rollout.record")} />
    </>
  );
}
