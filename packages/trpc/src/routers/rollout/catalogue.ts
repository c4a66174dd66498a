// The OZG catalogue: everyone reads it; the state PMO maintains its fields and corrects the derived responsibility;
// the state imports the bundled files or a newer catalogue (all or nothing, with a report of rejected rows).
import { queries, readBundledCatalogue } from "@spatz/db";
import {
  catalogueImportInput,
  ozgIdSchema,
  responsibilityInput,
  serviceInfoInput,
  serviceListInput,
} from "@spatz/rollout";
import { z } from "zod";
import { notFound } from "../../field-error.ts";
import { tenantProcedure } from "../../trpc.ts";
import { stateOf } from "./shared.ts";

export const catalogueProcedures = {
  catalogueFacets: tenantProcedure.query(({ ctx }) => queries.catalogueFacets(ctx.tx)),

  services: tenantProcedure
    .input(serviceListInput)
    .query(({ ctx, input }) => queries.listServices(ctx.tx, input)),

  service: tenantProcedure.input(z.object({ id: ozgIdSchema })).query(async ({ ctx, input }) => {
    const service = await queries.getService(ctx.tx, input.id);
    if (!service) throw notFound("Diese OZG-Leistung gibt es nicht.");
    return service;
  }),

  updateServiceInfo: tenantProcedure.input(serviceInfoInput).mutation(async ({ ctx, input }) => {
    const row = await queries.updateServiceInfo(ctx.tx, stateOf(ctx), ctx.session.actor, input);
    if (!row) throw notFound("Diese OZG-Leistung gibt es nicht.");
    return row;
  }),

  correctResponsibility: tenantProcedure.input(responsibilityInput).mutation(async ({ ctx, input }) => {
    const row = await queries.correctResponsibility(ctx.tx, stateOf(ctx), ctx.session.actor, input);
    if (!row) throw notFound("Diese OZG-Leistung gibt es nicht.");
    return row;
  }),

  importCatalogue: tenantProcedure
    .input(catalogueImportInput)
    .mutation(({ ctx, input }) =>
      queries.importCatalogue(
        ctx.tx,
        stateOf(ctx),
        ctx.session.actor,
        input.source === "bundled" ? readBundledCatalogue() : input.files,
        { source: input.source, dryRun: input.dryRun },
      ),
    ),
};
