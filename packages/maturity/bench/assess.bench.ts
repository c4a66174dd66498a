/**
 * Benchmark of the maturity engine on a synthetic but realistic tenant: the default model and 300 measures
 * spread over four years. Prints median and p95 per operation against the targets; exits 1 on a miss.
 */
import {
  addMonths,
  assess,
  buildDashboard,
  defaultModel,
  history,
  type IsoDate,
  type MeasureInput,
  type MeasureStatus,
} from "../src/index.ts";

const TODAY: IsoDate = "2025-06-15";
const MEASURES = 300;

/** Seeded PRNG (mulberry32) so every run measures the same tenant. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shiftDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function syntheticMeasures(): MeasureInput[] {
  const next = random(20240601);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  // Kommunen work bottom-up: most measures target the lower levels.
  const keysByLevel = [1, 2, 3, 4].map((level) =>
    defaultModel.dimensions.flatMap((d) =>
      d.levels.find((l) => l.level === level)!.criteria.map((c) => c.key),
    ),
  );
  const levelWeights = [0.35, 0.3, 0.22, 0.13];
  const pickKey = (): string => {
    let roll = next();
    for (let i = 0; i < levelWeights.length; i++) {
      roll -= levelWeights[i]!;
      if (roll <= 0) return pick(keysByLevel[i]!);
    }
    return pick(keysByLevel[3]!);
  };

  return Array.from({ length: MEASURES }, (_, i): MeasureInput => {
    const roll = next();
    const status: MeasureStatus =
      roll < 0.55 ? "completed" : roll < 0.75 ? "in_progress" : roll < 0.9 ? "planned" : "discarded";
    const keys = new Set(Array.from({ length: 1 + Math.floor(next() * 3) }, pickKey));
    if (next() < 0.02) keys.add("altes-modell.1.entfallen");
    const completedOn = status === "completed" ? shiftDays(TODAY, -Math.floor(next() * 4 * 365)) : null;
    // Open measures end within the next two years; some are late, some have no date yet.
    const plannedEnd =
      status === "completed"
        ? completedOn
        : next() < 0.1
          ? null
          : shiftDays(TODAY, Math.floor(next() * 790) - 60);
    return { id: `massnahme-${i + 1}`, status, completedOn, plannedEnd, criterionKeys: [...keys] };
  });
}

function time(runs: number, warmup: number, fn: () => number): { median: number; p95: number } {
  let sink = 0;
  for (let i = 0; i < warmup; i++) sink += fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    sink += fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  if (Number.isNaN(sink)) throw new Error("unreachable: keeps the work observable");
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.ceil(q * samples.length) - 1)]!;
  return { median: at(0.5), p95: at(0.95) };
}

const measures = syntheticMeasures();
const pastRange = { from: addMonths(`${TODAY.slice(0, 8)}01`, -36), to: TODAY, step: "month" } as const;
const planRange = { from: TODAY, to: addMonths(TODAY, 36), step: "month" } as const;
const points = history(defaultModel, measures, pastRange).length;
const dashboardTargets = defaultModel.dimensions.map((d, i) => ({
  dimensionKey: d.key,
  level: 1 + (i % 4),
  dueOn: addMonths(TODAY, 6 + 3 * i),
}));

const rows = [
  {
    name: "assess (actual)",
    runs: 2000,
    target: 1,
    ...time(2000, 300, () => assess(defaultModel, measures, TODAY).index),
  },
  {
    name: `history 36 Monate, Ist (${points} Punkte)`,
    runs: 500,
    target: 20,
    ...time(500, 50, () => history(defaultModel, measures, pastRange).length),
  },
  {
    name: "history 36 Monate, Plan",
    runs: 500,
    target: 20,
    ...time(500, 50, () => history(defaultModel, measures, planRange, "plan").length),
  },
  {
    // What the maturity dashboard computes per request: Ist, history with every change date, plan line, targets.
    name: "buildDashboard (Ist, Verlauf, Plan, Soll)",
    runs: 200,
    target: 20,
    ...time(
      200,
      20,
      () => buildDashboard(defaultModel, measures, dashboardTargets, { today: TODAY }).history.length,
    ),
  },
  {
    name: "zum Vergleich: assess je Datum",
    runs: 100,
    target: null,
    ...time(100, 10, () =>
      history(defaultModel, measures, pastRange).reduce(
        (sum, point) => sum + assess(defaultModel, measures, point.date).index,
        0,
      ),
    ),
  },
];

// Object.groupBy would be shorter but needs Node 21.
const counts: Record<string, number> = {};
for (const measure of measures) counts[measure.status] = (counts[measure.status] ?? 0) + 1;
const now = assess(defaultModel, measures, TODAY);
const plan = assess(defaultModel, measures, addMonths(TODAY, 24), { mode: "plan" });
console.log(
  `Mandant: ${defaultModel.name} v${defaultModel.version}, ${measures.length} Maßnahmen ` +
    `(${Object.entries(counts)
      .map(([status, count]) => `${status} ${count}`)
      .join(", ")}), Stichtag ${TODAY}`,
);
console.log(
  `Reifegradindex Ist ${now.index.toFixed(2)}, Plan in 24 Monaten ${plan.index.toFixed(2)}; ` +
    `Stufen Ist ${now.dimensions.map((d) => `${d.key} ${d.level}`).join(", ")}`,
);
console.log("");

const fmt = (ms: number) => `${ms.toFixed(3)} ms`.padStart(11);
const width = Math.max(...rows.map((row) => row.name.length));
console.log(
  `${"Operation".padEnd(width)}  ${"Läufe".padStart(5)}  ${"Median".padStart(11)}  ${"p95".padStart(11)}  Ziel (Median)  Ergebnis`,
);
let failed = false;
for (const row of rows) {
  const verdict = row.target === null ? "–" : row.median < row.target ? "PASS" : "FAIL";
  if (verdict === "FAIL") failed = true;
  const target = row.target === null ? "–" : `< ${row.target} ms`;
  console.log(
    `${row.name.padEnd(width)}  ${String(row.runs).padStart(5)}  ${fmt(row.median)}  ${fmt(row.p95)}  ${target.padEnd(13)}  ${verdict}`,
  );
}
if (failed) process.exitCode = 1;
