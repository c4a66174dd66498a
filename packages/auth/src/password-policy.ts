// What a new password must be, after NIST SP 800-63B: long enough (the input schema checks at least 12 characters),
// not guessable (zxcvbn-ts with the common and German dictionaries, e.g. "passwort123", "123456789012",
// "aaaaaaaaaaaa"), and not made of the person's own name or e-mail address. No composition rules (digits, symbols).
// Server-side only: the dictionaries are large and never belong in the browser bundle.
import { DomainError } from "@spatz/domain";
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as german from "@zxcvbn-ts/language-de";

/**
 * zxcvbn's score 4 (≥ 10^10 estimated guesses): score 3 still let through "Sommer2026!!" and "Passwort2026!", the
 * first patterns a sprayer tries. A sentence of three or four words reaches 4 easily.
 */
const MIN_SCORE = 4;

/** Words that every SPATZ user would try first. */
const PRODUCT_WORDS = [
  "spatz",
  "sachsen-anhalt",
  "sachsenanhalt",
  "verwaltung",
  "kommune",
  "digitalisierung",
];

/** Passwords published somewhere (the demo accounts' password is in the README). */
const BLOCKED = new Set(["spatz-demo-2026"]);

let factory: ZxcvbnFactory | null = null;
function estimator(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    translations: german.translations,
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...german.dictionary, spatz: PRODUCT_WORDS },
  });
  return factory;
}

export type PasswordOwner = { email: string; displayName?: string | null };

/** Parts of the person's identity that must not appear in their password (at least 4 characters each, so that "Neu" does not forbid "neues"). */
function personalWords(owner: PasswordOwner): string[] {
  const local = owner.email.split("@")[0] ?? "";
  const parts = [
    owner.email,
    local,
    ...local.split(/[._+-]+/),
    ...(owner.displayName ?? "").split(/[\s.,-]+/),
  ];
  return [...new Set(parts.map((p) => p.trim().toLowerCase()).filter((p) => p.length >= 4))];
}

/** The German reason why `password` may not be used by `owner`, or null. */
export function passwordProblem(password: string, owner: PasswordOwner): string | null {
  const lower = password.toLowerCase();
  const own = personalWords(owner).find((word) => lower.includes(word));
  if (own) {
    return "Das Passwort darf Ihren Namen oder Ihre E-Mail-Adresse nicht enthalten.";
  }
  const result = estimator().check(password, personalWords(owner));
  if (result.score >= MIN_SCORE && !BLOCKED.has(lower)) return null;
  const warning = result.feedback.warning ? ` ${result.feedback.warning}` : "";
  return (
    `Dieses Passwort ist zu leicht zu erraten.${warning} ` +
    "Gut merkbar und sicher ist ein Satz aus mehreren Wörtern, z. B. „Kaffee nach der Stadtratssitzung 2027“."
  );
}

/** Throws a field error (German) when the password may not be used; the field is the form's password field. */
export function assertPasswordAllowed(password: string, owner: PasswordOwner, field: string): void {
  const problem = passwordProblem(password, owner);
  if (problem) throw new DomainError("BAD_REQUEST", problem, field);
}
