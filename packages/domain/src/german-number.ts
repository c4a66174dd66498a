/**
 * Numbers as German users and German Excel write them.
 *
 * Rule (documented for users in NUMBER_RULE_TEXT):
 * - A comma is the decimal separator: "1234,5", "1.234,56", "12.500,00 €", "1 234,56".
 * - Dots (or spaces) before the comma must be thousands separators in groups of three.
 * - Without a comma, dots in groups of three are thousands separators: "1.234" = 1234, "12.500" = 12500,
 *   "1.234.567" = 1234567 (German reading wins over the English one).
 * - Otherwise a single dot is a decimal point, because it cannot be a thousands separator there:
 *   "1234.5", "12.50", "0.5", "0.500".
 * - "€", "EUR" or "Euro" before or after the number and a leading minus are allowed.
 * - Anything else ("1,234.56", "1.234.5", "12,5,0", "1.234,5 T€", "ca. 5000") is rejected with a German reason.
 * Values are kept as digit strings so that cents are exact (no binary floating point in between).
 */
import { type ParseResult, parsed, rejected } from "./parse-result.ts";

export interface DecimalDigits {
  negative: boolean;
  /** Integer digits without leading zeros ("0" for zero). */
  integer: string;
  /** Fraction digits without trailing zeros ("" for whole numbers). */
  fraction: string;
}

export const NUMBER_RULE_TEXT =
  "Erlaubt sind Zahlen wie 12.500,00 €, 1234,56 oder 1234 (Komma als Dezimaltrennzeichen; " +
  "ein Punkt gilt als Tausenderpunkt, wenn danach genau drei Ziffern folgen, z. B. 1.234 = eintausendzweihundertvierunddreißig).";

const CURRENCY = /^(?:€|eur|euro)\s*|\s*(?:€|eur|euro)$/i;
const PLAIN = /^\d+$/;
const DOT_GROUPED = /^[1-9]\d{0,2}(?:\.\d{3})+$/;
const SPACE_GROUPED = /^[1-9]\d{0,2}(?: \d{3})+$/;
const DOT_DECIMAL = /^(\d+)\.(\d+)$/;
const DIGITS = /^\d+$/;

function integerDigits(text: string): string | null {
  if (PLAIN.test(text)) return text;
  if (DOT_GROUPED.test(text) || SPACE_GROUPED.test(text)) return text.replace(/[. ]/g, "");
  return null;
}

function digits(negative: boolean, integer: string, fraction: string): DecimalDigits {
  const cleanInteger = integer.replace(/^0+(?=\d)/, "");
  const cleanFraction = fraction.replace(/0+$/, "");
  const isZero = /^0*$/.test(cleanInteger) && cleanFraction === "";
  return { negative: negative && !isZero, integer: cleanInteger, fraction: cleanFraction };
}

/** Parses a German (or unambiguous plain) number into exact digit strings. */
export function parseGermanDecimal(text: string): ParseResult<DecimalDigits> {
  const invalid = rejected<DecimalDigits>(`„${text.trim()}“ ist keine gültige Zahl. ${NUMBER_RULE_TEXT}`);
  let body = text
    .replace(/[\u00a0\u202f\u2009]/g, " ")
    .trim()
    .replace(CURRENCY, "")
    .trim();
  let negative = false;
  if (/^[-\u2212]/.test(body)) {
    negative = true;
    body = body.slice(1).trim();
  } else if (body.startsWith("+")) {
    body = body.slice(1).trim();
  }
  if (body === "") return invalid;
  if (body.includes(",")) {
    const parts = body.split(",");
    if (parts.length !== 2) return invalid;
    const [integerPart = "", fractionPart = ""] = parts;
    if (!DIGITS.test(fractionPart)) return invalid;
    const integer = integerPart === "" ? "0" : integerDigits(integerPart);
    if (integer === null) return invalid;
    return parsed(digits(negative, integer, fractionPart));
  }
  const integer = integerDigits(body);
  if (integer !== null) return parsed(digits(negative, integer, ""));
  const decimal = DOT_DECIMAL.exec(body);
  if (decimal) return parsed(digits(negative, decimal[1]!, decimal[2]!));
  return invalid;
}

/** Largest budget: 999.999.999.999,99 € (14 significant digits, so it survives Excel's 15-digit precision). */
export const MAX_BUDGET_CENTS = 99_999_999_999_999;

/** Parses an amount in euros to integer cents. At most two decimal places, not negative. */
export function parseEuroCents(text: string): ParseResult<number> {
  const number = parseGermanDecimal(text);
  const value = text.trim();
  if (!number.ok) {
    return rejected(
      `„${value}“ ist kein gültiger Betrag. Erlaubt sind Beträge wie 12.500,00 €, 1234,56 oder 1234 ` +
        "(Komma als Dezimaltrennzeichen; ein Punkt gilt als Tausenderpunkt, wenn danach genau drei Ziffern folgen).",
    );
  }
  const { negative, integer, fraction } = number.value;
  if (negative) return rejected(`„${value}“: Ein Budget darf nicht negativ sein.`);
  if (fraction.length > 2) {
    return rejected(`„${value}“: Ein Betrag darf höchstens zwei Nachkommastellen (Cent) haben.`);
  }
  const cents = Number(integer + fraction.padEnd(2, "0"));
  if (!Number.isSafeInteger(cents) || cents > MAX_BUDGET_CENTS) {
    return rejected(`„${value}“: Der Betrag ist zu groß (höchstens ${formatEuroCents(MAX_BUDGET_CENTS)}).`);
  }
  return parsed(cents);
}

export const MAX_EFFORT_DAYS = 999_999_999;

/** Parses person-days: not negative, at most three decimal places (e.g. 0,125 PT = one hour). */
export function parseEffortDays(text: string): ParseResult<number> {
  const number = parseGermanDecimal(text);
  const value = text.trim();
  if (!number.ok) {
    return rejected(`„${value}“ ist keine gültige Anzahl Personentage. ${NUMBER_RULE_TEXT}`);
  }
  const { negative, integer, fraction } = number.value;
  if (negative) return rejected(`„${value}“: Der Aufwand darf nicht negativ sein.`);
  if (fraction.length > 3) {
    return rejected(`„${value}“: Der Aufwand darf höchstens drei Nachkommastellen haben.`);
  }
  const days = Number(fraction ? `${integer}.${fraction}` : integer);
  if (days > MAX_EFFORT_DAYS) {
    return rejected(`„${value}“: Der Aufwand ist zu groß (höchstens 999.999.999 Personentage).`);
  }
  return parsed(days);
}

const groupedFormat = new Intl.NumberFormat("de-DE", { useGrouping: true, maximumFractionDigits: 0 });

export interface FormatEuroOptions {
  /** 2 (default): "22.137.500,00 €"; 0: whole euros rounded half up, "22.137.500 €". */
  fractionDigits?: 0 | 2;
  /** Thousands separators (default true). Exported CSV cells go without, which German Excel reads as a number. */
  grouping?: boolean;
  /** The " €" suffix (no-break space, as Intl writes it; default true). */
  currency?: boolean;
}

/**
 * Integer cents as German money text, exact for any integer (BigInt inside): 2213750000 → "22.137.500,00 €";
 * without grouping and currency "22137500,00" (what the project export writes and the import reads back).
 */
export function formatEuroCents(cents: number | bigint, options: FormatEuroOptions = {}): string {
  const { fractionDigits = 2, grouping = true, currency = true } = options;
  if (typeof cents === "number" && !Number.isSafeInteger(cents))
    throw new RangeError(`Not an integer number of cents: ${cents}`);
  const value = BigInt(cents);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const whole = (euros: bigint) => (grouping ? groupedFormat.format(euros) : euros.toString());
  const suffix = currency ? "\u00a0€" : "";
  if (fractionDigits === 0) {
    const euros = (abs + 50n) / 100n;
    return `${euros === 0n || !negative ? "" : "-"}${whole(euros)}${suffix}`;
  }
  const rest = (abs % 100n).toString().padStart(2, "0");
  return `${negative ? "-" : ""}${whole(abs / 100n)},${rest}${suffix}`;
}

const decimalFormat = new Intl.NumberFormat("de-DE", { useGrouping: false, maximumSignificantDigits: 15 });

/**
 * A JavaScript number as German text without grouping and without float noise: 15 significant digits, like
 * Excel shows them (1234.5 → "1234,5", 0.1 + 0.2 → "0,3", 45000 → "45000"). Used for numeric XLSX cells and
 * for the exported Aufwand; `parseGermanDecimal` reads the result back unchanged.
 */
export function formatGermanDecimal(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`Not a finite number: ${value}`);
  return decimalFormat.format(value).replace("\u2212", "-");
}

/** A German number typed into a form ("1.100", "1.100,50", "1100", "1,5") as a JavaScript number; NaN when unreadable. */
export function germanNumber(text: string): number {
  const number = parseGermanDecimal(text);
  if (!number.ok) return Number.NaN;
  const { negative, integer, fraction } = number.value;
  return Number(`${negative ? "-" : ""}${integer}${fraction ? `.${fraction}` : ""}`);
}
