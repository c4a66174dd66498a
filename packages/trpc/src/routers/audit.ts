// The tenant's audit log, read-only.
import { queries } from "@spatz/db";
import { pageInput } from "@spatz/domain";
import { z } from "zod";
import { router, tenantProcedure } from "../trpc.ts";

export const auditRouter = router({
  list: tenantProcedure
    .input(
      pageInput.extend({
        action: z.string().max(80).optional(),
        entityType: z.string().max(80).optional(),
        entityId: z.string().max(80).optional(),
        actor: z.string().max(200).optional(),
        from: z.date().optional(),
        to: z.date().optional(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const [page, actions] = await Promise.all([
        queries.listAudit(ctx.tx, input),
        queries.distinctAuditActions(ctx.tx),
      ]);
      return { ...page, actions };
    }),
});
