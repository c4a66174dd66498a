// The app shell: skip link, header with SPATZ and the tenant, role-based navigation, main landmark.
import { A, type RouteSectionProps, useLocation, useNavigate } from "@solidjs/router";
import {
  can,
  formatDateTime,
  LEGAL_PAGE_LABELS,
  LEGAL_PAGES,
  type ProcedurePath,
  ROLE_LABELS,
} from "@spatz/domain";
import { useMutation } from "@tanstack/solid-query";
import { createEffect, createSignal, ErrorBoundary, For, type JSX, on, onCleanup, Show } from "solid-js";
import { type Me, useResetSession, useSession } from "../auth/session.ts";
import { trpc } from "../lib/trpc.ts";
import { focusHeadingOf } from "./heading-focus.ts";
import { NoticeRegion } from "./notice.tsx";
import { PageError } from "./PageError.tsx";

type NavItem = {
  href: string;
  label: string;
  requires?: ProcedurePath;
  stateOnly?: boolean;
  kommuneOnly?: boolean;
};

const NAV: NavItem[] = [
  { href: "/start", label: "Start" },
  { href: "/reifegrad", label: "Reifegrad", requires: "maturity.dashboard", kommuneOnly: true },
  { href: "/vergleich", label: "Vergleich", requires: "benchmark.position", kommuneOnly: true },
  { href: "/massnahmen", label: "Maßnahmen", requires: "measures.list", kommuneOnly: true },
  { href: "/strategie", label: "Strategie", requires: "strategies.list", kommuneOnly: true },
  { href: "/portfolio", label: "Portfolio", requires: "portfolio.list", kommuneOnly: true },
  { href: "/steuerung", label: "Governance", requires: "governance.bodies", kommuneOnly: true },
  { href: "/rollout", label: "Onlinedienste", requires: "rollout.board", kommuneOnly: true },
  { href: "/berichte", label: "Berichte", requires: "reports.list" },
  { href: "/land/kommunen", label: "Kommunen", requires: "tenants.list", stateOnly: true },
  { href: "/land/reifegrad", label: "Reifegrad im Land", requires: "benchmark.kreisMap", stateOnly: true },
  {
    href: "/land/reifegradmodell",
    label: "Reifegradmodell",
    requires: "maturityModels.list",
    stateOnly: true,
  },
  { href: "/land/rollout", label: "Rollout", requires: "rollout.stateOverview", stateOnly: true },
  { href: "/land/pm-koffer", label: "PM-Koffer", requires: "handbook.draft", stateOnly: true },
  { href: "/land/katalog", label: "OZG-Katalog", requires: "rollout.services", stateOnly: true },
  { href: "/land/kosten", label: "Kosten", requires: "rollout.costModel", stateOnly: true },
  // One org unit tree for the portfolio (GB/R) and maturity (scope of measures and strategies).
  { href: "/verwaltung/organisation", label: "Organisation", requires: "orgUnits.create", kommuneOnly: true },
  { href: "/verwaltung/benutzer", label: "Benutzer", requires: "users.list" },
  { href: "/verwaltung/protokoll", label: "Protokoll", requires: "audit.list" },
  { href: "/verwaltung/export", label: "Export", requires: "tenantExport.prepare" },
  {
    href: "/land/hintergrundaufgaben",
    label: "Hintergrundaufgaben",
    requires: "jobs.overview",
    stateOnly: true,
  },
];

function visible(item: NavItem, me: Me): boolean {
  const isState = me.tenant.kind === "state";
  if (item.stateOnly && !isState) return false;
  if (item.kommuneOnly && isState) return false;
  return item.requires ? can(me.user.role, item.requires) : true;
}

export function Layout(props: RouteSectionProps) {
  const session = useSession();
  const location = useLocation();
  // Printing keeps the data tables behind the charts: open every closed <details> for the print, close them after
  // (browsers without ::details-content in the print stylesheet need this).
  const opened: HTMLDetailsElement[] = [];
  const openForPrint = () => {
    for (const d of document.querySelectorAll<HTMLDetailsElement>("details:not([open])")) {
      d.open = true;
      opened.push(d);
    }
  };
  const closeAfterPrint = () => {
    for (const d of opened.splice(0)) d.open = false;
  };
  window.addEventListener("beforeprint", openForPrint);
  window.addEventListener("afterprint", closeAfterPrint);
  onCleanup(() => {
    window.removeEventListener("beforeprint", openForPrint);
    window.removeEventListener("afterprint", closeAfterPrint);
  });
  const [menuOpen, setMenuOpen] = createSignal(false);
  // After a client-side page change, move focus to the new page's heading so screen readers announce it, and close
  // the phone's menu.
  createEffect(
    on(
      () => location.pathname,
      (path) => {
        setMenuOpen(false);
        focusHeadingOf(path);
      },
      { defer: true },
    ),
  );
  return (
    <>
      {/* biome-ignore lint/a11y/useValidAnchor: a skip link is an in-page anchor; the handler only moves focus past the router */}
      <a
        class="skip-link"
        href="#main"
        onClick={(e) => {
          // The router would treat the fragment as navigation; move focus ourselves.
          e.preventDefault();
          document.getElementById("main")?.focus();
        }}
      >
        Zum Inhalt springen
      </a>
      <header class="app-header">
        <A href="/" class="brand">
          <img src="/favicon.svg" alt="" width="28" height="28" />
          <span class="brand-name">SPATZ</span>
          <span class="brand-claim">Digitale Verwaltung Sachsen-Anhalt</span>
        </A>
        <Show when={session.data}>
          {/* On a phone, menu and account hide behind this button so the page starts near the top. */}
          <button
            type="button"
            class="menu-toggle button button-light"
            aria-expanded={menuOpen()}
            aria-controls="app-nav"
            onClick={() => setMenuOpen(!menuOpen())}
          >
            Menü
          </button>
        </Show>
        <Show when={session.data}>
          {(me) => (
            <div class="user-menu" classList={{ open: menuOpen() }}>
              <UserMenu me={me()} />
            </div>
          )}
        </Show>
      </header>
      <Show when={session.data}>
        {(me) => (
          <nav id="app-nav" class="app-nav" classList={{ open: menuOpen() }} aria-label="Hauptnavigation">
            <ul>
              <For each={NAV.filter((item) => visible(item, me()))}>
                {(item) => (
                  <li>
                    <A href={item.href} activeClass="active" end={item.href === "/start"}>
                      {item.label}
                    </A>
                  </li>
                )}
              </For>
            </ul>
          </nav>
        )}
      </Show>
      {/* On paper, instead of header and menu: whose figures these are and when they were printed. */}
      <Show when={session.data}>
        {(me) => (
          <p class="print-only print-header">
            SPATZ · {me().tenant.name} · gedruckt am {formatDateTime(new Date())}
          </p>
        )}
      </Show>
      <main id="main" class="app-main" tabindex="-1">
        {/* A page that fails to render (or to load after a new version was deployed) shows a German error, not a blank. */}
        <ErrorBoundary fallback={(error, reset) => <PageError error={error} reset={reset} />}>
          {props.children}
        </ErrorBoundary>
      </main>
      {/* After the page in reading order (the page's own messages come first), shown at the top of the window. */}
      <NoticeRegion />
      <footer class="app-footer">
        <nav aria-label="Rechtliches">
          <ul class="footer-links">
            <For each={LEGAL_PAGES}>
              {(page) => (
                <li>
                  <A href={`/${page}`}>{LEGAL_PAGE_LABELS[page]}</A>
                </li>
              )}
            </For>
          </ul>
        </nav>
        <p>SPATZ – Smart · Präzise · Analyse · Transparent · Zuverlässig</p>
      </footer>
    </>
  );
}

function UserMenu(props: { me: Me }): JSX.Element {
  const navigate = useNavigate();
  const reset = useResetSession();
  const logout = useMutation(() => ({
    mutationFn: () => trpc.auth.logout.mutate(),
    onSettled: async () => {
      const slug = props.me.tenant.slug;
      await reset();
      navigate(`/t/${slug}/anmelden`, { replace: true });
    },
  }));
  return (
    <>
      <span class="user-tenant">{props.me.tenant.name}</span>
      <A href="/konto" class="user-name">
        {props.me.user.displayName} <span class="user-role">· {ROLE_LABELS[props.me.user.role]}</span>
      </A>
      <button
        type="button"
        class="button button-light"
        onClick={() => logout.mutate()}
        disabled={logout.isPending}
      >
        Abmelden
      </button>
    </>
  );
}
