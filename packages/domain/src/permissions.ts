// The authorization matrix as data: who may call which tRPC procedure. The server enforces it for every procedure
// (a procedure missing here is refused), the screens use it to show only what a role can do, and the tests check it
// both ways. Add a line here with every new procedure.
import type { Role } from "./roles.ts";

export type Access = "public" | "authenticated" | readonly Role[];

const TENANT_ADMINS = ["admin", "state_admin"] as const satisfies readonly Role[];
const AUDIT_READERS = ["admin", "leadership", "state_admin"] as const satisfies readonly Role[];
/** Every role of a Kommune. */
const KOMMUNE_ROLES_ALL = [
  "admin",
  "leadership",
  "coordinator",
  "project_lead",
  "viewer",
] as const satisfies readonly Role[];
/** Everyone of a Kommune reads its portfolio ("verschiedene Sichten"); the state has no portfolio of its own. */
const PORTFOLIO_READERS = KOMMUNE_ROLES_ALL;
/** Rollout (OZG/EfA): every Kommune role reads its own board, CDO/PMO and admins edit it; the state reads everything. */
/** The PMO runs the portfolio; project leads edit only the projects they lead (checked per project). */
const PMO = ["coordinator"] as const satisfies readonly Role[];
const PROJECT_EDITORS = ["coordinator", "project_lead"] as const satisfies readonly Role[];
const ROLLOUT_EDITORS = ["admin", "coordinator"] as const satisfies readonly Role[];
const STATE_READERS = ["state_admin", "state_pmo"] as const satisfies readonly Role[];
const STATE_PMO = ["state_pmo"] as const satisfies readonly Role[];
/** Reports: every role of a Kommune and the state's readers. */
const REPORT_READERS = [...KOMMUNE_ROLES_ALL, ...STATE_READERS] as const satisfies readonly Role[];
/** Everyone of a Kommune reads its measures, strategy and maturity (viewers read-only). */
const MATURITY_READERS = KOMMUNE_ROLES_ALL;
/** Coordinators manage measures; project leads edit the measures they are responsible for (checked per measure). */
const MEASURE_EDITORS = ["coordinator", "project_lead"] as const satisfies readonly Role[];

/** IT-Governance (Gremien, Beschlüsse, RACI, processes): everyone of the Kommune reads, the CDO/PMO records it. */
const GOVERNANCE_READERS = KOMMUNE_ROLES_ALL;
const GOVERNANCE_EDITORS = ["coordinator"] as const satisfies readonly Role[];

export const PERMISSIONS = {
  "auth.session": "public",
  "auth.login": "public",
  "auth.invitationInfo": "public",
  "auth.acceptInvitation": "public",
  "directory.tenants": "public",
  "directory.tenantBySlug": "public",
  "legal.page": "public",

  "auth.logout": "authenticated",
  "account.me": "authenticated",
  "account.sessions": "authenticated",
  "account.revokeSession": "authenticated",
  "account.logoutEverywhere": "authenticated",
  "account.changePassword": "authenticated",

  "users.list": TENANT_ADMINS,
  "users.invitations": TENANT_ADMINS,
  "users.setupProgress": ["admin"],
  "users.invite": TENANT_ADMINS,
  "users.revokeInvitation": TENANT_ADMINS,
  "users.changeRole": TENANT_ADMINS,
  "users.setStatus": TENANT_ADMINS,

  "audit.list": AUDIT_READERS,

  "tenants.list": ["state_admin", "state_pmo"],
  "tenants.profile": ["state_admin", "state_pmo"],
  "tenants.create": ["state_admin"],
  "tenants.rename": ["state_admin"],
  "tenants.setStatus": ["state_admin"],
  "tenants.inviteAdmin": ["state_admin"],
  "tenants.scheduleDeletion": ["state_admin"],
  "tenants.cancelDeletion": ["state_admin"],

  // A tenant's own administration exports all of its data (a ZIP, POST /dateien/export).
  "tenantExport.prepare": TENANT_ADMINS,

  // Maturity models: the state's; Kommunen read published versions.
  "maturityModels.list": "authenticated",
  "maturityModels.get": "authenticated",
  "maturityModels.createDraft": ["state_admin"],
  "maturityModels.saveDraft": ["state_admin"],
  "maturityModels.discardDraft": ["state_admin"],
  "maturityModels.publish": ["state_admin"],

  // A Kommune's maturity: Ist/Soll, history and plan, and moving to a newer model version.
  "maturity.model": MATURITY_READERS,
  "maturity.dashboard": MATURITY_READERS,
  "maturity.adoptModel": ["coordinator"],

  // One org unit tree per Kommune, shared by the portfolio (GB/R of projects) and maturity (scope of measures).
  "orgUnits.list": KOMMUNE_ROLES_ALL,
  "orgUnits.create": ["admin", "coordinator"],
  "orgUnits.update": ["admin", "coordinator"],
  "orgUnits.remove": ["admin", "coordinator"],

  "measures.list": MATURITY_READERS,
  "measures.get": MATURITY_READERS,
  "measures.history": MATURITY_READERS,
  "measures.assignees": MATURITY_READERS,
  "measures.projectOptions": MATURITY_READERS,
  "measures.create": MEASURE_EDITORS,
  "measures.update": MEASURE_EDITORS,
  "measures.setStatus": MEASURE_EDITORS,
  "measures.bulkSetStatus": MEASURE_EDITORS,
  // Evidence files: everyone who reads the measure downloads them; its editors add and remove them.
  "measures.uploadEvidence": MEASURE_EDITORS,
  "measures.deleteEvidence": MEASURE_EDITORS,
  "measures.evidenceFile": MATURITY_READERS,

  // The PM-Koffer: the Land publishes the handbook, every Kommune reads it and adds its own chapters (the CDO/PMO).
  "handbook.current": [...KOMMUNE_ROLES_ALL, ...STATE_READERS],
  "handbook.history": [...KOMMUNE_ROLES_ALL, ...STATE_READERS],
  "handbook.standardChapters": PORTFOLIO_READERS,
  "handbook.templateFile": [...KOMMUNE_ROLES_ALL, ...STATE_READERS],
  "handbook.draft": STATE_READERS,
  "handbook.saveDraft": STATE_READERS,
  "handbook.publish": STATE_READERS,
  "handbook.discardDraft": STATE_READERS,
  "handbook.saveLocal": PMO,
  "handbook.removeLocal": PMO,
  "handbook.acknowledge": PMO,

  // Capacity (PT per GB and year) against the portfolio's plans: read like the portfolio, kept by the PMO.
  "capacity.overview": PORTFOLIO_READERS,
  "capacity.sources": PORTFOLIO_READERS,
  "capacity.create": PMO,
  "capacity.update": PMO,
  "capacity.remove": PMO,

  // Key figures of strategy goals: read with the strategy, kept by the CDO/PMO like the strategy's working copy.
  "kpis.list": MATURITY_READERS,
  "kpis.create": ["coordinator"],
  "kpis.update": ["coordinator"],
  "kpis.remove": ["coordinator"],
  "kpis.recordValue": ["coordinator"],
  "kpis.removeValue": ["coordinator"],

  "governance.bodies": GOVERNANCE_READERS,
  "governance.body": GOVERNANCE_READERS,
  "governance.createBody": GOVERNANCE_EDITORS,
  "governance.updateBody": GOVERNANCE_EDITORS,
  "governance.removeBody": GOVERNANCE_EDITORS,
  "governance.addMeeting": GOVERNANCE_EDITORS,
  "governance.updateMeeting": GOVERNANCE_EDITORS,
  "governance.removeMeeting": GOVERNANCE_EDITORS,
  "governance.linkOptions": GOVERNANCE_READERS,
  "governance.decisionOptions": GOVERNANCE_READERS,
  "governance.addDecision": GOVERNANCE_EDITORS,
  "governance.setDecisionStatus": GOVERNANCE_EDITORS,
  "governance.raci": GOVERNANCE_READERS,
  "governance.saveRaciDraft": GOVERNANCE_EDITORS,
  "governance.publishRaci": GOVERNANCE_EDITORS,
  "governance.discardRaciDraft": GOVERNANCE_EDITORS,
  "governance.processes": GOVERNANCE_READERS,
  "governance.createProcess": GOVERNANCE_EDITORS,
  "governance.updateProcess": GOVERNANCE_EDITORS,
  "governance.reviewProcess": GOVERNANCE_EDITORS,

  "strategies.list": MATURITY_READERS,
  "strategies.get": MATURITY_READERS,
  "strategies.save": ["coordinator"],
  "strategies.approve": ["leadership"],

  "portfolio.list": PORTFOLIO_READERS,
  "portfolio.filterOptions": PORTFOLIO_READERS,
  "portfolio.get": PORTFOLIO_READERS,
  "portfolio.history": PORTFOLIO_READERS,
  "portfolio.dashboard": PORTFOLIO_READERS,
  "portfolio.timeline": PORTFOLIO_READERS,
  "portfolio.export": PORTFOLIO_READERS,
  "portfolio.create": PMO,
  "portfolio.update": PROJECT_EDITORS,
  "portfolio.complete": PROJECT_EDITORS,
  "portfolio.remove": PMO,
  "portfolio.addMilestone": PROJECT_EDITORS,

  "steering.statusReports": PORTFOLIO_READERS,
  "steering.addStatusReport": PROJECT_EDITORS,
  "steering.setReportRhythm": PMO,
  "steering.risks": PORTFOLIO_READERS,
  "steering.addRisk": PROJECT_EDITORS,
  "steering.updateRisk": PROJECT_EDITORS,
  "steering.chooseMethod": PROJECT_EDITORS,
  "steering.strategyRisks": MATURITY_READERS,
  "steering.addStrategyRisk": ["coordinator"],
  "steering.criticalRisks": PORTFOLIO_READERS,

  "portfolio.updateMilestone": PROJECT_EDITORS,
  "portfolio.removeMilestone": PROJECT_EDITORS,
  "portfolio.setStandard": PROJECT_EDITORS,
  "portfolio.importPreview": PMO,
  "portfolio.importCommit": PMO,
  "portfolio.savedFilters": PORTFOLIO_READERS,
  "portfolio.saveFilter": PORTFOLIO_READERS,
  "portfolio.deleteFilter": PORTFOLIO_READERS,

  "registration.rounds": PORTFOLIO_READERS,
  "registration.round": PORTFOLIO_READERS,
  "registration.openRound": PMO,
  "registration.updateRound": PMO,
  "registration.setRoundStatus": PMO,
  "registration.submitProposal": PROJECT_EDITORS,
  "registration.updateProposal": PROJECT_EDITORS,
  "registration.withdrawProposal": PROJECT_EDITORS,
  "registration.scoreProposal": PMO,
  "registration.decideProposal": ["coordinator", "leadership"],
  // Catalogue: read by all, maintained by the state PMO, imported by the state.
  "rollout.catalogueFacets": "authenticated",
  "rollout.services": "authenticated",
  "rollout.service": "authenticated",
  "rollout.updateServiceInfo": STATE_PMO,
  "rollout.correctResponsibility": STATE_PMO,
  "rollout.importCatalogue": STATE_READERS,
  // A Kommune's own rollout.
  "rollout.board": KOMMUNE_ROLES_ALL,
  "rollout.record": KOMMUNE_ROLES_ALL,
  "rollout.recordHistory": KOMMUNE_ROLES_ALL,
  "rollout.updateRecord": ROLLOUT_EDITORS,
  "rollout.bulkUpdate": ROLLOUT_EDITORS,
  "rollout.kommuneSummary": KOMMUNE_ROLES_ALL,
  "rollout.exportBoard": KOMMUNE_ROLES_ALL,
  // Comments: the state PMO on any Kommune's record, a Kommune's CDO/PMO or admin on its own.
  "rollout.addComment": [...ROLLOUT_EDITORS, "state_pmo"],
  // The state's programme: dashboards and records by name (read only).
  "rollout.stateOverview": STATE_READERS,
  "rollout.coverageByService": STATE_READERS,
  "rollout.coverageByKommune": STATE_READERS,
  "rollout.progress": STATE_READERS,
  "rollout.aggregateStatus": STATE_READERS,
  "rollout.kommunen": STATE_READERS,
  "rollout.forecast": STATE_READERS,
  "rollout.bottlenecks": STATE_READERS,
  "rollout.drilldown": STATE_READERS,
  "rollout.drilldownOptions": STATE_READERS,
  "rollout.coverageMatrix": STATE_READERS,
  "rollout.serviceByKommune": STATE_READERS,
  "rollout.kommuneRecord": STATE_READERS,
  "rollout.exportState": STATE_READERS,
  // Cost and financing model, scenarios and operating models.
  "rollout.costModel": STATE_READERS,
  "rollout.scenarios": STATE_READERS,
  "rollout.saveScenario": STATE_PMO,
  "rollout.deleteScenario": STATE_PMO,
  "rollout.compareScenarios": STATE_READERS,
  "rollout.operatingModels": STATE_READERS,
  "rollout.saveOperatingModelScores": STATE_PMO,

  // Maturity benchmarks (Vergleich): k-anonymous group figures for everyone; the Land's views and settings; each
  // Kommune's own position and its sharing choice (set by Verwaltungsführung or Administration).
  "benchmark.catalogue": "authenticated",
  "benchmark.distribution": "authenticated",
  "benchmark.trend": "authenticated",
  "benchmark.kreisMap": STATE_READERS,
  "benchmark.sharedKommunen": STATE_READERS,
  "benchmark.levelCounts": STATE_READERS,
  "benchmark.exportDistribution": STATE_READERS,
  "benchmark.settings": STATE_READERS,
  "benchmark.setK": ["state_admin"],
  "benchmark.status": STATE_READERS,
  "benchmark.own": KOMMUNE_ROLES_ALL,
  "benchmark.position": KOMMUNE_ROLES_ALL,
  "benchmark.peersAhead": KOMMUNE_ROLES_ALL,
  "benchmark.sharing": KOMMUNE_ROLES_ALL,
  "benchmark.setSharing": ["leadership", "admin"],

  // Hintergrundaufgaben: the job monitor of the platform, read from BullMQ.
  // Reports: every role reads its tenant's archive (and what is shared with it) and subscribes; leadership, CDO/PMO,
  // admin and the state's roles ask for a report.
  "reports.list": REPORT_READERS,
  "reports.options": REPORT_READERS,
  "reports.file": REPORT_READERS,
  "reports.status": REPORT_READERS,
  "reports.generate": ["leadership", "coordinator", "admin", "state_pmo", "state_admin"],
  "reports.subscriptions": REPORT_READERS,
  "reports.subscribe": REPORT_READERS,
  "reports.unsubscribe": REPORT_READERS,
  "jobs.overview": ["state_admin"],
  "jobs.failed": ["state_admin"],
  "jobs.retry": ["state_admin"],
} as const satisfies Record<string, Access>;

export type ProcedurePath = keyof typeof PERMISSIONS;

export function accessOf(path: string): Access | undefined {
  return (PERMISSIONS as Record<string, Access>)[path];
}

export function can(role: Role | null | undefined, path: ProcedurePath): boolean {
  const access: Access = PERMISSIONS[path];
  if (access === "public") return true;
  if (!role) return false;
  if (access === "authenticated") return true;
  return access.includes(role);
}

/**
 * Anonymous procedures that check a password or a token: each costs real work (argon2, a look-up per guess), so a
 * request may carry only one of them, never a batch.
 */
const CREDENTIAL_CHECKS: ReadonlySet<string> = new Set([
  "auth.login",
  "auth.invitationInfo",
  "auth.acceptInvitation",
]);

export function isCredentialCheck(path: string): boolean {
  return CREDENTIAL_CHECKS.has(path);
}

/** Most calls one batched request may carry (the web client's httpBatchLink maxItems is the same). */
export const MAX_BATCH_CALLS = 10;

/** Why a batched request is refused, or null. */
export function batchRefusal(paths: string[]): string | null {
  if (paths.length > MAX_BATCH_CALLS)
    return `Eine Sammelanfrage darf höchstens ${MAX_BATCH_CALLS} Aufrufe enthalten.`;
  // A batch must not multiply password checks or token look-ups.
  if (paths.length > 1 && paths.some(isCredentialCheck))
    return "Anmeldung und Einladungen können nicht in Sammelanfragen aufgerufen werden.";
  return null;
}
