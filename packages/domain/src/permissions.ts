// The authorization matrix as data: who may call which tRPC procedure. The server enforces it for every procedure
// (a procedure missing here is refused), the screens use it to show only what a role can do, and the tests check it
// both ways. Add a line here with every new procedure.
import type { Role } from "./roles.ts";

export type Access = "public" | "authenticated" | readonly Role[];

const TENANT_ADMINS = ["admin", "state_admin"] as const satisfies readonly Role[];
const AUDIT_READERS = ["admin", "leadership", "state_admin"] as const satisfies readonly Role[];
/** Everyone of a Kommune reads its measures, strategy and maturity (viewers read-only). */
const KOMMUNE_READERS = [
  "admin",
  "leadership",
  "coordinator",
  "project_lead",
  "viewer",
] as const satisfies readonly Role[];
/** Coordinators manage measures; project leads edit the measures they are responsible for (checked per measure). */
const MEASURE_EDITORS = ["coordinator", "project_lead"] as const satisfies readonly Role[];

export const PERMISSIONS = {
  "auth.login": "public",
  "auth.invitationInfo": "public",
  "auth.acceptInvitation": "public",
  "directory.tenants": "public",
  "directory.tenantBySlug": "public",

  "auth.logout": "authenticated",
  "account.me": "authenticated",
  "account.sessions": "authenticated",
  "account.revokeSession": "authenticated",
  "account.logoutEverywhere": "authenticated",
  "account.changePassword": "authenticated",

  "users.list": TENANT_ADMINS,
  "users.invitations": TENANT_ADMINS,
  "users.invite": TENANT_ADMINS,
  "users.revokeInvitation": TENANT_ADMINS,
  "users.changeRole": TENANT_ADMINS,
  "users.setStatus": TENANT_ADMINS,

  "audit.list": AUDIT_READERS,

  "tenants.list": ["state_admin", "state_pmo"],
  "tenants.create": ["state_admin"],
  "tenants.rename": ["state_admin"],
  "tenants.setStatus": ["state_admin"],
  "tenants.inviteAdmin": ["state_admin"],

  // Maturity models: the state's; Kommunen read published versions.
  "maturityModels.list": "authenticated",
  "maturityModels.get": "authenticated",
  "maturityModels.createDraft": ["state_admin"],
  "maturityModels.saveDraft": ["state_admin"],
  "maturityModels.discardDraft": ["state_admin"],
  "maturityModels.publish": ["state_admin"],

  // A Kommune's maturity: Ist/Soll, history and plan, and moving to a newer model version.
  "maturity.model": KOMMUNE_READERS,
  "maturity.dashboard": KOMMUNE_READERS,
  "maturity.adoptModel": ["coordinator"],

  "orgUnits.list": KOMMUNE_READERS,
  "orgUnits.create": ["admin", "coordinator"],
  "orgUnits.update": ["admin", "coordinator"],
  "orgUnits.remove": ["admin", "coordinator"],

  "measures.list": KOMMUNE_READERS,
  "measures.get": KOMMUNE_READERS,
  "measures.assignees": KOMMUNE_READERS,
  "measures.create": MEASURE_EDITORS,
  "measures.update": MEASURE_EDITORS,
  "measures.setStatus": MEASURE_EDITORS,
  "measures.bulkSetStatus": MEASURE_EDITORS,

  "strategies.list": KOMMUNE_READERS,
  "strategies.get": KOMMUNE_READERS,
  "strategies.save": ["coordinator"],
  "strategies.approve": ["leadership"],
} as const satisfies Record<string, Access>;

export type ProcedurePath = keyof typeof PERMISSIONS;

export function accessOf(path: string): Access | undefined {
  return (PERMISSIONS as Record<string, Access>)[path];
}

export function can(role: Role | null | undefined, path: ProcedurePath): boolean {
  const access: Access = PERMISSIONS[path];
  if (access === "public") return true;
  if (!role) return false;
  if (access === "authenticated") return true;
  return access.includes(role);
}
