// Refusals of query functions are `DomainError`s (@spatz/domain); this adds the PostgreSQL-specific check they need.
export { DomainError, type DomainErrorCode } from "@spatz/domain";

/** True for PostgreSQL's unique violation (23505), also when wrapped by drizzle. */
export function isUniqueViolation(error: unknown): boolean {
  let e: unknown = error;
  while (e instanceof Error) {
    if ((e as { code?: string }).code === "23505") return true;
    e = e.cause;
  }
  return false;
}
