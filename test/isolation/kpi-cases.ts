// Cross-tenant cases for what hangs on a strategy – the key figures of its goals and its risks: Kommune A uses B's real
// strategy, figure, value and risk ids and must neither read nor change them; B's never appear in A's answers.
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import type { ApiSession, CallResult } from "../src/api-client.ts";
import type { FixtureTenant } from "../src/fixtures.ts";

export type KpiSecrets = {
  strategyId: string;
  kpiId: string;
  kpiName: string;
  valueId: string;
  note: string;
  riskId: string;
  riskTitle: string;
};

/** B's whole-administration strategy with one goal, a figure for it and one measured value. */
export async function setUpKpisB(
  as: (tenant: FixtureTenant, role: string) => Promise<ApiSession>,
  b: FixtureTenant,
): Promise<KpiSecrets> {
  const tag = randomUUID().slice(0, 8);
  const cdo = await as(b, "coordinator");
  const goal = `Geheimes Ziel ${tag}`;
  const strategy = await cdo.must<{ id: string }>("strategies.save", {
    orgUnitId: null,
    title: `Geheime Gesamtstrategie ${tag}`,
    goals: [goal],
  });
  const kpiName = `Geheime Kennzahl ${tag}`;
  const kpi = await cdo.must<{ id: string }>("kpis.create", {
    strategyId: strategy.id,
    goal,
    name: kpiName,
    baseline: "10",
    baselineOn: "2024-01-01",
    target: "90",
    targetOn: "2028-12-31",
  });
  const note = `Geheime Messnotiz ${tag}`;
  await cdo.must("kpis.recordValue", { kpiId: kpi.id, measuredOn: "2025-12-31", value: "47", note });
  const [listed] = await cdo.must<{ values: { id: string }[] }[]>("kpis.list", { strategyId: strategy.id });
  const riskTitle = `Geheimes Strategierisiko ${tag}`;
  const risk = await cdo.must<{ id: string }>("steering.addStrategyRisk", {
    strategyId: strategy.id,
    title: riskTitle,
    probability: 5,
    impact: 5,
  });
  return {
    strategyId: strategy.id,
    kpiId: kpi.id,
    kpiName,
    valueId: listed!.values[0]!.id,
    note,
    riskId: risk.id,
    riskTitle,
  };
}

export const kpiCanaries = (s: KpiSecrets) => [s.kpiId, s.kpiName, s.valueId, s.note, s.riskId, s.riskTitle];

type Ctx = {
  a: () => FixtureTenant;
  b: () => FixtureTenant;
  secrets: () => KpiSecrets;
  as: (tenant: FixtureTenant, role: string) => Promise<ApiSession>;
  expectNoLeak: (...results: (CallResult | string)[]) => void;
};

export function kpiCases(c: Ctx): Record<string, () => Promise<void>> {
  const cdoA = () => c.as(c.a(), "coordinator");
  const notFound = (r: CallResult) => {
    expect(r).toMatchObject({ ok: false, code: "NOT_FOUND" });
    c.expectNoLeak(r);
  };
  async function bIntact() {
    const s = c.secrets();
    const list = await (await c.as(c.b(), "viewer")).must<
      { id: string; name: string; target: number; values: { id: string; value: number; note: string }[] }[]
    >("kpis.list", { strategyId: s.strategyId });
    expect(list).toEqual([
      expect.objectContaining({
        id: s.kpiId,
        name: s.kpiName,
        target: 90,
        values: [expect.objectContaining({ id: s.valueId, value: 47, note: s.note })],
      }),
    ]);
  }
  const kpi = {
    name: "Übernommen",
    goal: "x",
    baseline: "1",
    baselineOn: "2024-01-01",
    target: "2",
    targetOn: "2025-01-01",
  };
  return {
    "kpis.list": async () => {
      notFound(await (await c.as(c.a(), "viewer")).call("kpis.list", { strategyId: c.secrets().strategyId }));
    },
    "kpis.create": async () => {
      notFound(await (await cdoA()).call("kpis.create", { strategyId: c.secrets().strategyId, ...kpi }));
      await bIntact();
    },
    "kpis.update": async () => {
      notFound(await (await cdoA()).call("kpis.update", { id: c.secrets().kpiId, ...kpi }));
      await bIntact();
    },
    "kpis.remove": async () => {
      notFound(await (await cdoA()).call("kpis.remove", { id: c.secrets().kpiId }));
      await bIntact();
    },
    "kpis.recordValue": async () => {
      notFound(
        await (await cdoA()).call("kpis.recordValue", {
          kpiId: c.secrets().kpiId,
          measuredOn: "2025-12-31",
          value: "1",
        }),
      );
      await bIntact();
    },
    "steering.strategyRisks": async () => {
      notFound(
        await (await c.as(c.a(), "viewer")).call("steering.strategyRisks", {
          strategyId: c.secrets().strategyId,
        }),
      );
      // B's critical strategy risk is on B's leadership start page, never on A's.
      c.expectNoLeak(await (await c.as(c.a(), "leadership")).call("steering.criticalRisks"));
      const b = await (await c.as(c.b(), "leadership")).must<{ id: string }[]>("steering.criticalRisks");
      expect(b.map((r) => r.id)).toContain(c.secrets().riskId);
    },
    "steering.addStrategyRisk": async () => {
      notFound(
        await (await cdoA()).call("steering.addStrategyRisk", {
          strategyId: c.secrets().strategyId,
          title: "Fremdes Risiko",
          probability: 1,
          impact: 1,
        }),
      );
      const risks = await (await c.as(c.b(), "viewer")).must<{ risks: { id: string; title: string }[] }>(
        "steering.strategyRisks",
        { strategyId: c.secrets().strategyId },
      );
      expect(risks.risks.map((r) => r.title)).toEqual([c.secrets().riskTitle]);
    },
    "kpis.removeValue": async () => {
      notFound(await (await cdoA()).call("kpis.removeValue", { id: c.secrets().valueId }));
      await bIntact();
    },
  };
}
