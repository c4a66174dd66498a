// Validation messages in German wherever a schema does not bring its own (only the German locale is bundled).
import { z } from "zod";
import de from "zod/v4/locales/de.js";

/**
 * Idempotent. The package's index calls it, which is enough in Node; a browser bundle may leave out what a module
 * does on import (the package is marked free of side effects so that unused schemas are not shipped), so the web
 * app calls it itself before anything validates.
 */
export function configureZod(): void {
  z.config(de());
  // No JIT: zod would probe `new Function("")`, which the strict Content-Security-Policy (script-src 'self') blocks
  // and reports as a violation in every browser that parses a form.
  z.config({ jitless: true });
}
