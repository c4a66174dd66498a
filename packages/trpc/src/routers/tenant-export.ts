// A tenant's own administration exports all of its data: this mutation writes the audit entry and reads every tenant
// table in the session's tenant transaction; the download route (POST /dateien/export, apps/api/src/downloads.ts)
// packs the result and the evidence files into a ZIP. The tenant always comes from the session.
import { exportTenantData } from "@spatz/db";
import { router, tenantProcedure } from "../trpc.ts";

export const tenantExportRouter = router({
  prepare: tenantProcedure.mutation(({ ctx }) => {
    const { id, slug, name, kind } = ctx.session.tenant;
    return exportTenantData(ctx.tx, { id, slug, name, kind }, ctx.session.actor);
  }),
});
