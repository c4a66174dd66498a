// A Kommune's own rollout: its board, one record, single and bulk changes, comments, its summary against the Land
// average (aggregates only), and the export of its board. Every procedure acts on the caller's own Kommune: the
// Kommune comes from the session, never from the input.
import { queries } from "@spatz/db";
import { berlinToday, pageInput } from "@spatz/domain";
import {
  boardExportInput,
  boardInput,
  bulkUpdateInput,
  commentInput,
  forecast,
  kommuneKindLabels,
  ozgIdSchema,
  type ReuseRoute,
  recordUpdateInput,
  reuseRouteLabels,
  rolloutStatusLabels,
  type ServicePriority,
  servicePriorityLabels,
} from "@spatz/rollout";
import { type ExportColumn, exportTable } from "@spatz/rollout/table-export";
import { z } from "zod";
import { notFound } from "../../field-error.ts";
import { tenantProcedure } from "../../trpc.ts";
import { kommuneOf } from "./shared.ts";

type BoardRow = queries.BoardRow;

const BOARD_COLUMNS: ExportColumn<BoardRow>[] = [
  { header: "OZG-ID", kind: "text", value: (r) => r.serviceId },
  { header: "OZG-Leistung", kind: "text", value: (r) => r.name },
  { header: "Themenfeld", kind: "text", value: (r) => r.themenfeld },
  { header: "Lage", kind: "text", value: (r) => r.lage },
  { header: "EfA-Dienst angeboten", kind: "text", value: (r) => r.efaAvailable },
  {
    header: "Priorität",
    kind: "text",
    value: (r) => (r.priority ? servicePriorityLabels[r.priority as ServicePriority] : null),
  },
  { header: "Status", kind: "text", value: (r) => rolloutStatusLabels[r.status] },
  {
    header: "Nachnutzungsweg",
    kind: "text",
    value: (r) => (r.reuseRoute ? reuseRouteLabels[r.reuseRoute as ReuseRoute] : null),
  },
  { header: "In Planung seit", kind: "date", value: (r) => r.planningSince },
  { header: "In Umsetzung seit", kind: "date", value: (r) => r.implementingSince },
  { header: "Online seit", kind: "date", value: (r) => r.onlineSince },
  { header: "Geplanter Go-live", kind: "date", value: (r) => r.plannedOnline },
  { header: "Fachverfahren", kind: "text", value: (r) => r.fachverfahren },
  { header: "Schnittstelle nötig", kind: "text", value: (r) => r.interfaceNeeded },
  { header: "Ansprechperson", kind: "text", value: (r) => r.contact },
];

export const recordProcedures = {
  board: tenantProcedure
    .input(boardInput)
    .query(({ ctx, input }) => queries.listBoard(ctx.tx, kommuneOf(ctx), input)),

  record: tenantProcedure.input(z.object({ serviceId: ozgIdSchema })).query(async ({ ctx, input }) => {
    const record = await queries.getRecord(ctx.tx, kommuneOf(ctx), input.serviceId);
    if (!record) throw notFound("Diese Leistung gehört nicht zu den Aufgaben Ihrer Kommune.");
    return record;
  }),

  /** The changes of the Kommune's own record, newest first, paged. */
  recordHistory: tenantProcedure.input(pageInput.extend({ serviceId: ozgIdSchema })).query(({ ctx, input }) =>
    queries.recordHistory(ctx.tx, kommuneOf(ctx).id, input.serviceId, {
      page: input.page,
      pageSize: input.pageSize,
    }),
  ),

  updateRecord: tenantProcedure
    .input(recordUpdateInput)
    .mutation(({ ctx, input }) => queries.updateRecord(ctx.tx, kommuneOf(ctx), ctx.session.actor, input)),

  bulkUpdate: tenantProcedure
    .input(bulkUpdateInput)
    .mutation(({ ctx, input }) =>
      queries.bulkUpdateRecords(ctx.tx, kommuneOf(ctx), ctx.session.actor, input),
    ),

  kommuneSummary: tenantProcedure.query(async ({ ctx }) => {
    const kommune = kommuneOf(ctx);
    const { goLives, ...summary } = await queries.kommuneSummary(ctx.tx, kommune);
    // When its own open records are online at its own pace (the last 6 and 12 months).
    const own = forecast(goLives, summary.own.online, summary.own.relevant, berlinToday().slice(0, 7));
    return { ...summary, forecast: own, kindLabel: kommuneKindLabels[kommune.kind] };
  }),

  exportBoard: tenantProcedure.input(boardExportInput).query(async ({ ctx, input }) => {
    const rows = await queries.boardRowsForExport(ctx.tx, kommuneOf(ctx), input.filter ?? {});
    return exportTable(`Rollout-${ctx.session.tenant.slug}`, BOARD_COLUMNS, rows, input.format);
  }),
};

/**
 * A comment on a rollout record: the state PMO on any Kommune's record (stored in the state tenant, naming the
 * Kommune), a Kommune on its own (a reply). A Kommune naming another Kommune gets NOT_FOUND, as if it did not exist.
 */
export const commentProcedures = {
  addComment: tenantProcedure.input(commentInput).mutation(async ({ ctx, input }) => {
    const { tenant, user, actor } = ctx.session;
    let kommuneId: string;
    if (tenant.kind === "state") {
      if (!input.kommuneId) throw notFound("Bitte die Kommune angeben.");
      const kommune = await queries.kommuneById(ctx.tx, input.kommuneId);
      if (!kommune || !(await queries.stateRecord(ctx.tx, kommune.id, input.serviceId)))
        throw notFound("Diesen Eintrag gibt es nicht.");
      kommuneId = kommune.id;
    } else {
      if (input.kommuneId && input.kommuneId !== tenant.id) throw notFound("Diesen Eintrag gibt es nicht.");
      const own = await queries.getRecord(ctx.tx, kommuneOf(ctx), input.serviceId);
      if (!own) throw notFound("Diesen Eintrag gibt es nicht.");
      kommuneId = tenant.id;
    }
    return queries.addComment(
      ctx.tx,
      { tenantId: tenant.id, userId: user.id, name: user.displayName, role: user.role },
      actor,
      { kommuneId, serviceId: input.serviceId, body: input.body },
    );
  }),
};
