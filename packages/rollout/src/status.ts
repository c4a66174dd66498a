/**
 * Rollout status of a service in a Kommune, its German labels and the allowed transitions.
 *
 * Transitions (order nicht begonnen → in Planung → in Umsetzung → online verfügbar):
 * - forward by any number of steps (a ready EfA service can go online straight from "nicht begonnen");
 * - back by exactly one step, only with a reason (e.g. a service taken offline again);
 * - to "nicht zuständig" from any status, and from "nicht zuständig" to any status;
 * - no other change; "unchanged" is not a transition.
 */
import { z } from "zod";

export const rolloutStatuses = [
  "not_started",
  "planning",
  "implementing",
  "online",
  "not_responsible",
] as const;
export type RolloutStatus = (typeof rolloutStatuses)[number];

export const rolloutStatusLabels: Readonly<Record<RolloutStatus, string>> = {
  not_started: "nicht begonnen",
  planning: "in Planung",
  implementing: "in Umsetzung",
  online: "online verfügbar",
  not_responsible: "nicht zuständig",
};

/** The progress order; "not_responsible" stands outside it. */
export const rolloutStatusOrder = ["not_started", "planning", "implementing", "online"] as const;
export type ProgressStatus = (typeof rolloutStatusOrder)[number];

export const rolloutStatusSchema = z.enum(rolloutStatuses, { error: "Unbekannter Umsetzungsstatus" });

export function isRolloutStatus(value: unknown): value is RolloutStatus {
  return typeof value === "string" && (rolloutStatuses as readonly string[]).includes(value);
}

export interface TransitionCheck {
  allowed: boolean;
  /** true when the step is a step back, which needs a reason. */
  requiresReason: boolean;
  /** German explanation, suitable for a form message. */
  message: string;
}

function step(status: RolloutStatus): number {
  return (rolloutStatusOrder as readonly string[]).indexOf(status);
}

/** Whether `from → to` is allowed; a step back needs a non-blank `reason`. */
export function checkStatusTransition(
  from: RolloutStatus,
  to: RolloutStatus,
  reason?: string | null,
): TransitionCheck {
  const lf = rolloutStatusLabels[from];
  const lt = rolloutStatusLabels[to];
  if (from === to) return { allowed: false, requiresReason: false, message: `Status ist bereits »${lt}«.` };
  if (to === "not_responsible" || from === "not_responsible")
    return { allowed: true, requiresReason: false, message: `Wechsel von »${lf}« zu »${lt}« ist zulässig.` };
  const diff = step(to) - step(from);
  if (diff > 0)
    return { allowed: true, requiresReason: false, message: `Fortschritt von »${lf}« zu »${lt}«.` };
  if (diff === -1) {
    const hasReason = typeof reason === "string" && reason.trim() !== "";
    return hasReason
      ? { allowed: true, requiresReason: true, message: `Rückschritt von »${lf}« zu »${lt}« mit Begründung.` }
      : {
          allowed: false,
          requiresReason: true,
          message: `Rückschritt von »${lf}« zu »${lt}« braucht eine Begründung.`,
        };
  }
  return {
    allowed: false,
    requiresReason: false,
    message: `Von »${lf}« ist nur ein Schritt zurück möglich (zu »${rolloutStatusLabels[rolloutStatusOrder[step(from) - 1]!]}«).`,
  };
}

export function isStatusTransitionAllowed(
  from: RolloutStatus,
  to: RolloutStatus,
  reason?: string | null,
): boolean {
  return checkStatusTransition(from, to, reason).allowed;
}

/** The statuses reachable from `from`, each with whether a reason is needed. */
export function allowedNextStatuses(
  from: RolloutStatus,
): { status: RolloutStatus; requiresReason: boolean }[] {
  return rolloutStatuses
    .filter((to) => to !== from)
    .map((to) => ({ to, check: checkStatusTransition(from, to, "x") }))
    .filter(({ check }) => check.allowed)
    .map(({ to, check }) => ({ status: to, requiresReason: check.requiresReason }));
}
