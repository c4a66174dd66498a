// The rollout module's routes, each screen loaded on demand (its own chunk, with ECharts only where charts are).
import { Route } from "@solidjs/router";
import { guarded } from "../auth/routing.tsx";
import { lazyNamed } from "../lib/lazy-named.ts";

const OverviewPage = lazyNamed(() => import("./state/OverviewPage.tsx"), "OverviewPage");
const ServicesPage = lazyNamed(() => import("./state/ServicesPage.tsx"), "ServicesPage");
const RegionsPage = lazyNamed(() => import("./state/RegionsPage.tsx"), "RegionsPage");
const ProgressPage = lazyNamed(() => import("./state/ProgressPage.tsx"), "ProgressPage");
const DrilldownPage = lazyNamed(() => import("./state/DrilldownPage.tsx"), "DrilldownPage");
const StateRecordPage = lazyNamed(() => import("./state/StateRecordPage.tsx"), "StateRecordPage");
const CataloguePage = lazyNamed(() => import("./state/CataloguePage.tsx"), "CataloguePage");
const ServicePage = lazyNamed(() => import("./state/ServicePage.tsx"), "ServicePage");
const ImportPage = lazyNamed(() => import("./state/ImportPage.tsx"), "ImportPage");
const CostModelPage = lazyNamed(() => import("./state/CostModelPage.tsx"), "CostModelPage");
const BoardPage = lazyNamed(() => import("./kommune/BoardPage.tsx"), "BoardPage");
const RecordPage = lazyNamed(() => import("./kommune/RecordPage.tsx"), "RecordPage");

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
