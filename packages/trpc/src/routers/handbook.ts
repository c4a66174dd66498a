// The PM-Koffer (issue 17, docs/adr/0017-pm-koffer.md): the Land's state PMO edits and publishes the handbook; every
// Kommune reads the version in force with its own chapters, which its CDO/PMO keeps, and takes note of a new version.
import { queries } from "@spatz/db";
import { handbookDraftInput, localChapterInput, templateTable } from "@spatz/domain";
import { exportTable } from "@spatz/rollout/table-export";
import { z } from "zod";
import { notFound } from "../field-error.ts";
import { router, tenantProcedure } from "../trpc.ts";

export const handbookRouter = router({
  current: tenantProcedure.query(({ ctx }) => queries.handbookForKommune(ctx.tx)),
  history: tenantProcedure.query(({ ctx }) => queries.handbookHistory(ctx.tx)),
  /** Which chapters explain which PM standard (the project's checklist links to them). */
  standardChapters: tenantProcedure.query(({ ctx }) => queries.standardChapters(ctx.tx)),

  /** A template as a sheet to fill in (XLSX or CSV): the Land's (by key, version in force) or the Kommune's own. */
  templateFile: tenantProcedure
    .input(
      z.discriminatedUnion("source", [
        z.object({ source: z.literal("land"), key: z.string().max(60), format: z.enum(["csv", "xlsx"]) }),
        z.object({ source: z.literal("local"), id: z.uuid(), format: z.enum(["csv", "xlsx"]) }),
      ]),
    )
    .query(async ({ ctx, input }) => {
      const entry = await queries.handbookTemplate(ctx.tx, input);
      if (!entry) throw notFound("Diese Vorlage gibt es nicht.");
      const table = templateTable(entry.body, entry.form);
      return exportTable(
        entry.title,
        table.columns.map((header, i) => ({
          header,
          kind: "text" as const,
          value: (row: string[]) => row[i],
        })),
        table.rows,
        input.format,
      );
    }),

  draft: tenantProcedure.query(({ ctx }) => queries.handbookDraft(ctx.tx)),
  saveDraft: tenantProcedure
    .input(handbookDraftInput)
    .mutation(({ ctx, input }) =>
      queries.saveHandbookDraft(ctx.tx, ctx.session.tenant.id, ctx.session.actor, input),
    ),
  publish: tenantProcedure.mutation(({ ctx }) =>
    queries.publishHandbook(ctx.tx, ctx.session.tenant.id, ctx.session.actor, ctx.session.user.displayName),
  ),
  discardDraft: tenantProcedure.mutation(async ({ ctx }) => {
    await queries.discardHandbookDraft(ctx.tx, ctx.session.tenant.id, ctx.session.actor);
    return { ok: true };
  }),

  saveLocal: tenantProcedure.input(localChapterInput).mutation(async ({ ctx, input }) => {
    const row = await queries.saveLocalChapter(ctx.tx, ctx.session.tenant.id, ctx.session.actor, input);
    return { id: row.id };
  }),
  removeLocal: tenantProcedure.input(z.object({ id: z.uuid() })).mutation(async ({ ctx, input }) => {
    await queries.removeLocalChapter(ctx.tx, ctx.session.tenant.id, ctx.session.actor, input.id);
    return { ok: true };
  }),
  acknowledge: tenantProcedure.mutation(({ ctx }) =>
    queries.acknowledgeHandbook(ctx.tx, ctx.session.tenant.id, ctx.session.user.displayName),
  ),
});
