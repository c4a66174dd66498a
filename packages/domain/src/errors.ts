// The one error type for an expected refusal (not found, conflict, invalid input, forbidden), with a German message
// for the user. Domain and query functions throw it; the tRPC layer turns it into the matching error code, and
// `field` names the form field the message belongs to. Browser-safe, so pure packages (rollout, portfolio) use it too.
export type DomainErrorCode = "BAD_REQUEST" | "NOT_FOUND" | "CONFLICT" | "FORBIDDEN";

export class DomainError extends Error {
  override name = "DomainError";
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}
