// Validation messages in German wherever a schema does not bring its own (only the German locale is bundled).
import { z } from "zod";
import de from "zod/v4/locales/de.js";

z.config(de());
// No JIT: zod would probe `new Function("")`, which the strict Content-Security-Policy (script-src 'self') blocks and
// reports as a violation in every browser that parses a form.
z.config({ jitless: true });
