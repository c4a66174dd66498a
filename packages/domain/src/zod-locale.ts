// Validation messages in German wherever a schema does not bring its own (only the German locale is bundled).
import { z } from "zod";
import de from "zod/v4/locales/de.js";

z.config(de());
