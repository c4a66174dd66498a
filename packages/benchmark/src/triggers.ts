// Which procedures change a Kommune's maturity: after one of them commits, the Kommune's snapshot is refreshed
// (debounced job). Declarative, so that tRPC enqueues the refresh without code in each procedure; the authorization
// matrix test (test/isolation/authorization.test.ts) fails when a procedure writes measures or the Kommune's model
// version but is missing here. Evidence expiry needs no procedure: the nightly refresh catches it.
import type { ProcedurePath } from "@spatz/domain";

export const MATURITY_AFFECTING_PROCEDURES = [
  "measures.create",
  "measures.update",
  "measures.setStatus",
  "measures.bulkSetStatus",
  "maturity.adoptModel",
  // Completing a project can complete its measures; removing one unlinks them.
  "portfolio.complete",
  "portfolio.remove",
  // Governance evidence (docs/adr/0015): a Beschluss, a published RACI matrix or a process review fulfils criteria.
  "governance.addDecision",
  "governance.setDecisionStatus",
  "governance.publishRaci",
  "governance.reviewProcess",
  "governance.updateProcess",
] as const satisfies readonly ProcedurePath[];

const AFFECTING: ReadonlySet<string> = new Set(MATURITY_AFFECTING_PROCEDURES);

export function affectsMaturity(path: string): boolean {
  return AFFECTING.has(path);
}
