// A project: facts, milestones, PM standards, the maturity measures it delivers, completion (which can complete those
// measures, after asking) and its history from the audit log; and the page to create one.
import { A, useNavigate, useParams } from "@solidjs/router";
import {
  auditActionLabel,
  berlinToday,
  can,
  formatCountOf,
  formatDate,
  MEASURE_STATUS_LABELS,
  PM_STANDARD_LABELS,
  PM_STANDARDS,
  type PmStandard,
  type ProjectMethod,
  type ProjectPriority,
  type ProjectStatus,
  projectMethodLabels,
  projectPriorityLabels,
  projectStatusLabels,
} from "@spatz/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/solid-query";
import { createSignal, For, Show } from "solid-js";
import type { Me } from "../auth/session.ts";
import { errorMessage, fieldErrors, trpc } from "../lib/trpc.ts";
import { ConfirmButton } from "../ui/ConfirmButton.tsx";
import { Form, TextField } from "../ui/Field.tsx";
import { describeChanges, HistoryCard } from "../ui/HistoryCard.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";
import { Pager } from "../ui/Pager.tsx";
import { QueryView, StableQueryView } from "../ui/QueryView.tsx";
import { Alert, EmptyState, Loading } from "../ui/states.tsx";
import { TableScroll } from "../ui/TableScroll.tsx";
import {
  centsToInput,
  daysToInput,
  money,
  PortfolioNav,
  personDays,
  StatusBadge,
  useFilterOptions,
} from "./common.tsx";
import { MethodAid } from "./MethodAid.tsx";
import { EMPTY_PROJECT, ProjectForm, type ProjectFormValues } from "./ProjectForm.tsx";
import { Risks, StatusReports } from "./Steering.tsx";

type Project = Awaited<ReturnType<typeof trpc.portfolio.get.query>>;

function toInput(v: ProjectFormValues) {
  return {
    ...v,
    priority: v.priority,
    method: v.method,
    leadUserId: v.leadUserId,
  };
}

export function ProjectNewPage(props: { me: Me }) {
  const navigate = useNavigate();
  const client = useQueryClient();
  const options = useFilterOptions();
  const create = useMutation(() => ({
    mutationFn: (v: ProjectFormValues) => trpc.portfolio.create.mutate(toInput(v)),
    onSuccess: (r) => {
      client.invalidateQueries({ queryKey: ["portfolio.list"] });
      client.invalidateQueries({ queryKey: ["portfolio.filterOptions"] });
      navigate(`/portfolio/projekte/${r.id}`);
    },
  }));
  return (
    <>
      <PageHeader title="Projekt anlegen" />
      <PortfolioNav me={props.me} />
      <QueryView query={options}>
        {(o) => (
          <Show
            when={o.orgUnits.some((u) => u.kind === "r")}
            fallback={
              <EmptyState title="Es sind noch keine Organisationseinheiten angelegt.">
                <p>
                  Legen Sie zuerst Geschäftsbereiche und Fachbereiche unter{" "}
                  <A href="/verwaltung/organisation">Organisationseinheiten</A> an oder importieren Sie eine
                  Projektliste.
                </p>
              </EmptyState>
            }
          >
            <section class="card">
              <ProjectForm
                initial={EMPTY_PROJECT}
                options={o}
                submitLabel="Projekt anlegen"
                pending={create.isPending}
                error={create.error}
                onSubmit={(v) => create.mutate(v)}
                onCancel={() => navigate("/portfolio")}
              />
            </section>
          </Show>
        )}
      </QueryView>
    </>
  );
}

export function ProjectDetailPage(props: { me: Me }) {
  const params = useParams();
  const project = useQuery(() => ({
    queryKey: ["portfolio.get", params.id],
    queryFn: () => trpc.portfolio.get.query({ id: params.id! }),
  }));
  return (
    <>
      <PageHeader
        title={project.data?.name ?? "Projekt"}
        intro={project.data ? `${project.data.gbCode} / ${project.data.rCode}` : undefined}
      />
      <PortfolioNav me={props.me} />
      <StableQueryView query={project}>{(p) => <ProjectView me={props.me} project={p()} />}</StableQueryView>
    </>
  );
}

function ProjectView(props: { me: Me; project: Project }) {
  const client = useQueryClient();
  const navigate = useNavigate();
  const [editing, setEditing] = createSignal(false);
  const options = useFilterOptions();
  const p = () => props.project;
  const refresh = () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ["portfolio.get", p().id] }),
      client.invalidateQueries({ queryKey: ["portfolio.history", p().id] }),
      client.invalidateQueries({ queryKey: ["portfolio.list"] }),
      client.invalidateQueries({ queryKey: ["portfolio.dashboard"] }),
      client.invalidateQueries({ queryKey: ["portfolio.timeline"] }),
    ]);
  const update = useMutation(() => ({
    mutationFn: (v: ProjectFormValues) => trpc.portfolio.update.mutate({ id: p().id, ...toInput(v) }),
    onSuccess: async () => {
      setEditing(false);
      await refresh();
    },
  }));
  const [confirming, setConfirming] = createSignal(false);
  const complete = useMutation(() => ({
    mutationFn: (completeLinkedMeasures: boolean) =>
      trpc.portfolio.complete.mutate({ id: p().id, completeLinkedMeasures }),
    onSuccess: async () => {
      setConfirming(false);
      // Completed measures raise the maturity: every maturity view reads fresh data.
      await Promise.all([
        refresh(),
        ...["measures.list", "measures.get", "maturity.dashboard"].map((key) =>
          client.invalidateQueries({ queryKey: [key] }),
        ),
      ]);
    },
  }));
  const remove = useMutation(() => ({
    mutationFn: () => trpc.portfolio.remove.mutate({ id: p().id }),
    onSuccess: () => {
      client.invalidateQueries({ queryKey: ["portfolio.list"] });
      navigate("/portfolio");
    },
  }));
  const setStandard = useMutation(() => ({
    mutationFn: (v: { standard: PmStandard; followed: boolean }) =>
      trpc.portfolio.setStandard.mutate({ projectId: p().id, ...v }),
    onSuccess: refresh,
  }));
  const followed = (s: PmStandard) => p().standards.some((x) => x.standard === s);
  // The PM-Koffer's chapter that explains each standard, if the Land's handbook has one.
  const chapters = useQuery(() => ({
    queryKey: ["handbook.standardChapters"],
    queryFn: () => trpc.handbook.standardChapters.query(),
    staleTime: 5 * 60_000,
  }));
  const chapterOf = (s: PmStandard) => chapters.data?.find((c) => c.standard === s);
  const open = () => !["completed", "rejected", "stopped"].includes(p().status);
  return (
    <>
      <Show when={complete.data}>
        {(done) => (
          <Alert kind="success">
            <p>
              Das Projekt ist abgeschlossen.
              <Show when={done().measuresCompleted > 0}>
                {" "}
                {done().measuresCompleted === 1
                  ? "1 verknüpfte Maßnahme wurde abgeschlossen."
                  : `${done().measuresCompleted} verknüpfte Maßnahmen wurden abgeschlossen.`}{" "}
                <A href="/reifegrad">Zum Reifegrad</A>
              </Show>
            </p>
          </Alert>
        )}
      </Show>
      <Show when={complete.isError || remove.isError || setStandard.isError}>
        <Alert kind="error">{errorMessage(complete.error ?? remove.error ?? setStandard.error)}</Alert>
      </Show>
      <section class="card" aria-labelledby="facts-title">
        <div class="card-header">
          <h2 id="facts-title">Steckbrief</h2>
          <Show when={p().canEdit && !editing()}>
            <div class="card-actions">
              <button type="button" class="button" onClick={() => setEditing(true)}>
                Bearbeiten
              </button>
              <Show when={open()}>
                <button
                  type="button"
                  class="button"
                  aria-expanded={confirming()}
                  disabled={complete.isPending}
                  onClick={() => setConfirming(true)}
                >
                  Projekt abschließen
                </button>
              </Show>
              <Show when={can(props.me.user.role, "portfolio.remove")}>
                <ConfirmButton
                  class="button button-danger"
                  question={`Projekt „${p().name}“ mit Meilensteinen endgültig löschen?`}
                  onConfirm={() => remove.mutate()}
                >
                  Löschen
                </ConfirmButton>
              </Show>
            </div>
          </Show>
        </div>
        <Show when={confirming() && open()}>
          <CompleteProject
            project={p()}
            pending={complete.isPending}
            onConfirm={(withMeasures) => complete.mutate(withMeasures)}
            onCancel={() => setConfirming(false)}
          />
        </Show>
        <Show
          when={editing()}
          fallback={
            <dl class="facts">
              <dt>GB / R</dt>
              <dd>
                {p().gbCode} – {p().gbName} / {p().rCode} – {p().rName}
              </dd>
              <dt>Status</dt>
              <dd>
                <StatusBadge status={p().status} />
              </dd>
              <dt>Zeitraum</dt>
              <dd>
                {formatDate(p().startDate)} bis {formatDate(p().endDate)} ({p().duration})
              </dd>
              <dt>Beschreibung</dt>
              <dd class="pre-line">{p().description || "–"}</dd>
              <dt>Priorität</dt>
              <dd>{p().priority ? projectPriorityLabels[p().priority!] : "–"}</dd>
              <dt>Methode</dt>
              <dd>{p().method ? projectMethodLabels[p().method!] : "–"}</dd>
              <dt>Projektleitung</dt>
              <dd>
                {p().leadName ?? "–"}
                <Show when={p().leadUserName}> (Konto: {p().leadUserName})</Show>
              </dd>
              <dt>Budget</dt>
              <dd>{money(p().budgetCents)}</dd>
              <dt>Aufwand</dt>
              <dd>{personDays(p().effortDays)}</dd>
              <dt>Projekt-ID</dt>
              <dd>{p().externalId ?? p().id}</dd>
              <dt>Bemerkungen</dt>
              <dd class="pre-line">{p().notes ?? "–"}</dd>
              <Show when={p().proposal}>
                <dt>Herkunft</dt>
                <dd>
                  <A href={`/portfolio/anmeldung/${p().proposal!.roundId}`}>aus der Projektanmeldung</A>
                </dd>
              </Show>
            </dl>
          }
        >
          <Show when={options.data} fallback={<Loading />}>
            {(o) => (
              <ProjectForm
                options={o()}
                initial={{
                  gbId: p().gbId,
                  rId: p().rId,
                  name: p().name,
                  description: p().description,
                  start: p().startDate,
                  end: p().endDate,
                  status: p().status,
                  priority: p().priority,
                  method: p().method,
                  leadName: p().leadName ?? "",
                  leadUserId: p().leadUserId,
                  budget: centsToInput(p().budgetCents),
                  effortDays: daysToInput(p().effortDays),
                  notes: p().notes ?? "",
                }}
                submitLabel="Änderungen speichern"
                pending={update.isPending}
                error={update.error}
                onSubmit={(v) => update.mutate(v)}
                onCancel={() => setEditing(false)}
              />
            )}
          </Show>
        </Show>
      </section>
      <StatusReports
        projectId={p().id}
        canEdit={p().canEdit}
        canSetRhythm={props.me.user.role === "coordinator"}
      />
      <Risks owner={{ projectId: p().id }} canEdit={p().canEdit} measures={p().measures} />
      <Milestones project={p()} onChange={refresh} />
      <LinkedMeasures project={p()} />
      <MethodAid projectId={p().id} method={p().method} canEdit={p().canEdit} />
      <section class="card" aria-labelledby="standards-title">
        <h2 id="standards-title">PM-Standards</h2>
        <p class="muted">
          Welche Standards des Projektmanagements dieses Projekt anwendet; was jeder verlangt, steht im{" "}
          <A href="/portfolio/pm-koffer">PM-Koffer</A>.
        </p>
        <fieldset class="checklist" disabled={!p().canEdit || setStandard.isPending}>
          <legend class="visually-hidden">Angewendete Standards</legend>
          <For each={PM_STANDARDS}>
            {(s) => (
              <label class="check">
                <input
                  type="checkbox"
                  checked={followed(s)}
                  onChange={(e) => setStandard.mutate({ standard: s, followed: e.currentTarget.checked })}
                />{" "}
                {PM_STANDARD_LABELS[s]}
                <Show when={chapterOf(s)}>
                  {(c) => (
                    <>
                      {" "}
                      – <A href={`/portfolio/pm-koffer#kapitel-${c().key}`}>{c().title}</A>
                    </>
                  )}
                </Show>
              </label>
            )}
          </For>
        </fieldset>
      </section>
      <History projectId={p().id} />
    </>
  );
}

const isOpenMeasure = (m: Project["measures"][number]) =>
  m.status === "planned" || m.status === "in_progress";

/** Asks before completing: the open measures the project delivers can be completed with it (default: yes). */
function CompleteProject(props: {
  project: Project;
  pending: boolean;
  onConfirm: (completeLinkedMeasures: boolean) => void;
  onCancel: () => void;
}) {
  const openMeasures = () => props.project.measures.filter(isOpenMeasure);
  const [withMeasures, setWithMeasures] = createSignal(true);
  const today = berlinToday();
  // As completeProject decides: the end date when it has passed, else today.
  const completedOn = () => {
    const ended = props.project.endDate < today;
    return ended ? props.project.endDate : today;
  };
  return (
    <form
      class="form alert alert-info"
      aria-labelledby="complete-title"
      onSubmit={(e) => {
        e.preventDefault();
        props.onConfirm(openMeasures().length > 0 && withMeasures());
      }}
    >
      <h3 id="complete-title">Projekt „{props.project.name}“ abschließen?</h3>
      <Show
        when={openMeasures().length > 0}
        fallback={<p>Mit diesem Projekt sind keine offenen Maßnahmen verknüpft.</p>}
      >
        <label class="check">
          <input
            type="checkbox"
            checked={withMeasures()}
            onChange={(e) => setWithMeasures(e.currentTarget.checked)}
          />{" "}
          {openMeasures().length === 1
            ? "Die verknüpfte offene Maßnahme ebenfalls abschließen"
            : `Die ${openMeasures().length} verknüpften offenen Maßnahmen ebenfalls abschließen`}
        </label>
        <p class="muted">
          Abschlussdatum {formatDate(completedOn())}, Nachweis: Abschluss dieses Projekts. Der Reifegrad
          steigt entsprechend.
        </p>
      </Show>
      <div class="button-row">
        <button type="submit" class="button button-primary" disabled={props.pending}>
          Abschluss bestätigen
        </button>
        <button type="button" class="button" onClick={() => props.onCancel()}>
          Abbrechen
        </button>
      </div>
    </form>
  );
}

const MEASURES_PAGE = 10;

/** The maturity measures this project delivers, with their status: open ones first, ten to a page. */
function LinkedMeasures(props: { project: Project }) {
  const [page, setPage] = createSignal(1);
  const open = () => props.project.measures.filter(isOpenMeasure).length;
  const shown = () => props.project.measures.slice((page() - 1) * MEASURES_PAGE, page() * MEASURES_PAGE);
  return (
    <section class="card" aria-labelledby="measures-title">
      <h2 id="measures-title">Verknüpfte Maßnahmen</h2>
      <Show
        when={props.project.measures.length > 0}
        fallback={
          <EmptyState title="Mit diesem Projekt sind keine Maßnahmen verknüpft.">
            <p>Eine Maßnahme wird in ihrem Formular mit dem Projekt verknüpft, das sie umsetzt.</p>
          </EmptyState>
        }
      >
        <p class="muted">
          Das Projekt setzt {formatCountOf(props.project.measures.length, "Maßnahme", "Maßnahmen")} des
          Reifegradmodells um, davon {open()} offen.
        </p>
        <TableScroll>
          <table class="table">
            <thead>
              <tr>
                <th scope="col">Maßnahme</th>
                <th scope="col">Organisationseinheit</th>
                <th scope="col">Status</th>
                <th scope="col">Geplantes Ende</th>
                <th scope="col">Abgeschlossen am</th>
              </tr>
            </thead>
            <tbody>
              <For each={shown()}>
                {(m) => (
                  <tr>
                    <td>
                      <A href={`/massnahmen/${m.id}`}>{m.title}</A>
                    </td>
                    <td>{m.orgUnitCode ?? "gesamt"}</td>
                    <td>{MEASURE_STATUS_LABELS[m.status]}</td>
                    <td>{formatDate(m.plannedEnd)}</td>
                    <td>{formatDate(m.completedOn)}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </TableScroll>
        <Show when={props.project.measures.length > MEASURES_PAGE}>
          <Pager
            page={page()}
            pageSize={MEASURES_PAGE}
            total={props.project.measures.length}
            onPage={setPage}
            label="Seiten der verknüpften Maßnahmen"
          />
        </Show>
      </Show>
    </section>
  );
}

function Milestones(props: { project: Project; onChange: () => Promise<unknown> }) {
  const [title, setTitle] = createSignal("");
  const [due, setDue] = createSignal("");
  const add = useMutation(() => ({
    mutationFn: () =>
      trpc.portfolio.addMilestone.mutate({ projectId: props.project.id, title: title(), dueDate: due() }),
    onSuccess: async () => {
      setTitle("");
      setDue("");
      await props.onChange();
    },
  }));
  const toggle = useMutation(() => ({
    mutationFn: (m: { id: string; title: string; dueDate: string; done: boolean }) =>
      trpc.portfolio.updateMilestone.mutate(m),
    onSuccess: props.onChange,
  }));
  const remove = useMutation(() => ({
    mutationFn: (id: string) => trpc.portfolio.removeMilestone.mutate({ id }),
    onSuccess: props.onChange,
  }));
  const errors = () => fieldErrors(add.error);
  return (
    <section class="card" aria-labelledby="milestones-title">
      <h2 id="milestones-title">Meilensteine</h2>
      <Show
        when={props.project.milestones.length > 0}
        fallback={<EmptyState title="Noch keine Meilensteine." />}
      >
        <TableScroll>
          <table class="table">
            <thead>
              <tr>
                <th scope="col">Meilenstein</th>
                <th scope="col">Termin</th>
                <th scope="col">Stand</th>
                <Show when={props.project.canEdit}>
                  <th scope="col">
                    <span class="visually-hidden">Aktionen</span>
                  </th>
                </Show>
              </tr>
            </thead>
            <tbody>
              <For each={props.project.milestones}>
                {(m) => (
                  <tr classList={{ "row-overdue": m.overdue }}>
                    <td>{m.title}</td>
                    <td>{formatDate(m.dueDate)}</td>
                    <td>
                      {m.done ? (
                        "erreicht"
                      ) : m.overdue ? (
                        <strong class="text-overdue">überfällig</strong>
                      ) : (
                        "offen"
                      )}
                    </td>
                    <Show when={props.project.canEdit}>
                      <td>
                        <div class="row-actions">
                          <button
                            type="button"
                            class="button button-secondary"
                            onClick={() =>
                              toggle.mutate({ id: m.id, title: m.title, dueDate: m.dueDate, done: !m.done })
                            }
                            aria-label={`${m.title}: ${m.done ? "wieder öffnen" : "als erreicht markieren"}`}
                          >
                            {m.done ? "Wieder öffnen" : "Erreicht"}
                          </button>
                          <button
                            type="button"
                            class="button button-secondary button-danger"
                            onClick={() => remove.mutate(m.id)}
                            aria-label={`Meilenstein ${m.title} löschen`}
                          >
                            Löschen
                          </button>
                        </div>
                      </td>
                    </Show>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </TableScroll>
      </Show>
      <Show when={props.project.canEdit}>
        <Form class="form form-inline" label="Meilenstein hinzufügen" onSubmit={() => add.mutate()}>
          <TextField
            label="Neuer Meilenstein"
            value={title()}
            onInput={(e) => setTitle(e.currentTarget.value)}
            error={errors().title}
          />
          <TextField
            label="Termin"
            type="date"
            value={due()}
            onInput={(e) => setDue(e.currentTarget.value)}
            error={errors().dueDate}
          />
          <button type="submit" class="button" disabled={add.isPending}>
            Hinzufügen
          </button>
        </Form>
        <Show when={(add.isError && Object.keys(errors()).length === 0) || toggle.isError || remove.isError}>
          <Alert kind="error">{errorMessage(add.error ?? toggle.error ?? remove.error)}</Alert>
        </Show>
      </Show>
    </section>
  );
}

const ACTION_LABELS: Record<string, string> = {
  "project.create": "angelegt",
  "project.update": "geändert",
  "project.complete": "abgeschlossen",
  "project.import_create": "durch Import angelegt",
  "project.import_update": "durch Import aktualisiert",
  "project.milestone_add": "Meilenstein hinzugefügt",
  "project.milestone_update": "Meilenstein geändert",
  "project.milestone_remove": "Meilenstein gelöscht",
  "project.standard_set": "Standard angewendet",
  "project.standard_unset": "Standard nicht mehr angewendet",
  "project.method_choose": "Methode mit der Entscheidungshilfe gewählt",
};

const FIELD_LABELS: Record<string, string> = {
  name: "Projektname",
  gb: "GB",
  r: "R",
  status: "Status",
  startDate: "Start",
  endDate: "Ende",
  description: "Beschreibung",
  priority: "Priorität",
  method: "Methode",
  suggested: "Vorschlag der Entscheidungshilfe",
  leadName: "Projektleitung",
  budgetCents: "Budget",
  effortDays: "Aufwand",
  notes: "Bemerkungen",
  externalId: "Projekt-ID",
  title: "Meilenstein",
  dueDate: "Termin",
  done: "erreicht",
  standard: "Standard",
  measuresCompleted: "Maßnahmen abgeschlossen",
  file: "Datei",
  line: "Zeile",
};

function show(key: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return "–";
  switch (key) {
    case "status":
      return projectStatusLabels[value as ProjectStatus] ?? String(value);
    case "priority":
      return projectPriorityLabels[value as ProjectPriority] ?? String(value);
    case "method":
    case "suggested":
      return projectMethodLabels[value as ProjectMethod] ?? String(value);
    case "startDate":
    case "endDate":
    case "dueDate":
      return formatDate(String(value));
    case "budgetCents":
      return money(Number(value));
    case "effortDays":
      return personDays(Number(value));
    case "done":
      return value ? "ja" : "nein";
    case "standard":
      return PM_STANDARD_LABELS[value as PmStandard] ?? String(value);
    default:
      return String(value);
  }
}

function History(props: { projectId: string }) {
  return (
    <HistoryCard
      queryKey={["portfolio.history", props.projectId]}
      fetch={(page) => trpc.portfolio.history.query({ id: props.projectId, ...page })}
      actionLabel={(action) => ACTION_LABELS[action] ?? auditActionLabel(action)}
      changes={(e) => describeChanges(e.before, e.after, FIELD_LABELS, show)}
    />
  );
}
