// Labels and colours of the rollout statuses for the screens (texts from @spatz/rollout).

export type { KommuneKind, ReuseRoute, RolloutStatus, ServicePriority } from "@spatz/rollout";
export {
  kommuneKindLabels,
  kommuneKinds,
  ozgMaturityLevelLabels,
  providers,
  reuseRouteLabels,
  reuseRoutes,
  rolloutStatuses,
  rolloutStatusLabels,
  servicePriorities,
  servicePriorityLabels,
} from "@spatz/rollout";

import type { RolloutStatus } from "@spatz/rollout";

/** Colour-blind-safe (Okabe–Ito) status colours, used with text labels, never alone. */
export const STATUS_COLORS: Record<RolloutStatus, string> = {
  online: "#009E73",
  implementing: "#0072B2",
  planning: "#E69F00",
  not_started: "#999999",
  not_responsible: "#CC79A7",
};
