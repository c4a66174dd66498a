// Validation messages in German wherever a schema does not bring its own.
import { z } from "zod";

z.config(z.locales.de());
// No JIT: zod would probe `new Function("")`, which the strict Content-Security-Policy (script-src 'self') blocks and
// reports as a violation in every browser that parses a form.
z.config({ jitless: true });
