// The joins between the governance tables (composite keys: same tenant, same id), written once for the queries and
// the evidence module.
import { and, eq } from "drizzle-orm";
import { governanceBodies, governanceDecisions, governanceMeetings } from "../schema/governance.ts";

/** A Beschluss's meeting. */
export const meetingOfDecision = and(
  eq(governanceMeetings.tenantId, governanceDecisions.tenantId),
  eq(governanceMeetings.id, governanceDecisions.meetingId),
);

/** A meeting's Gremium. */
export const bodyOfMeeting = and(
  eq(governanceBodies.tenantId, governanceMeetings.tenantId),
  eq(governanceBodies.id, governanceMeetings.bodyId),
);
