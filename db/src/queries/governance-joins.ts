// The joins between the governance tables (same tenant, same id; tenantRef), written once for the queries and the
// evidence module.
import { governanceBodies, governanceDecisions, governanceMeetings } from "../schema/governance.ts";
import { tenantRef } from "./tenant-ref.ts";

/** A Beschluss's meeting. */
export const meetingOfDecision = tenantRef(
  governanceMeetings,
  governanceDecisions.tenantId,
  governanceDecisions.meetingId,
);

/** A meeting's Gremium. */
export const bodyOfMeeting = tenantRef(
  governanceBodies,
  governanceMeetings.tenantId,
  governanceMeetings.bodyId,
);
