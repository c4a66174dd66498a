import { describe, expect, it } from "vitest";
import { can, PERMISSIONS } from "./permissions.ts";
import { KOMMUNE_ROLES, ROLES, rolesForTenantKind, STATE_ROLES } from "./roles.ts";

describe("authorization matrix data", () => {
  it("names only known roles", () => {
    for (const access of Object.values(PERMISSIONS)) {
      if (Array.isArray(access)) for (const role of access) expect(ROLES).toContain(role);
    }
  });

  it("lets only tenant and state admins administer users, and only the state the registry", () => {
    expect(ROLES.filter((r) => can(r, "users.invite"))).toEqual(["admin", "state_admin"]);
    expect(ROLES.filter((r) => can(r, "tenants.setStatus"))).toEqual(["state_admin"]);
    expect(can(null, "directory.tenants")).toBe(true);
    expect(can(null, "account.me")).toBe(false);
  });

  it("lets the state alone edit the maturity model and Kommune roles alone manage measures", () => {
    expect(ROLES.filter((r) => can(r, "maturityModels.publish"))).toEqual(["state_admin"]);
    expect(ROLES.filter((r) => can(r, "measures.setStatus"))).toEqual(["coordinator", "project_lead"]);
    expect(ROLES.filter((r) => can(r, "strategies.approve"))).toEqual(["leadership"]);
    expect(ROLES.filter((r) => can(r, "maturity.dashboard"))).toEqual([...KOMMUNE_ROLES]);
  });

  it("keeps state and Kommune roles apart", () => {
    expect(rolesForTenantKind("state")).toEqual(STATE_ROLES);
    expect(rolesForTenantKind("landkreis")).toEqual(KOMMUNE_ROLES);
  });
});
