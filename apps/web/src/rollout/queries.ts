// Queries several rollout screens share: one key and one fetch each, so their caches are one.
import { trpc } from "../lib/trpc.ts";

/** Themenfelder, Lagen and other choices of the catalogue's filters. */
export const catalogueFacetsQuery = () => ({
  queryKey: ["rollout.catalogueFacets"] as const,
  queryFn: () => trpc.rollout.catalogueFacets.query(),
});

/** One service's status per responsible Kommune (state only); waits until a service is chosen. */
export const serviceByKommuneQuery = (serviceId: string) => ({
  queryKey: ["rollout.serviceByKommune", serviceId] as const,
  queryFn: () => trpc.rollout.serviceByKommune.query({ serviceId }),
  enabled: serviceId !== "",
});

/** Kreise × the services of one Themenfeld (state only); waits until a Themenfeld is chosen. */
export const coverageMatrixQuery = (themenfeldId: string) => ({
  queryKey: ["rollout.coverageMatrix", themenfeldId] as const,
  queryFn: () => trpc.rollout.coverageMatrix.query({ themenfeldId }),
  enabled: themenfeldId !== "",
});
