// The state PMO's dashboards over every Kommune's records (the state's programme, read by name through the
// documented `rollout_records_visible_to_state` policy), the drill-down to the records behind a figure, one Kommune's
// record with its comments, and the export of every table.
import { queries } from "@spatz/db";
import { berlinToday } from "@spatz/domain";
import {
  bottleneckInput,
  drilldownInput,
  forecast,
  forecastInput,
  kommuneKindLabels,
  kommunenPageInput,
  ozgIdSchema,
  type ReuseRoute,
  reuseRouteLabels,
  rolloutStatusLabels,
  type StateTable,
  stateExportInput,
} from "@spatz/rollout";
import { type ExportColumn, type ExportedFile, exportTable } from "@spatz/rollout/table-export";
import { z } from "zod";
import { notFound } from "../../field-error.ts";
import { tenantProcedure } from "../../trpc.ts";
import { costModelResult, scenarioComparison } from "./costs.ts";
import { stateOf } from "./shared.ts";

type Ratio = { relevant: number; online: number; share: number | null };

const ratioColumns = <T extends Ratio>(): ExportColumn<T>[] => [
  { header: "Zuständige Kommunen bzw. Paare", kind: "integer", value: (r) => r.relevant },
  { header: "davon online", kind: "integer", value: (r) => r.online },
  { header: "Anteil online", kind: "percent", value: (r) => r.share },
];

type ServiceRow = queries.ServiceCoverageRow;
type GroupRow = queries.GroupCoverageRow;
type KommuneRow = queries.KommuneCoverageRow;
type KreisRow = queries.KreisCoverageRow;
type DrillRow = queries.DrilldownRow;

const SERVICE_COLUMNS: ExportColumn<ServiceRow>[] = [
  { header: "OZG-ID", kind: "text", value: (r) => r.serviceId },
  { header: "OZG-Leistung", kind: "text", value: (r) => r.name },
  { header: "Themenfeld", kind: "text", value: (r) => r.themenfeld },
  { header: "Lage", kind: "text", value: (r) => r.lage },
  { header: "EfA-Dienst angeboten", kind: "text", value: (r) => r.efaAvailable },
  ...ratioColumns<ServiceRow>(),
  { header: "flächendeckend", kind: "text", value: (r) => r.nationwide },
  { header: "in mindestens einer Kommune", kind: "text", value: (r) => r.atLeastOne },
  { header: "in Umsetzung", kind: "integer", value: (r) => r.byStatus.implementing },
  { header: "in Planung", kind: "integer", value: (r) => r.byStatus.planning },
  { header: "nicht begonnen", kind: "integer", value: (r) => r.byStatus.not_started },
  { header: "nicht zuständig", kind: "integer", value: (r) => r.byStatus.not_responsible },
  { header: "Median Tage bis online", kind: "integer", value: (r) => r.medianDaysToOnline },
  { header: "Median Tage in Umsetzung", kind: "integer", value: (r) => r.medianDaysImplementing },
];

const GROUP_COLUMNS = (label: string): ExportColumn<GroupRow>[] => [
  { header: label, kind: "text", value: (r) => r.name },
  { header: "Leistungen", kind: "integer", value: (r) => r.services },
  { header: "flächendeckend", kind: "integer", value: (r) => r.servicesNationwide },
  { header: "in mindestens einer Kommune", kind: "integer", value: (r) => r.servicesAtLeastOne },
  ...ratioColumns<GroupRow>(),
];

const KOMMUNE_COLUMNS: ExportColumn<KommuneRow>[] = [
  { header: "Kommune", kind: "text", value: (r) => r.name },
  { header: "Art", kind: "text", value: (r) => kommuneKindLabels[r.kind] },
  { header: "Kreis", kind: "text", value: (r) => r.kreisName },
  { header: "Einwohner", kind: "integer", value: (r) => r.population },
  ...ratioColumns<KommuneRow>(),
  { header: "in Umsetzung", kind: "integer", value: (r) => r.byStatus.implementing },
  { header: "in Planung", kind: "integer", value: (r) => r.byStatus.planning },
  { header: "nicht begonnen", kind: "integer", value: (r) => r.byStatus.not_started },
];

const KREIS_COLUMNS: ExportColumn<KreisRow>[] = [
  { header: "Kreis", kind: "text", value: (r) => r.name },
  { header: "Kreisschlüssel", kind: "text", value: (r) => r.kreisAgs },
  { header: "Kommunen", kind: "integer", value: (r) => r.kommunen },
  ...ratioColumns<KreisRow>(),
];

const DRILL_COLUMNS: ExportColumn<DrillRow>[] = [
  { header: "Kommune", kind: "text", value: (r) => r.kommune },
  { header: "Art", kind: "text", value: (r) => kommuneKindLabels[r.kind] },
  { header: "Kreis", kind: "text", value: (r) => r.kreisName },
  { header: "OZG-ID", kind: "text", value: (r) => r.serviceId },
  { header: "OZG-Leistung", kind: "text", value: (r) => r.service },
  { header: "Status", kind: "text", value: (r) => rolloutStatusLabels[r.status] },
  {
    header: "Nachnutzungsweg",
    kind: "text",
    value: (r) => (r.reuseRoute ? reuseRouteLabels[r.reuseRoute as ReuseRoute] : null),
  },
  { header: "In Umsetzung seit", kind: "date", value: (r) => r.implementingSince },
  { header: "Online seit", kind: "date", value: (r) => r.onlineSince },
  { header: "Geplanter Go-live", kind: "date", value: (r) => r.plannedOnline },
  { header: "Fachverfahren", kind: "text", value: (r) => r.fachverfahren },
  { header: "Schnittstelle nötig", kind: "text", value: (r) => r.interfaceNeeded },
];

type Progress = Awaited<ReturnType<typeof queries.progressByMonth>>[number];
const PROGRESS_COLUMNS: ExportColumn<Progress>[] = [
  { header: "Monat", kind: "text", value: (r) => r.month },
  { header: "Go-lives (tatsächlich)", kind: "integer", value: (r) => r.actual },
  { header: "Go-lives (geplant)", kind: "integer", value: (r) => r.planned },
  { header: "kumuliert tatsächlich", kind: "integer", value: (r) => r.cumulativeActual },
  { header: "kumuliert geplant", kind: "integer", value: (r) => r.cumulativePlanned },
];

type Bottleneck = Awaited<ReturnType<typeof queries.bottlenecks>>[number];
const BOTTLENECK_COLUMNS: ExportColumn<Bottleneck>[] = [
  { header: "OZG-ID", kind: "text", value: (r) => r.serviceId },
  { header: "OZG-Leistung", kind: "text", value: (r) => r.name },
  { header: "Themenfeld", kind: "text", value: (r) => r.themenfeld },
  { header: "Kommunen festgefahren", kind: "integer", value: (r) => r.stuck },
  { header: "in Umsetzung gesamt", kind: "integer", value: (r) => r.implementing },
  { header: "zuständige Kommunen", kind: "integer", value: (r) => r.relevant },
  { header: "in Umsetzung seit (ältester)", kind: "date", value: (r) => r.oldest },
];

const TABLE_NAMES: Record<StateTable, string> = {
  services: "Abdeckung-Leistungen",
  themenfelder: "Abdeckung-Themenfelder",
  lagen: "Abdeckung-Lagen",
  kreise: "Abdeckung-Kreise",
  kommunen: "Abdeckung-Kommunen",
  progress: "Verlauf-Go-lives",
  bottlenecks: "Engpaesse",
  drilldown: "Eintraege",
  costKommunen: "Kostenanteile-Kommunen",
  scenarios: "Szenarienvergleich",
};

type KommuneAmount = { name: string; weight: number; amountCents: number; remainingCents: number | null };
const COST_KOMMUNE_COLUMNS: ExportColumn<KommuneAmount>[] = [
  { header: "Kommune", kind: "text", value: (r) => r.name },
  { header: "Gewicht", kind: "integer", value: (r) => r.weight },
  { header: "Anteil einmalig (€)", kind: "euroCents", value: (r) => r.amountCents },
  { header: "davon noch offen (€)", kind: "euroCents", value: (r) => r.remainingCents },
];

export const stateProcedures = {
  stateOverview: tenantProcedure.query(async ({ ctx }) => {
    stateOf(ctx);
    const { themenfelder, lagen, overall, kinds } = await queries.coverage(ctx.tx, { kommunen: false });
    return { overall, themenfelder, lagen, kinds };
  }),

  coverageByService: tenantProcedure.query(async ({ ctx }) => {
    stateOf(ctx);
    return (await queries.serviceCoverage(ctx.tx)).services;
  }),

  coverageByKommune: tenantProcedure.query(async ({ ctx }) => {
    stateOf(ctx);
    const [coverage, points] = [await queries.kommuneCoverage(ctx.tx), await queries.mapPoints(ctx.tx)];
    return { ...coverage, points };
  }),

  /** As of when the aggregates are, and whether changes are still being taken in (every state page shows it). */
  aggregateStatus: tenantProcedure.query(async ({ ctx }) => {
    stateOf(ctx);
    const stand = await queries.rolloutStand(ctx.tx);
    return {
      asOf: stand.asOf?.toISOString() ?? null,
      fullAt: stand.fullAt?.toISOString() ?? null,
      pendingSince: stand.pendingSince?.toISOString() ?? null,
      driftRows: stand.driftRows,
    };
  }),

  kommunen: tenantProcedure.input(kommunenPageInput).query(({ ctx, input }) => {
    stateOf(ctx);
    return queries.rolloutKommunenPage(ctx.tx, input);
  }),

  /** When the Land (or one service, or one Kreis) reaches 50/80/100 % online at the pace of the last 6 and 12 months. */
  forecast: tenantProcedure.input(forecastInput).query(async ({ ctx, input }) => {
    stateOf(ctx);
    const { goLives, online, relevant } = await queries.rolloutGoLives(ctx.tx, input);
    return { goLives, ...forecast(goLives, online, relevant, berlinToday().slice(0, 7)) };
  }),

  progress: tenantProcedure.query(({ ctx }) => {
    stateOf(ctx);
    return queries.progressByMonth(ctx.tx);
  }),

  bottlenecks: tenantProcedure.input(bottleneckInput).query(({ ctx, input }) => {
    stateOf(ctx);
    return queries.bottlenecks(ctx.tx, input);
  }),

  /** Kreise × the services of one Themenfeld: responsible pairs and online per cell. */
  coverageMatrix: tenantProcedure
    .input(z.object({ themenfeldId: z.string().min(1).max(20) }))
    .query(({ ctx, input }) => {
      stateOf(ctx);
      return queries.coverageMatrix(ctx.tx, input.themenfeldId);
    }),

  /** One service's status in every Kommune responsible for it: the map of one service by Gemeinde. */
  serviceByKommune: tenantProcedure.input(z.object({ serviceId: ozgIdSchema })).query(({ ctx, input }) => {
    stateOf(ctx);
    return queries.serviceStatusByKommune(ctx.tx, input.serviceId);
  }),

  /** The choices of the entries' filters: Kreise, Kommunen and services. */
  drilldownOptions: tenantProcedure.query(({ ctx }) => {
    stateOf(ctx);
    return queries.drilldownOptions(ctx.tx);
  }),

  drilldown: tenantProcedure.input(drilldownInput).query(({ ctx, input }) => {
    stateOf(ctx);
    return queries.drilldown(ctx.tx, input);
  }),

  kommuneRecord: tenantProcedure
    .input(z.object({ kommuneId: z.uuid(), serviceId: ozgIdSchema }))
    .query(async ({ ctx, input }) => {
      stateOf(ctx);
      const kommune = await queries.kommuneById(ctx.tx, input.kommuneId);
      const record = kommune ? await queries.stateRecord(ctx.tx, kommune.id, input.serviceId) : null;
      if (!kommune || !record) throw notFound("Diesen Eintrag gibt es nicht.");
      return {
        kommune,
        record,
        comments: await queries.listComments(ctx.tx, kommune.id, input.serviceId),
      };
    }),

  exportState: tenantProcedure
    .input(stateExportInput)
    .query(async ({ ctx, input }): Promise<ExportedFile> => {
      stateOf(ctx);
      const name = TABLE_NAMES[input.table];
      switch (input.table) {
        case "services":
          return exportTable(
            name,
            SERVICE_COLUMNS,
            (await queries.serviceCoverage(ctx.tx)).services,
            input.format,
          );
        case "themenfelder":
          return exportTable(
            name,
            GROUP_COLUMNS("Themenfeld"),
            (await queries.serviceCoverage(ctx.tx)).themenfelder,
            input.format,
          );
        case "lagen":
          return exportTable(
            name,
            GROUP_COLUMNS("Lage"),
            (await queries.serviceCoverage(ctx.tx)).lagen,
            input.format,
          );
        case "kreise":
          return exportTable(
            name,
            KREIS_COLUMNS,
            (await queries.kommuneCoverage(ctx.tx)).kreise,
            input.format,
          );
        case "kommunen":
          return exportTable(
            name,
            KOMMUNE_COLUMNS,
            (await queries.kommuneCoverage(ctx.tx)).kommunen,
            input.format,
          );
        case "progress":
          return exportTable(name, PROGRESS_COLUMNS, await queries.progressByMonth(ctx.tx), input.format);
        case "bottlenecks":
          return exportTable(
            name,
            BOTTLENECK_COLUMNS,
            await queries.bottlenecks(ctx.tx, input.bottlenecks ?? { months: 6, minKommunen: 1 }),
            input.format,
          );
        case "drilldown":
          return exportTable(
            name,
            DRILL_COLUMNS,
            await queries.drilldownForExport(ctx.tx, input.drilldown ?? {}),
            input.format,
          );
        case "costKommunen": {
          const model = await costModelResult(ctx.tx, input.costParams ?? {});
          const remaining = new Map(model.remaining?.perKommune.map((k) => [k.id, k.amountCents]));
          const rows = model.kommunen.perKommune.map((k) => ({
            ...k,
            remainingCents: remaining.get(k.id) ?? null,
          }));
          return exportTable(name, COST_KOMMUNE_COLUMNS, rows, input.format);
        }
        case "scenarios": {
          const comparison = await scenarioComparison(ctx.tx, input.scenarioIds ?? []);
          type Row = (typeof comparison.rows)[number];
          const columns: ExportColumn<Row>[] = [
            {
              header: "Kennzahl",
              kind: "text",
              value: (r) => `${r.label} (${r.unit === "Cent" ? "€" : r.unit})`,
            },
            ...comparison.scenarios.map(
              (scenario, i): ExportColumn<Row> => ({
                header: scenario,
                kind: "decimal",
                value: (r) => {
                  const v = r.values[i];
                  if (v === null || v === undefined) return null;
                  return r.unit === "Cent" ? v / 100 : v;
                },
              }),
            ),
          ];
          return exportTable(name, columns, comparison.rows, input.format);
        }
      }
    }),
};
