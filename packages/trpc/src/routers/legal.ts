// The legal pages (Impressum, Datenschutz, Barrierefreiheit): public, the same for every tenant, texts from the
// operator (apps/api/src/legal.ts).
import { LEGAL_PAGES } from "@spatz/domain";
import { z } from "zod";
import { publicProcedure, router } from "../trpc.ts";

export const legalRouter = router({
  page: publicProcedure
    .input(z.object({ page: z.enum(LEGAL_PAGES, { error: "Diese Seite gibt es nicht." }) }))
    .query(({ ctx, input }) => ctx.deps.legal[input.page]),
});
