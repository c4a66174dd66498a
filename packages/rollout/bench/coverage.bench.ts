/**
 * Rough timing of the coverage reference implementation at Land scale:
 * 133 Kommunen × 575 services, one record per relevant pair. Run: pnpm --filter @spatz/rollout bench
 */
import {
  type CoverageKommune,
  type CoverageRecord,
  type CoverageService,
  computeCoverage,
} from "../src/coverage.ts";
import { type KommuneKind, kindsByLevel } from "../src/kinds.ts";
import { rolloutStatuses } from "../src/status.ts";

let seed = 42;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};

const kinds: [KommuneKind, number][] = [
  ["kreisfreie_stadt", 3],
  ["landkreis", 11],
  ["einheitsgemeinde", 101],
  ["verbandsgemeinde", 18],
];
const kommunen: CoverageKommune[] = kinds.flatMap(([kind, n]) =>
  Array.from({ length: n }, (_, i) => ({
    id: `${kind}-${i}`,
    kind,
    kreisAgs: kind === "kreisfreie_stadt" ? `k${i}` : `l${i % 11}`,
    population: Math.floor(random() * 100_000),
  })),
);
const levels = [kindsByLevel.kreis, kindsByLevel.gemeinde, kindsByLevel.beide] as const;
const services: CoverageService[] = Array.from({ length: 575 }, (_, i) => ({
  id: String(10_000 + i),
  responsibleKinds: levels[i % 3]!,
}));
const records: CoverageRecord[] = [];
for (const s of services)
  for (const k of kommunen)
    if (s.responsibleKinds.includes(k.kind))
      records.push({ tenantId: k.id, serviceId: s.id, status: rolloutStatuses[Math.floor(random() * 5)]! });

const runs = 20;
computeCoverage(services, kommunen, records);
const start = performance.now();
let result = computeCoverage(services, kommunen, records);
for (let i = 1; i < runs; i++) result = computeCoverage(services, kommunen, records);
const ms = (performance.now() - start) / runs;
console.log(
  `computeCoverage: ${kommunen.length} Kommunen × ${services.length} Dienste, ${records.length} Einträge: ${ms.toFixed(1)} ms je Lauf; Anteil online ${(result.overall.share! * 100).toFixed(1)} %`,
);
