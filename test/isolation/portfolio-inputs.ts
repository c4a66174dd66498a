// Valid inputs for the portfolio procedures in the authorization matrix, built fresh per call in the caller's tenant.
// Project-level rules matter here: a project lead may change only projects they lead, so the fixtures are led by the
// calling user; for the roles the matrix refuses, the same inputs must be refused with FORBIDDEN.
import { randomUUID } from "node:crypto";
import { type Database, queries, withTenant } from "@spatz/db";
import type { ProcedurePath, Role } from "@spatz/domain";
import type { FixtureTenant } from "../src/fixtures.ts";
import { createStrategy } from "../src/maturity-fixtures.ts";
import {
  base64,
  FIXTURE_ACTOR,
  openRoundFixture,
  orgUnitFixture,
  orgUnitsFixture,
  projectFixture,
  proposalFixture,
  roundFixture,
  SIMPLE_MAPPING,
  savedFilterFixture,
  simpleList,
} from "../src/portfolio.ts";
import type { TestApp } from "../src/server.ts";

type Env = { tenant: FixtureTenant; role: Role };
type Factory = (env: Env) => Promise<unknown> | unknown;
type PortfolioPath = Extract<
  ProcedurePath,
  | `orgUnits.${string}`
  | `portfolio.${string}`
  | `registration.${string}`
  | `steering.${string}`
  | `capacity.${string}`
>;

/** A central capacity entry of the tenant (the state has none of its own: an unknown id is refused there anyway). */
async function capacityFixture(db: Database, tenantId: string): Promise<string> {
  const row = await withTenant(db, tenantId, (tx) =>
    queries.createCapacitySource(tx, tenantId, FIXTURE_ACTOR, {
      gbId: null,
      year: 2025,
      kind: "internal",
      name: `Team ${randomUUID().slice(0, 8)}`,
      personDays: 100,
      consumedDays: 0,
      decisionId: null,
    }),
  );
  return row.id;
}

export function portfolioInputs(app: () => TestApp): Record<PortfolioPath, Factory> {
  const db = () => app().client.db;
  const me = (e: Env) => e.tenant.users[e.role]!.id;
  const strategyOf = async (e: Env) =>
    e.tenant.kind === "state" ? randomUUID() : (await createStrategy(app(), e.tenant)).id;
  const ledProject = (e: Env) => projectFixture(db(), e.tenant.id, { leadUserId: me(e) });
  return {
    "orgUnits.list": () => undefined,
    "orgUnits.create": () => ({
      code: `G${randomUUID().slice(0, 6)}`,
      name: "Geschäftsbereich Test",
      kind: "gb",
      parentId: null,
    }),
    "orgUnits.update": async (e) => {
      const unit = await orgUnitFixture(db(), e.tenant.id);
      return { id: unit.id, code: unit.code, name: "Umbenannt" };
    },
    "orgUnits.remove": async (e) => ({ id: (await orgUnitFixture(db(), e.tenant.id)).id }),

    "portfolio.list": () => ({ page: 1, pageSize: 10, filter: { year: 2024 }, sort: "name" }),
    "portfolio.filterOptions": () => undefined,
    "portfolio.get": async (e) => ({ id: (await projectFixture(db(), e.tenant.id)).projectId }),
    "portfolio.history": async (e) => ({
      id: (await projectFixture(db(), e.tenant.id)).projectId,
      page: 1,
      pageSize: 10,
    }),
    "portfolio.dashboard": () => ({ filter: { year: 2024 } }),
    "portfolio.timeline": () => ({ from: "2024-01-01", to: "2024-12-31", page: 1, pageSize: 20 }),
    "portfolio.export": () => ({ format: "csv" }),
    "portfolio.create": async (e) => ({
      ...(await orgUnitsFixture(db(), e.tenant.id)),
      name: `Neues Projekt ${randomUUID().slice(0, 8)}`,
      start: "2025-01-01",
      end: "2025-06-30",
      status: "approved",
      budget: "12.500,00 €",
      effortDays: "30",
    }),
    "portfolio.update": async (e) => {
      const p = await ledProject(e);
      return {
        id: p.projectId,
        gbId: p.gbId,
        rId: p.rId,
        name: `${p.name} (geändert)`,
        start: "2024-01-01",
        end: "2024-12-31",
        status: "in_progress",
        leadUserId: me(e),
      };
    },
    "portfolio.complete": async (e) => ({ id: (await ledProject(e)).projectId }),
    "portfolio.remove": async (e) => ({ id: (await projectFixture(db(), e.tenant.id)).projectId }),
    "portfolio.addMilestone": async (e) => ({
      projectId: (await ledProject(e)).projectId,
      title: "Go-live",
      dueDate: "2024-11-01",
    }),
    "portfolio.updateMilestone": async (e) => ({
      id: (await ledProject(e)).milestoneId,
      title: "Abnahme erledigt",
      dueDate: "2024-06-30",
      done: true,
    }),
    "portfolio.removeMilestone": async (e) => ({ id: (await ledProject(e)).milestoneId }),
    "portfolio.setStandard": async (e) => ({
      projectId: (await ledProject(e)).projectId,
      standard: "risk_register",
      followed: true,
    }),
    "portfolio.importPreview": () => ({
      fileName: "liste.tsv",
      contentBase64: base64(simpleList(`Import ${randomUUID().slice(0, 8)}`)),
    }),
    "portfolio.importCommit": () => ({
      fileName: "liste.tsv",
      contentBase64: base64(simpleList(`Import ${randomUUID().slice(0, 8)}`)),
      mapping: SIMPLE_MAPPING,
    }),
    "portfolio.savedFilters": () => undefined,
    "portfolio.saveFilter": () => ({
      name: `Filter ${randomUUID().slice(0, 6)}`,
      filter: { status: "approved" },
    }),
    "portfolio.deleteFilter": async (e) => ({ id: (await savedFilterFixture(db(), e.tenant.id, me(e))).id }),

    "registration.rounds": () => undefined,
    "registration.round": async (e) => ({ id: await openRoundFixture(db(), e.tenant.id) }),
    "registration.openRound": (e) => ({ year: 2099 - KOMMUNE_ROLE_INDEX[e.role], title: "Anmeldung" }),
    "registration.updateRound": async (e) => ({
      id: (await roundFixture(db(), e.tenant.id)).id,
      title: "Anmeldung (verlängert)",
      deadline: "2024-04-30",
      weights: { strategicFit: 50, urgency: 20, dependencies: 20, cost: 10 },
    }),
    "registration.setRoundStatus": async (e) => ({
      id: (await roundFixture(db(), e.tenant.id)).id,
      status: "closed",
    }),
    "registration.submitProposal": async (e) => ({
      roundId: await openRoundFixture(db(), e.tenant.id),
      ...(await orgUnitsFixture(db(), e.tenant.id)),
      name: `Vorschlag ${randomUUID().slice(0, 8)}`,
      start: "2100-02-01",
      end: "2100-10-31",
      budget: "80.000",
    }),
    "registration.updateProposal": async (e) => ({
      id: (await proposalFixture(db(), e.tenant.id, { submittedBy: me(e) })).id,
      ...(await orgUnitsFixture(db(), e.tenant.id)),
      name: `Geänderter Vorschlag ${randomUUID().slice(0, 8)}`,
      start: "2100-03-01",
      end: "2100-11-30",
      budget: "90.000",
    }),
    "registration.withdrawProposal": async (e) => ({
      id: (await proposalFixture(db(), e.tenant.id, { submittedBy: me(e) })).id,
    }),
    "registration.scoreProposal": async (e) => ({
      id: (await proposalFixture(db(), e.tenant.id, { submittedBy: me(e) })).id,
      scores: { strategicFit: 5, urgency: 4, dependencies: 3, cost: 2 },
    }),
    "registration.decideProposal": async (e) => ({
      id: (await proposalFixture(db(), e.tenant.id, { submittedBy: me(e), status: "assessed" })).id,
      decision: "approved",
    }),

    "steering.statusReports": async (e) => ({
      projectId: (await projectFixture(db(), e.tenant.id)).projectId,
    }),
    "steering.addStatusReport": async (e) => ({
      projectId: (await ledProject(e)).projectId,
      reportedOn: "2024-06-30",
      schedule: "green",
      cost: "yellow",
      quality: "green",
      resources: "red",
      summary: "Abnahme verschoben",
    }),
    "steering.setReportRhythm": async (e) => ({
      projectId: (await projectFixture(db(), e.tenant.id)).projectId,
      weeks: 2,
    }),
    "steering.risks": async (e) => ({ projectId: (await projectFixture(db(), e.tenant.id)).projectId }),
    "steering.addRisk": async (e) => ({
      projectId: (await ledProject(e)).projectId,
      title: "Lieferverzug",
      probability: 3,
      impact: 5,
    }),
    "steering.updateRisk": async (e) => {
      const { projectId } = await ledProject(e);
      const risk = await withTenant(db(), e.tenant.id, (tx) =>
        queries.addRisk(tx, e.tenant.id, FIXTURE_ACTOR, {
          projectId,
          title: "Personalausfall",
          description: "",
          probability: 2,
          impact: 4,
          ownerName: "",
          treatment: "",
          status: "open",
        }),
      );
      return { id: risk.id, title: "Personalausfall", probability: 2, impact: 4, status: "closed" };
    },
    "steering.criticalRisks": () => undefined,
    "steering.strategyRisks": async (e) => ({ strategyId: await strategyOf(e) }),
    "steering.addStrategyRisk": async (e) => ({
      strategyId: await strategyOf(e),
      title: "Fachkräfte fehlen",
      probability: 4,
      impact: 3,
    }),
    "steering.chooseMethod": async (e) => ({
      projectId: (await ledProject(e)).projectId,
      answers: { requirements: false, feedback: true, fixedScope: false, increments: true, novelty: true },
      method: "agile",
    }),

    "capacity.overview": () => ({ year: 2024 }),
    "capacity.sources": () => ({ year: 2024 }),
    "capacity.create": () => ({
      year: 2025,
      kind: "framework_contract",
      name: "Rahmenvertrag",
      personDays: "1.200",
      consumedDays: "300",
    }),
    "capacity.update": async (e) => ({
      id: await capacityFixture(db(), e.tenant.id),
      year: 2025,
      kind: "internal",
      name: "Team Digitalisierung",
      personDays: "880,5",
    }),
    "capacity.remove": async (e) => ({ id: await capacityFixture(db(), e.tenant.id) }),
  };
}

/** openRound needs a fresh year per successful call: one per role (only the PMO succeeds, but stay unique). */
const KOMMUNE_ROLE_INDEX: Record<Role, number> = {
  admin: 1,
  leadership: 2,
  coordinator: 3,
  project_lead: 4,
  viewer: 5,
  state_admin: 6,
  state_pmo: 7,
};
