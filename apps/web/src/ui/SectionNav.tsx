// A module's own navigation below its page title (portfolio, IT-Governance, the Land's rollout): links to its sections,
// each shown only to roles that may open it, the current one marked (aria-current from the router's link).
import { A } from "@solidjs/router";
import { can, type ProcedurePath } from "@spatz/domain";
import { For } from "solid-js";
import type { Me } from "../auth/session.ts";

export type Section = { href: string; label: string; requires: ProcedurePath };

export function SectionNav(props: {
  label: string;
  me: Me;
  sections: Section[];
  /** A section stays marked on the pages below it (e.g. a Gremium below "Gremien und Beschlüsse"). */
  includeSubpages?: boolean;
}) {
  return (
    <nav class="sub-nav" aria-label={props.label}>
      <ul>
        <For each={props.sections.filter((s) => can(props.me.user.role, s.requires))}>
          {(s) => (
            <li>
              <A href={s.href} activeClass="active" end={!props.includeSubpages}>
                {s.label}
              </A>
            </li>
          )}
        </For>
      </ul>
    </nav>
  );
}
