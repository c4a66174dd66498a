// Who may change a measure in the screens; the server checks the same rule (routers/measures.ts).
import { can } from "@spatz/domain";
import type { Me } from "../auth/session.ts";

export function canEditMeasure(me: Me, measure: { responsibleUserId: string | null }): boolean {
  if (me.user.role === "coordinator") return true;
  return me.user.role === "project_lead" && measure.responsibleUserId === me.user.id;
}

export const canCreateMeasures = (me: Me) => can(me.user.role, "measures.create");
