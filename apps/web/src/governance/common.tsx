// What the governance pages share: their navigation, refreshing everything a governance change touches (the maturity
// dashboard counts Beschlüsse, RACI and reviews as evidence).
import { useQueryClient } from "@tanstack/solid-query";
import type { Me } from "../auth/session.ts";
import { type Section, SectionNav } from "../ui/SectionNav.tsx";

const SECTIONS: Section[] = [
  { href: "/steuerung/gremien", label: "Gremien und Beschlüsse", requires: "governance.bodies" },
  { href: "/steuerung/raci", label: "RACI-Matrix", requires: "governance.raci" },
  { href: "/steuerung/prozesse", label: "Prozesse", requires: "governance.processes" },
];

export function GovernanceNav(props: { me: Me }) {
  return <SectionNav label="IT-Governance" me={props.me} sections={SECTIONS} includeSubpages />;
}

/** After a governance change: its own lists and everything that reads governance evidence. */
export function useRefreshGovernance() {
  const client = useQueryClient();
  return () =>
    Promise.all(
      [
        "governance.bodies",
        "governance.body",
        "governance.decisionOptions",
        "governance.raci",
        "governance.processes",
        "maturity.dashboard",
        "strategies.get",
      ].map((key) => client.invalidateQueries({ queryKey: [key] })),
    );
}
