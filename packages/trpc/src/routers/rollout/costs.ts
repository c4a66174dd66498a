// The cost and financing model (editable parameters, exact figures next to the seed's rounded ones, assumptions,
// remaining cost from the current rollout state), the state PMO's named scenarios side by side, and the three
// operating models with weighted criteria the PMO scores.

import type { TenantTx } from "@spatz/db";
import { queries } from "@spatz/db";
import {
  assumptions,
  type CostParams,
  type CostParamsInput,
  compareInput,
  compareScenarios,
  computeCosts,
  costModelInput,
  defaultCostParams,
  defaultCriteria,
  operatingModelGoal,
  operatingModelScoresInput,
  operatingModels,
  scenarioInput,
  scoreOperatingModels,
} from "@spatz/rollout";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { tenantProcedure } from "../../trpc.ts";
import { stateOf } from "./shared.ts";

/** The seed's example ("Berechnungsbeispiel") as the slide shows it, next to the exact computation. */
const SEED_FIGURES = {
  services: 575,
  personDaysPerService: 35,
  totalPersonDays: 20_125,
  dailyRateEuro: 1_100,
  oneOffRounded: "~22.137.000 €",
  maintenanceShare: 0.2,
  perYearRounded: "4.000.000 € p. a.",
  note: "Die Vorlage rundet: 20.125 PT × 1.100 € ergeben genau 22.137.500 € (Vorlage: »~22.137.000 €«); 20 % davon sind genau 4.427.500 € pro Jahr (Vorlage: »4.000.000 € p. a.«).",
};

async function modelInputs(tx: TenantTx) {
  const data = await queries.costData(tx);
  const state = { onlineByKommune: data.onlineByKommune, servicesProvided: data.servicesProvided };
  return { data, state };
}

function withKommunen(params: CostParamsInput, kommunen: CostParams["kommunen"]): Partial<CostParams> {
  return { ...params, kommunen };
}

const { kommunen: _omit, ...defaults } = defaultCostParams;

/** The model with the Kommunen and the rollout state from the database. */
export async function costModelResult(tx: TenantTx, params: CostParamsInput) {
  const { data, state } = await modelInputs(tx);
  return computeCosts(withKommunen(params, data.kommunen), state);
}

/** Saved scenarios side by side, each computed with the current data. */
export async function scenarioComparison(tx: TenantTx, ids: string[]) {
  const scenarios = await queries.scenariosByIds(tx, ids);
  const { data, state } = await modelInputs(tx);
  return compareScenarios(
    scenarios.map((s) => ({
      name: s.name,
      params: withKommunen(s.params, data.kommunen),
      rolloutState: state,
    })),
  );
}

export const costProcedures = {
  costModel: tenantProcedure.input(costModelInput).query(async ({ ctx, input }) => {
    stateOf(ctx);
    const { data, state } = await modelInputs(ctx.tx);
    const params = withKommunen(input.params, data.kommunen);
    const result = computeCosts(params, state);
    const { kommunen: _k, ...usedParams } = result.params;
    return {
      defaults,
      params: usedParams,
      result: { ...result, params: undefined },
      assumptions: assumptions(params),
      seed: SEED_FIGURES,
      data: {
        kommunen: data.kommunen.length,
        catalogueServices: data.catalogueServices,
        municipalServices: data.municipalServices,
        servicesProvided: data.servicesProvided,
      },
    };
  }),

  scenarios: tenantProcedure.query(({ ctx }) => {
    stateOf(ctx);
    return queries.listScenarios(ctx.tx);
  }),

  saveScenario: tenantProcedure.input(scenarioInput).mutation(({ ctx, input }) => {
    const tenantId = stateOf(ctx);
    // The parameters must give a valid model (e.g. not more than 100 % maintenance) before they are saved.
    computeCosts(input.params);
    return queries.saveScenario(ctx.tx, tenantId, ctx.session.actor, {
      id: input.id,
      name: input.name,
      description: input.description,
      params: input.params,
    });
  }),

  deleteScenario: tenantProcedure
    .input(z.object({ id: z.uuid() }))
    .mutation(({ ctx, input }) => queries.deleteScenario(ctx.tx, stateOf(ctx), ctx.session.actor, input.id)),

  compareScenarios: tenantProcedure.input(compareInput).query(({ ctx, input }) => {
    stateOf(ctx);
    return scenarioComparison(ctx.tx, input.ids);
  }),

  operatingModels: tenantProcedure.query(async ({ ctx }) => {
    stateOf(ctx);
    const saved = await queries.readModelScores(ctx.tx);
    const criteria = saved?.criteria ?? [...defaultCriteria];
    const scores = saved?.scores ?? {};
    return {
      goal: operatingModelGoal,
      models: operatingModels,
      criteria,
      scores,
      note: saved?.note ?? null,
      updatedBy: saved?.updatedBy ?? null,
      updatedAt: saved?.updatedAt ?? null,
      scoring: scoreOperatingModels(criteria, scores),
    };
  }),

  saveOperatingModelScores: tenantProcedure
    .input(operatingModelScoresInput)
    .mutation(async ({ ctx, input }) => {
      const tenantId = stateOf(ctx);
      const scoring = scoreOperatingModels(input.criteria, input.scores);
      if (!scoring.ok) throw new TRPCError({ code: "BAD_REQUEST", message: scoring.errors.join(" ") });
      await queries.saveModelScores(ctx.tx, tenantId, ctx.session.actor, input);
      return scoring;
    }),
};
