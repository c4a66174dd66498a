// The signed-in person as the account functions of @spatz/auth expect them.
import type { AccountActor } from "@spatz/auth";
import type { SessionContext } from "./trpc.ts";

export function accountActor(session: SessionContext): AccountActor {
  return {
    tenantId: session.tenant.id,
    tenantKind: session.tenant.kind,
    userId: session.user.id,
    actor: session.actor,
  };
}
