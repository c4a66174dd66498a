// Work that follows a tenant procedure once its transaction has committed: enqueueing jobs that must see the
// committed data (a job enqueued before the commit could run and read the old state). Procedures add their own with
// `ctx.afterCommit(fn)`; the declarative triggers below add theirs by procedure path. A failure is logged and never
// fails the request: the nightly jobs are the safety net.
import { affectsMaturity } from "@spatz/benchmark";
import { rolloutAllJob, rolloutKommuneJob, snapshotJob } from "@spatz/jobs";
import { rolloutTrigger } from "@spatz/rollout";
import type { ServerDeps } from "./context.ts";

export type AfterCommit = () => Promise<void>;

/** How long the request waits for its after-commit work (e.g. Redis unreachable) before it answers anyway. */
const AFTER_COMMIT_TIMEOUT_MS = 2_000;

/**
 * The work every successful call of `path` triggers: the debounced maturity snapshot after a measure changed, the
 * rollout aggregates after a record or the catalogue changed.
 */
export function triggeredWork(deps: ServerDeps, path: string, tenantId: string): AfterCommit[] {
  const work: AfterCommit[] = [];
  const jobs = deps.jobs;
  if (!jobs) return work;
  if (affectsMaturity(path)) work.push(() => jobs.enqueue(snapshotJob(tenantId)));
  const rollout = rolloutTrigger(path);
  if (rollout === "kommune") work.push(() => jobs.enqueue(rolloutKommuneJob(tenantId)));
  if (rollout === "all") work.push(() => jobs.enqueue(rolloutAllJob()));
  return work;
}

export async function runAfterCommit(
  deps: Pick<ServerDeps, "logger">,
  path: string,
  work: readonly AfterCommit[],
): Promise<void> {
  for (const fn of work) {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        fn(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`no answer within ${AFTER_COMMIT_TIMEOUT_MS} ms`)),
            AFTER_COMMIT_TIMEOUT_MS,
          );
        }),
      ]);
    } catch (error) {
      deps.logger.warn(
        { procedure: path, err: error instanceof Error ? error.message : String(error) },
        "work after commit failed",
      );
    } finally {
      clearTimeout(timer);
    }
  }
}
