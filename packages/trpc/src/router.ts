// The application router: one sub-router per domain.
import { accountRouter } from "./routers/account.ts";
import { auditRouter } from "./routers/audit.ts";
import { authRouter } from "./routers/auth.ts";
import { benchmarkRouter } from "./routers/benchmark.ts";
import { capacityRouter } from "./routers/capacity.ts";
import { directoryRouter } from "./routers/directory.ts";
import { governanceRouter } from "./routers/governance.ts";
import { handbookRouter } from "./routers/handbook.ts";
import { jobsRouter } from "./routers/jobs.ts";
import { kpisRouter } from "./routers/kpis.ts";
import { legalRouter } from "./routers/legal.ts";
import { maturityRouter } from "./routers/maturity.ts";
import { maturityModelsRouter } from "./routers/maturity-models.ts";
import { measuresRouter } from "./routers/measures.ts";
import { orgUnitsRouter } from "./routers/org-units.ts";
import { portfolioRouter } from "./routers/portfolio.ts";
import { registrationRouter } from "./routers/registration.ts";
import { reportsRouter } from "./routers/reports.ts";
import { rolloutRouter } from "./routers/rollout.ts";
import { steeringRouter } from "./routers/steering.ts";
import { strategiesRouter } from "./routers/strategies.ts";
import { tenantExportRouter } from "./routers/tenant-export.ts";
import { tenantsRouter } from "./routers/tenants.ts";
import { usersRouter } from "./routers/users.ts";
import { router } from "./trpc.ts";

export const appRouter = router({
  auth: authRouter,
  directory: directoryRouter,
  account: accountRouter,
  users: usersRouter,
  audit: auditRouter,
  tenants: tenantsRouter,
  tenantExport: tenantExportRouter,
  maturityModels: maturityModelsRouter,
  maturity: maturityRouter,
  orgUnits: orgUnitsRouter,
  measures: measuresRouter,
  strategies: strategiesRouter,
  portfolio: portfolioRouter,
  steering: steeringRouter,
  governance: governanceRouter,
  capacity: capacityRouter,
  handbook: handbookRouter,
  kpis: kpisRouter,
  registration: registrationRouter,
  rollout: rolloutRouter,
  benchmark: benchmarkRouter,
  jobs: jobsRouter,
  reports: reportsRouter,
  legal: legalRouter,
});

export type AppRouter = typeof appRouter;
