// Portfolio inputs as the server reads them: the shared schemas from @spatz/domain, with budgets and efforts parsed
// by the same German rules as the import ("12.500,00 €", "12,5"), so a form gets the import's message per field.
import {
  IMPORT_MAX_BYTES,
  IMPORT_TOO_LARGE_MESSAGE,
  projectCreateInput,
  projectUpdateInput,
  proposalInput,
  proposalUpdateInput,
} from "@spatz/domain";
import { columnMappingSchema, parseEffortDays, parseEuroCents } from "@spatz/portfolio";
import { z } from "zod";

type Amounts = { budget: string; effortDays: string };
type Parsed = { budgetCents: number | null; effortDays: number | null };

function parseAmounts<T extends Amounts>(
  value: T,
  ctx: z.core.$RefinementCtx<T>,
): Omit<T, keyof Amounts> & Parsed {
  const { budget, effortDays, ...rest } = value;
  let budgetCents: number | null = null;
  let effort: number | null = null;
  if (budget) {
    const r = parseEuroCents(budget);
    if (r.ok) budgetCents = r.value;
    else ctx.addIssue({ code: "custom", path: ["budget"], message: r.reason });
  }
  if (effortDays) {
    const r = parseEffortDays(effortDays);
    if (r.ok) effort = r.value;
    else ctx.addIssue({ code: "custom", path: ["effortDays"], message: r.reason });
  }
  return { ...rest, budgetCents, effortDays: effort };
}

export const projectCreate = projectCreateInput.transform(parseAmounts);
export const projectUpdate = projectUpdateInput.transform(parseAmounts);
export const proposalCreate = proposalInput.transform(parseAmounts);
export const proposalUpdate = proposalUpdateInput.transform(parseAmounts);

/** Base64 of at most IMPORT_MAX_BYTES bytes. */
const BASE64_MAX = Math.ceil(IMPORT_MAX_BYTES / 3) * 4;
export const uploadedFile = z.object({
  fileName: z.string().trim().min(1, "Bitte eine Datei auswählen.").max(255),
  contentBase64: z
    .string()
    .min(1, "Die Datei ist leer.")
    .max(BASE64_MAX, IMPORT_TOO_LARGE_MESSAGE)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, "Die Datei wurde nicht vollständig übertragen. Bitte erneut hochladen."),
  mapping: columnMappingSchema.optional(),
});

export function fileBytes(contentBase64: string): Uint8Array {
  return new Uint8Array(Buffer.from(contentBase64, "base64"));
}
