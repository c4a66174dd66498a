// What a request brings to tRPC. The database handle sits behind a module-private symbol: procedures reach data only
// through the tier middlewares in trpc.ts, which open the tenant transaction.
import type { SessionPolicy } from "@spatz/auth";
import type { Database } from "@spatz/db";
import type { LegalDocument, LegalPage } from "@spatz/domain";
import type { JobProducer } from "@spatz/jobs";
import type { Cluster, Redis } from "ioredis";

export type Logger = {
  info: (obj: object, msg?: string) => void;
  warn: (obj: object, msg?: string) => void;
  error: (obj: object, msg?: string) => void;
};

export type ServerDeps = {
  db: Database;
  /** A pool on a streaming replica (DATABASE_READ_URL) for the dashboard reads of REPLICA_READS; null: all primary. */
  readDb: Database | null;
  /** One Redis server or a Redis Cluster (REDIS_URL with ?cluster=true). */
  redis: Redis | Cluster;
  sessionPolicy: SessionPolicy;
  /** Origin the users open, e.g. https://spatz.sachsen-anhalt.de; links in invitations point here. */
  publicUrl: string;
  cookieSecure: boolean;
  logger: Logger;
  /** A mail transport is configured (SMTP_URL or MAIL_DIR): the worker sends what the outbox holds. */
  mailEnabled: boolean;
  /** Evidence files one Kommune may store in total (EVIDENCE_QUOTA_MB); keeps one tenant from filling the disk. */
  evidenceQuotaBytes: number;
  /** The texts of the legal pages (Impressum, Datenschutz, Barrierefreiheit) from the operator. */
  legal: Record<LegalPage, LegalDocument>;
  /** Enqueues background jobs (benchmark refreshes) and reads their queues; null where no queue is wired (tests). */
  jobs: Pick<JobProducer, "enqueue" | "queue"> | null;
};

export const DEPS = Symbol("spatz.deps");

export type RequestInfo = {
  requestId: string;
  /** The client address, worked out only when asked (sign-in rate limits, session records). */
  clientIp: () => string;
  userAgent: string | null;
  sessionToken: string | null;
  /** Headers merged into the response (Set-Cookie, Retry-After). */
  resHeaders: Headers;
};

export type Context = RequestInfo & { [DEPS]: ServerDeps };

export function createContextFactory(deps: ServerDeps) {
  return (info: RequestInfo): Context => ({ ...info, [DEPS]: deps });
}
