// Roles per membership (DESIGN.md §1). Kommune tenants use the first five, the state tenant the last two.
export const KOMMUNE_ROLES = ["admin", "leadership", "coordinator", "project_lead", "viewer"] as const;
export const STATE_ROLES = ["state_admin", "state_pmo"] as const;
export const ROLES = [...KOMMUNE_ROLES, ...STATE_ROLES] as const;

export type KommuneRole = (typeof KOMMUNE_ROLES)[number];
export type StateRole = (typeof STATE_ROLES)[number];
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Administration",
  leadership: "Verwaltungsführung",
  coordinator: "CDO / PMO (Koordination)",
  project_lead: "Projektleitung",
  viewer: "Mitarbeitende (lesend)",
  state_admin: "Landesadministration",
  state_pmo: "Landes-PMO",
};

export function rolesForTenantKind(kind: TenantKind): readonly Role[] {
  return kind === "state" ? STATE_ROLES : KOMMUNE_ROLES;
}

export const TENANT_KINDS = [
  "state",
  "kreisfreie_stadt",
  "landkreis",
  "einheitsgemeinde",
  "verbandsgemeinde",
] as const;
export type TenantKind = (typeof TENANT_KINDS)[number];
export type KommuneKind = Exclude<TenantKind, "state">;

export const TENANT_KIND_LABELS: Record<TenantKind, string> = {
  state: "Land",
  kreisfreie_stadt: "Kreisfreie Stadt",
  landkreis: "Landkreis",
  einheitsgemeinde: "Einheitsgemeinde",
  verbandsgemeinde: "Verbandsgemeinde",
};

export const TENANT_STATUSES = ["active", "suspended", "deletion_pending"] as const;
export type TenantStatus = (typeof TENANT_STATUSES)[number];
export const TENANT_STATUS_LABELS: Record<TenantStatus, string> = {
  active: "aktiv",
  suspended: "gesperrt",
  deletion_pending: "Löschung vorgemerkt",
};
/** Days between the state marking a Kommune for deletion and its data being deleted; undo is possible until then. */
export const TENANT_DELETION_GRACE_DAYS = 30;

/** An account is active or disabled (disabled accounts keep their history; they never sign in). */
export const USER_STATUSES = ["active", "disabled"] as const;
export type UserStatus = (typeof USER_STATUSES)[number];
