// Domain errors of the rollout queries; the router turns them into tRPC errors (a `field` becomes a field message).
export type RolloutErrorCode = "NOT_FOUND" | "CONFLICT" | "BAD_REQUEST";

export class RolloutError extends Error {
  override name = "RolloutError";
  constructor(
    readonly code: RolloutErrorCode,
    message: string,
    /** The input field the message belongs to, if any. */
    readonly field?: string,
  ) {
    super(message);
  }
}
