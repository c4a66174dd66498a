import { describe, expect, it } from "vitest";
import { rolloutRecordSchema } from "../src/records.ts";
import { reuseRouteLabels, reuseRouteSchema, reuseRoutes } from "../src/reuse-routes.ts";
import {
  allowedNextStatuses,
  checkStatusTransition,
  isStatusTransitionAllowed,
  rolloutStatuses,
  rolloutStatusLabels,
  rolloutStatusOrder,
  rolloutStatusSchema,
} from "../src/status.ts";

describe("status code lists", () => {
  it("has the German labels", () => {
    expect(rolloutStatusLabels).toEqual({
      not_started: "nicht begonnen",
      planning: "in Planung",
      implementing: "in Umsetzung",
      online: "online verfügbar",
      not_responsible: "nicht zuständig",
    });
    expect(rolloutStatusOrder).toEqual(["not_started", "planning", "implementing", "online"]);
    expect(rolloutStatusSchema.safeParse("online").success).toBe(true);
    expect(rolloutStatusSchema.safeParse("done").success).toBe(false);
  });

  it("has the reuse routes with German labels", () => {
    expect(reuseRoutes).toEqual([
      "efa_marketplace",
      "kitu_inhouse",
      "fit_store",
      "kommunalvertreter",
      "own_solution",
      "other",
    ]);
    expect(reuseRouteLabels.efa_marketplace).toBe("EfA-Marktplatz/govdigital");
    expect(reuseRouteLabels.kitu_inhouse).toBe("Inhouse-Verkettung über KITU");
    expect(reuseRouteLabels.fit_store).toBe("FIT-Store (Länder)");
    expect(reuseRouteLabels.kommunalvertreter).toBe("Kommunalvertreter-Modell");
    expect(reuseRouteLabels.own_solution).toBe("eigene Lösung");
    expect(reuseRouteLabels.other).toBe("sonstige");
    const bad = reuseRouteSchema.safeParse("fax");
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe("Unbekannter Nachnutzungsweg");
  });
});

describe("status transitions", () => {
  // Expected matrix written out by hand: F = forward, B = one step back (needs reason), N = not_responsible, - = no.
  const matrix: Record<string, string> = {
    "not_started>planning": "F",
    "not_started>implementing": "F",
    "not_started>online": "F",
    "planning>implementing": "F",
    "planning>online": "F",
    "implementing>online": "F",
    "planning>not_started": "B",
    "implementing>planning": "B",
    "online>implementing": "B",
    "implementing>not_started": "-",
    "online>planning": "-",
    "online>not_started": "-",
  };

  for (const from of rolloutStatuses)
    for (const to of rolloutStatuses) {
      const kind =
        from === to
          ? "same"
          : from === "not_responsible" || to === "not_responsible"
            ? "N"
            : matrix[`${from}>${to}`];
      it(`${from} → ${to}: ${kind}`, () => {
        const noReason = checkStatusTransition(from, to);
        const withReason = checkStatusTransition(from, to, "Dienst vorübergehend abgeschaltet");
        switch (kind) {
          case "F":
          case "N":
            expect(noReason).toMatchObject({ allowed: true, requiresReason: false });
            break;
          case "B":
            expect(noReason).toMatchObject({ allowed: false, requiresReason: true });
            expect(withReason).toMatchObject({ allowed: true, requiresReason: true });
            expect(isStatusTransitionAllowed(from, to, "   ")).toBe(false);
            break;
          default:
            expect(withReason.allowed).toBe(false);
        }
        expect(noReason.message.length).toBeGreaterThan(5);
      });
    }

  it("lists the reachable statuses", () => {
    expect(allowedNextStatuses("implementing")).toEqual([
      { status: "planning", requiresReason: true },
      { status: "online", requiresReason: false },
      { status: "not_responsible", requiresReason: false },
    ]);
    expect(allowedNextStatuses("not_responsible").map((s) => s.status)).toEqual(rolloutStatusOrder);
  });

  it("explains a refused two-step back in German", () => {
    expect(checkStatusTransition("online", "planning", "Grund").message).toBe(
      "Von »online verfügbar« ist nur ein Schritt zurück möglich (zu »in Umsetzung«).",
    );
  });
});

describe("rolloutRecordSchema", () => {
  it("accepts a full record and rejects inconsistent dates", () => {
    const ok = rolloutRecordSchema.safeParse({
      tenantId: "t1",
      serviceId: "10124",
      status: "online",
      reuseRoute: "efa_marketplace",
      plannedStart: "2024-01-15",
      plannedOnline: "2024-06-30",
      onlineSince: "2024-07-01",
      interfaceNeeded: true,
    });
    expect(ok.success).toBe(true);
    const bad = rolloutRecordSchema.safeParse({
      tenantId: "t1",
      serviceId: "10124",
      status: "planning",
      plannedStart: "2024-06-01",
      plannedOnline: "2024-02-30",
      onlineSince: "2024-07-01",
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.message).sort()).toEqual([
      "Kein gültiges Kalenderdatum",
      "»Online seit« ist nur beim Status »online verfügbar« zulässig",
    ]);
    const early = rolloutRecordSchema.safeParse({
      tenantId: "t1",
      serviceId: "10124",
      status: "planning",
      plannedStart: "2024-06-01",
      plannedOnline: "2024-05-31",
    });
    expect(early.error?.issues.map((i) => i.message)).toEqual([
      "Geplanter Online-Termin liegt vor dem geplanten Beginn",
    ]);
  });
});
