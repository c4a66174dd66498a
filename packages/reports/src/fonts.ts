// The fonts every report is set in: DejaVu Sans, shipped in packages/reports/fonts (never fetched at run time).
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Defined (as `true`) by the production bundler only, which copies fonts/ next to the bundle (infra/release). */
declare const SPATZ_BUNDLE: boolean | undefined;
const here = path.dirname(fileURLToPath(import.meta.url));
const FONT_DIR = path.join(typeof SPATZ_BUNDLE === "undefined" ? path.resolve(here, "..") : here, "fonts");
export const REGULAR = path.join(FONT_DIR, "DejaVuSans.ttf");
export const BOLD = path.join(FONT_DIR, "DejaVuSans-Bold.ttf");
