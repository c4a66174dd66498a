// What the governance pages share: their navigation, refreshing everything a governance change touches (the maturity
// dashboard counts Beschlüsse, RACI and reviews as evidence).
import { A } from "@solidjs/router";
import { can } from "@spatz/domain";
import { useQueryClient } from "@tanstack/solid-query";
import { For } from "solid-js";
import type { Me } from "../auth/session.ts";

const TABS: { href: string; label: string; requires: Parameters<typeof can>[1] }[] = [
  { href: "/steuerung/gremien", label: "Gremien und Beschlüsse", requires: "governance.bodies" },
  { href: "/steuerung/raci", label: "RACI-Matrix", requires: "governance.raci" },
  { href: "/steuerung/prozesse", label: "Prozesse", requires: "governance.processes" },
];

export function GovernanceNav(props: { me: Me }) {
  return (
    <nav class="sub-nav" aria-label="IT-Governance">
      <ul>
        <For each={TABS.filter((t) => can(props.me.user.role, t.requires))}>
          {(tab) => (
            <li>
              <A href={tab.href} activeClass="active">
                {tab.label}
              </A>
            </li>
          )}
        </For>
      </ul>
    </nav>
  );
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
