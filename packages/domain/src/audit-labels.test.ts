// The Protokoll shows German labels. That every written action has one is enforced by the type of the audit writer
// (AuditAction in db/src/audit.ts); this checks the fallback for codes of older versions.
import { describe, expect, it } from "vitest";
import { auditActionLabel, auditEntityLabel } from "./audit-labels.ts";

describe("audit log labels", () => {
  it("shows an unknown code as it is", () => {
    expect(auditActionLabel("project.update")).toBe("Projekt geändert");
    expect(auditActionLabel("alt.aktion")).toBe("alt.aktion");
    expect(auditEntityLabel("rollout_record")).toBe("Rollout-Eintrag");
  });
});
