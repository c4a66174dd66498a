/** Result of parsing one user-entered value: the value, or a German reason that can be shown to a clerk. */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; reason: string };

export function parsed<T>(value: T): ParseResult<T> {
  return { ok: true, value };
}

export function rejected<T>(reason: string): ParseResult<T> {
  return { ok: false, reason };
}
