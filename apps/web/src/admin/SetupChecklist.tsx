// The first-run checklist of a Kommune's administration: the four steps that make SPATZ usable (someone to steer, the
// organisation, the maturity model in use, a first strategy), each with its state and where to do it. Steps that are
// the steering's (CDO/PMO) say so: the administration sees them, the coordinator does them.
import { A } from "@solidjs/router";
import { formatCountOf } from "@spatz/domain";
import { useQuery } from "@tanstack/solid-query";
import { For, Show } from "solid-js";
import { trpc } from "../lib/trpc.ts";
import { QueryView } from "../ui/QueryView.tsx";

type Progress = Awaited<ReturnType<typeof trpc.users.setupProgress.query>>;

type Step = {
  title: string;
  done: (p: Progress) => boolean;
  state: (p: Progress) => string;
  href: string;
  who?: string;
};

const STEPS: Step[] = [
  {
    title: "Steuerung (CDO/PMO) einladen",
    done: (p) => p.coordinators > 0 || p.coordinatorInvitations > 0,
    state: (p) =>
      p.coordinators > 0
        ? `${formatCountOf(p.coordinators, "Person", "Personen")} in der Rolle Steuerung`
        : p.coordinatorInvitations > 0
          ? "eingeladen, noch nicht angenommen"
          : "noch niemand in der Rolle Steuerung",
    href: "/verwaltung/benutzer",
  },
  {
    title: "Organisation anlegen (Geschäftsbereiche, Ressorts)",
    done: (p) => p.orgUnits > 0,
    state: (p) =>
      p.orgUnits > 0 ? `${formatCountOf(p.orgUnits, "Einheit", "Einheiten")} angelegt` : "noch keine",
    href: "/verwaltung/organisation",
  },
  {
    title: "Reifegradmodell übernehmen",
    done: (p) => p.modelAdopted,
    state: (p) => (p.modelAdopted ? "übernommen" : "noch nicht übernommen"),
    href: "/reifegrad",
    who: "Aufgabe der Steuerung",
  },
  {
    title: "Erste Digitalisierungsstrategie anlegen",
    done: (p) => p.strategies > 0,
    state: (p) => (p.strategies > 0 ? "angelegt" : "noch keine"),
    href: "/strategie",
    who: "Aufgabe der Steuerung",
  },
];

export function SetupChecklist() {
  const progress = useQuery(() => ({
    queryKey: ["users.setupProgress"],
    queryFn: () => trpc.users.setupProgress.query(),
  }));
  return (
    <QueryView query={progress} loadingLabel="Einrichtung wird geprüft …">
      {(p) => {
        const done = STEPS.filter((s) => s.done(p)).length;
        return (
          <>
            <p>
              <Show when={done < STEPS.length} fallback="Die Einrichtung ist abgeschlossen.">
                {done} von {STEPS.length} Schritten erledigt.
              </Show>
            </p>
            <ol class="checklist">
              <For each={STEPS}>
                {(step) => (
                  <li classList={{ "checklist-done": step.done(p) }}>
                    <span class="checklist-mark" aria-hidden="true">
                      {step.done(p) ? "✓" : "○"}
                    </span>
                    <span>
                      <A href={step.href}>{step.title}</A>
                      <span class="visually-hidden">{step.done(p) ? " (erledigt)" : " (offen)"}</span>
                      <br />
                      <span class="muted">
                        {step.state(p)}
                        {step.who ? ` · ${step.who}` : ""}
                      </span>
                    </span>
                  </li>
                )}
              </For>
            </ol>
          </>
        );
      }}
    </QueryView>
  );
}
