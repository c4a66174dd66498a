// The texts of the legal pages (Impressum, Datenschutz, Barrierefreiheit), read once at start: from LEGAL_DIR when the
// operator sets it (one <page>.md per page; a missing one stops the start with a clear message), otherwise the
// placeholders shipped in apps/api/legal, which ask the operator to replace them.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  LEGAL_PAGE_LABELS,
  LEGAL_PAGES,
  type LegalDocument,
  type LegalPage,
  parseLegalText,
} from "@spatz/domain";

/** Defined (as `true`) by the production bundler only, which copies legal/ next to the bundle (infra/release). */
declare const SPATZ_BUNDLE: boolean | undefined;
const here = path.dirname(fileURLToPath(import.meta.url));
export const DEFAULT_LEGAL_DIR = path.join(
  typeof SPATZ_BUNDLE === "undefined" ? path.resolve(here, "..") : here,
  "legal",
);

export class LegalTextError extends Error {
  override name = "LegalTextError";
}

export function loadLegalPages(dir = DEFAULT_LEGAL_DIR): Record<LegalPage, LegalDocument> {
  const missing = LEGAL_PAGES.filter((page) => !existsSync(path.join(dir, `${page}.md`)));
  if (missing.length > 0)
    throw new LegalTextError(`LEGAL_DIR ${dir} lacks ${missing.map((p) => `${p}.md`).join(", ")}`);
  return Object.fromEntries(
    LEGAL_PAGES.map((page) => [
      page,
      parseLegalText(readFileSync(path.join(dir, `${page}.md`), "utf8"), LEGAL_PAGE_LABELS[page]),
    ]),
  ) as Record<LegalPage, LegalDocument>;
}
