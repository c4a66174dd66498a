// Text that PostgreSQL cannot store: the NUL character, and UTF-16 halves of a character without their other half
// (a lone surrogate has no UTF-8 form). Checked once for every procedure input (tRPC base middleware) and for every
// imported cell, so such text is refused with a German message instead of failing deep in the database.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding the NUL character is the point of this pattern.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const UNSTORABLE_TEXT_MESSAGE =
  "Der Text enthält ein unzulässiges Zeichen (ein Steuerzeichen oder ein unvollständiges Sonderzeichen). " +
  "Bitte entfernen Sie es, z. B. indem Sie den Text neu eingeben statt ihn einzufügen.";

export function hasUnstorableText(text: string): boolean {
  return UNSTORABLE.test(text);
}

/** The path to the first string (or object key) in `value` that cannot be stored, or null. */
export function findUnstorableText(
  value: unknown,
  path: (string | number)[] = [],
): (string | number)[] | null {
  if (typeof value === "string") return hasUnstorableText(value) ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnstorableText(value[i], [...path, i]);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [key, item] of Object.entries(value)) {
      if (hasUnstorableText(key)) return [...path, key];
      const found = findUnstorableText(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}
