// Validation messages in German wherever a schema does not bring its own.
import { z } from "zod";

z.config(z.locales.de());
