// How a mail of the outbox is sent: one `mail.send` job per outbox row, its id derived from the row, so enqueueing it
// again (after commit, from the hourly sweep) never sends twice.
import type { JobRequest } from "./benchmark.ts";
import { type JobPayload, mailSendJobId } from "./payloads.ts";

export function mailSendJob(tenantId: string, outboxId: string): JobRequest<"mail.send"> {
  const data: JobPayload<"mail.send"> = { tenantId, outboxId };
  return { name: "mail.send", data, opts: { jobId: mailSendJobId(data) } };
}
