import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type CoverageKommune,
  type CoverageRecord,
  computeCoverage,
  onlineCountsByKommune,
} from "../src/coverage.ts";
import { type KommuneKind, kommuneKinds } from "../src/kinds.ts";
import { rolloutStatuses } from "../src/status.ts";
import { seedKommunen } from "./seed.ts";

const KREIS: KommuneKind[] = ["kreisfreie_stadt", "landkreis"];
const GEMEINDE: KommuneKind[] = ["kreisfreie_stadt", "einheitsgemeinde", "verbandsgemeinde"];

describe("computeCoverage on a hand-computed example", () => {
  const kommunen: CoverageKommune[] = [
    { id: "HAL", kind: "kreisfreie_stadt", kreisAgs: "15002", population: 238_762 },
    { id: "SK", kind: "landkreis", kreisAgs: "15088", population: 180_000 },
    { id: "EG1", kind: "einheitsgemeinde", kreisAgs: "15088", population: 20_000 },
    { id: "VG1", kind: "verbandsgemeinde", kreisAgs: "15088", population: 10_000 },
  ];
  const services = [
    { id: "bau", responsibleKinds: KREIS },
    { id: "melde", responsibleKinds: GEMEINDE },
    { id: "bund", responsibleKinds: [] },
  ];
  const records: CoverageRecord[] = [
    { tenantId: "HAL", serviceId: "bau", status: "online" },
    { tenantId: "SK", serviceId: "bau", status: "online" },
    { tenantId: "HAL", serviceId: "melde", status: "online" },
    { tenantId: "EG1", serviceId: "melde", status: "implementing" },
    { tenantId: "VG1", serviceId: "melde", status: "not_responsible" },
    { tenantId: "EG1", serviceId: "bau", status: "online" }, // kind not responsible → ignored
    { tenantId: "HAL", serviceId: "bau", status: "planning" }, // duplicate → ignored
    { tenantId: "XYZ", serviceId: "bau", status: "online" }, // unknown Kommune
    { tenantId: "SK", serviceId: "nix", status: "online" }, // unknown service
  ];
  const c = computeCoverage(services, kommunen, records);

  it("per service", () => {
    expect(c.services[0]).toMatchObject({
      serviceId: "bau",
      relevant: 2,
      online: 2,
      share: 1,
      nationwide: true,
      atLeastOne: true,
      populationRelevant: 418_762,
      populationOnline: 418_762,
    });
    // melde: HAL online, EG1 implementing, VG1 not responsible → 1 of 2
    expect(c.services[1]).toMatchObject({
      relevant: 2,
      online: 1,
      share: 0.5,
      nationwide: false,
      atLeastOne: true,
    });
    expect(c.services[1]!.byStatus).toMatchObject({
      online: 1,
      implementing: 1,
      not_responsible: 1,
      not_started: 0,
    });
    expect(c.services[2]).toMatchObject({
      relevant: 0,
      online: 0,
      share: null,
      nationwide: false,
      atLeastOne: false,
    });
  });

  it("per Kommune, Kreis, kind and overall", () => {
    expect(c.kommunen.map((k) => [k.kommuneId, k.relevant, k.online])).toEqual([
      ["HAL", 2, 2],
      ["SK", 1, 1],
      ["EG1", 1, 0],
      ["VG1", 0, 0],
    ]);
    expect(c.kommunen[3]!.share).toBeNull();
    expect(c.kreise).toEqual([
      { kreisAgs: "15002", kreisKommuneId: "HAL", kommunen: 1, relevant: 2, online: 2, share: 1 },
      { kreisAgs: "15088", kreisKommuneId: "SK", kommunen: 3, relevant: 2, online: 1, share: 0.5 },
    ]);
    expect(c.kinds.find((k) => k.kind === "einheitsgemeinde")).toMatchObject({
      kommunen: 1,
      relevant: 1,
      online: 0,
    });
    expect(c.overall).toMatchObject({
      kommunen: 4,
      services: 2,
      servicesNationwide: 1,
      servicesAtLeastOne: 2,
      relevant: 4,
      online: 3,
      share: 0.75,
    });
    expect(onlineCountsByKommune(c)).toEqual({ HAL: 2, SK: 1, EG1: 0, VG1: 0 });
  });

  it("lists ignored records", () => {
    expect(c.ignoredRecords.map((r) => `${r.tenantId}/${r.serviceId}:${r.reason}`)).toEqual([
      "EG1/bau:kind_not_responsible",
      "HAL/bau:duplicate",
      "XYZ/bau:unknown_kommune",
      "SK/nix:unknown_service",
    ]);
  });

  it("counts missing records as not started", () => {
    const none = computeCoverage(services, kommunen, []);
    expect(none.services[0]!.byStatus.not_started).toBe(2);
    expect(none.services[1]).toMatchObject({ relevant: 3, online: 0, share: 0, atLeastOne: false });
  });
});

describe("computeCoverage with the 133 Kommunen of Sachsen-Anhalt", () => {
  const kommunen = seedKommunen();

  it("builds 133 tenants in 14 Kreise", () => {
    expect(kommunen).toHaveLength(133);
    const count = (kind: KommuneKind) => kommunen.filter((k) => k.kind === kind).length;
    expect([
      count("kreisfreie_stadt"),
      count("landkreis"),
      count("einheitsgemeinde"),
      count("verbandsgemeinde"),
    ]).toEqual([3, 11, 101, 18]);
    const c = computeCoverage([{ id: "s", responsibleKinds: kommuneKinds }], kommunen, []);
    expect(c.kreise).toHaveLength(14);
    expect(c.kreise.length).toBeGreaterThan(0);
    expect(c.kreise.every((k) => k.kreisKommuneId === k.kreisAgs)).toBe(true);
    // Saalekreis 15088: the Landkreis, 10 Einheitsgemeinden (Städte), 0 Verbandsgemeinden? count independently
    const saale = kommunen.filter((k) => k.kreisAgs === "15088");
    expect(c.kreise.find((k) => k.kreisAgs === "15088")!.kommunen).toBe(saale.length);
  });

  it("Gemeinde-level service everywhere online is flächendeckend; one missing Gemeinde breaks it", () => {
    const gemeindeLevel = kommunen.filter((k) => GEMEINDE.includes(k.kind));
    expect(gemeindeLevel).toHaveLength(122);
    const all = gemeindeLevel.map((k) => ({ tenantId: k.id, serviceId: "melde", status: "online" as const }));
    const c = computeCoverage([{ id: "melde", responsibleKinds: GEMEINDE }], kommunen, all);
    expect(c.services[0]).toMatchObject({ relevant: 122, online: 122, nationwide: true });
    expect(c.services[0]!.populationRelevant).toBe(2_194_782); // Land total (SOURCE.md)
    const oneMissing = computeCoverage([{ id: "melde", responsibleKinds: GEMEINDE }], kommunen, all.slice(1));
    expect(oneMissing.services[0]).toMatchObject({
      relevant: 122,
      online: 121,
      nationwide: false,
      atLeastOne: true,
    });
  });
});

describe("computeCoverage invariants (property)", () => {
  const kinds = fc.constantFrom(...kommuneKinds);
  const arb = fc
    .record({
      kommunen: fc.uniqueArray(
        fc.record({
          id: fc.stringMatching(/^k\d{1,3}$/),
          kind: kinds,
          kreisAgs: fc.constantFrom("1", "2", "3"),
          population: fc.nat(1000),
        }),
        { selector: (k) => k.id, maxLength: 20 },
      ),
      services: fc.uniqueArray(
        fc.record({ id: fc.stringMatching(/^s\d{1,3}$/), responsibleKinds: fc.subarray([...kommuneKinds]) }),
        { selector: (s) => s.id, maxLength: 15 },
      ),
      statuses: fc.array(fc.constantFrom(...rolloutStatuses), { maxLength: 400 }),
    })
    .map(({ kommunen, services, statuses }) => {
      const records: CoverageRecord[] = [];
      let i = 0;
      for (const k of kommunen)
        for (const s of services) {
          const status = statuses[i++];
          if (status) records.push({ tenantId: k.id, serviceId: s.id, status });
        }
      return { kommunen, services, records };
    });

  it("sums agree across services, Kommunen, Kreise and kinds, and match a naive count", () => {
    fc.assert(
      fc.property(arb, ({ kommunen, services, records }) => {
        const c = computeCoverage(services, kommunen, records);
        const sum = (xs: { relevant: number; online: number }[]) => [
          xs.reduce((a, x) => a + x.relevant, 0),
          xs.reduce((a, x) => a + x.online, 0),
        ];
        const overall = [c.overall.relevant, c.overall.online];
        expect(sum(c.services)).toEqual(overall);
        expect(sum(c.kommunen)).toEqual(overall);
        expect(sum(c.kreise)).toEqual(overall);
        expect(sum(c.kinds)).toEqual(overall);
        // naive: pairs of responsible kind whose record is not not_responsible
        let relevant = 0;
        let online = 0;
        for (const s of services)
          for (const k of kommunen) {
            if (!s.responsibleKinds.includes(k.kind)) continue;
            const status =
              records.find((r) => r.tenantId === k.id && r.serviceId === s.id)?.status ?? "not_started";
            if (status !== "not_responsible") relevant++;
            if (status === "online") online++;
          }
        expect(overall).toEqual([relevant, online]);
        for (const s of c.services) {
          if (s.nationwide) expect(s.atLeastOne).toBe(true);
          if (s.share !== null) expect(s.share).toBeGreaterThanOrEqual(0);
          if (s.share !== null) expect(s.share).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});
