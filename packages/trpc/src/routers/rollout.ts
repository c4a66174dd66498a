// OZG/EfA rollout: the state's catalogue, the Kommunen's rollout records, the state PMO's dashboards and the cost and
// financing model. One router; the procedures live in routers/rollout/ by audience.
import { router } from "../trpc.ts";
import { catalogueProcedures } from "./rollout/catalogue.ts";
import { costProcedures } from "./rollout/costs.ts";
import { commentProcedures, recordProcedures } from "./rollout/records.ts";
import { stateProcedures } from "./rollout/state.ts";

export const rolloutRouter = router({
  ...catalogueProcedures,
  ...recordProcedures,
  ...commentProcedures,
  ...stateProcedures,
  ...costProcedures,
});
