// The public tenant directory behind the login picker: names and slugs only.
import { queries } from "@spatz/db";
import { pageInput, TENANT_KINDS, tenantSlug } from "@spatz/domain";
import { z } from "zod";
import { publicProcedure, router } from "../trpc.ts";

export const directoryRouter = router({
  tenants: publicProcedure
    .input(
      pageInput.extend({ search: z.string().max(100).optional(), kind: z.enum(TENANT_KINDS).optional() }),
    )
    .query(async ({ ctx, input }) => {
      const page = await ctx.caps.registry((tx) => queries.listTenants(tx, { ...input, status: "active" }));
      return {
        ...page,
        items: page.items.map(({ id, slug, name, kind, kreisName }) => ({ id, slug, name, kind, kreisName })),
      };
    }),

  tenantBySlug: publicProcedure.input(z.object({ slug: tenantSlug })).query(async ({ ctx, input }) => {
    const tenant = await ctx.caps.registry((tx) => queries.getTenantBySlug(tx, input.slug));
    if (tenant?.status !== "active") return null;
    return { slug: tenant.slug, name: tenant.name, kind: tenant.kind, kreisName: tenant.kreisName };
  }),
});
