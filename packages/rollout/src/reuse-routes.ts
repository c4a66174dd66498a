/** How an EfA online service reaches a Kommune ("Wie kommen die EfA-Dienste in die Kommunen?", source: FITKO). */
import { z } from "zod";

export const reuseRoutes = [
  "efa_marketplace",
  "kitu_inhouse",
  "fit_store",
  "kommunalvertreter",
  "own_solution",
  "other",
] as const;
export type ReuseRoute = (typeof reuseRoutes)[number];

export const reuseRouteLabels: Readonly<Record<ReuseRoute, string>> = {
  efa_marketplace: "EfA-Marktplatz/govdigital",
  kitu_inhouse: "Inhouse-Verkettung über KITU",
  fit_store: "FIT-Store (Länder)",
  kommunalvertreter: "Kommunalvertreter-Modell",
  own_solution: "eigene Lösung",
  other: "sonstige",
};

export const reuseRouteSchema = z.enum(reuseRoutes, { error: "Unbekannter Nachnutzungsweg" });

export function isReuseRoute(value: unknown): value is ReuseRoute {
  return typeof value === "string" && (reuseRoutes as readonly string[]).includes(value);
}
