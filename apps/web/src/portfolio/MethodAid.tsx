// The PM-Koffer's decision aid on the project page: five yes/no questions suggest klassisch, agil or hybrid; the
// project's editors take the suggestion (or, on purpose, another method), which is stored on the project with the
// answers in its history.
import { A } from "@solidjs/router";
import {
  METHOD_QUESTIONS,
  type MethodQuestionKey,
  type ProjectMethod,
  projectMethodLabels,
  projectMethods,
  suggestMethod,
} from "@spatz/domain";
import { useMutation, useQueryClient } from "@tanstack/solid-query";
import { createSignal, For, Show } from "solid-js";
import { createStore } from "solid-js/store";
import { trpc } from "../lib/trpc.ts";
import { codeOptions, Form, SelectField } from "../ui/Field.tsx";
import { MutationResult } from "../ui/states.tsx";

export function MethodAid(props: { projectId: string; method: ProjectMethod | null; canEdit: boolean }) {
  const client = useQueryClient();
  const [answers, setAnswers] = createStore<Partial<Record<MethodQuestionKey, boolean>>>({});
  const [chosen, setChosen] = createSignal<ProjectMethod | "">("");
  const complete = () => METHOD_QUESTIONS.every((q) => answers[q.key] !== undefined);
  const suggestion = () => (complete() ? suggestMethod(answers as Record<MethodQuestionKey, boolean>) : null);
  const choose = useMutation(() => ({
    mutationFn: () =>
      trpc.steering.chooseMethod.mutate({
        projectId: props.projectId,
        answers: answers as Record<MethodQuestionKey, boolean>,
        method: (chosen() || suggestion()!.method) as ProjectMethod,
      }),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: ["portfolio.get", props.projectId] }),
        client.invalidateQueries({ queryKey: ["portfolio.history", props.projectId] }),
        client.invalidateQueries({ queryKey: ["portfolio.list"] }),
      ]),
  }));
  return (
    <section class="card" aria-labelledby="method-title">
      <h2 id="method-title">Methode</h2>
      <p>
        {props.method
          ? `Dieses Projekt arbeitet ${projectMethodLabels[props.method]}.`
          : "Für dieses Projekt ist noch keine Methode festgelegt."}{" "}
        <A href="/portfolio/pm-koffer#kapitel-methode-waehlen">Kapitel „Methode wählen“ im PM-Koffer</A>
      </p>
      <Show when={props.canEdit}>
        <details>
          <summary>Entscheidungshilfe: klassisch, agil oder hybrid?</summary>
          <Form class="form" label="Entscheidungshilfe zur Methode" onSubmit={() => choose.mutate()}>
            <For each={METHOD_QUESTIONS}>
              {(q) => (
                <fieldset class="field method-question">
                  <legend>{q.text}</legend>
                  <label class="check">
                    <input
                      type="radio"
                      name={`method-${q.key}`}
                      checked={answers[q.key] === true}
                      onChange={() => setAnswers(q.key, true)}
                    />{" "}
                    ja
                  </label>
                  <label class="check">
                    <input
                      type="radio"
                      name={`method-${q.key}`}
                      checked={answers[q.key] === false}
                      onChange={() => setAnswers(q.key, false)}
                    />{" "}
                    nein
                  </label>
                </fieldset>
              )}
            </For>
            <p role="status" aria-live="polite">
              {suggestion()
                ? `Vorschlag: ${projectMethodLabels[suggestion()!.method]} (${suggestion()!.classic} Antworten sprechen für klassisch, ${suggestion()!.agile} für agil).`
                : "Beantworten Sie alle fünf Fragen, dann erscheint ein Vorschlag."}
            </p>
            <Show when={suggestion()}>
              <SelectField
                label="Gewählte Methode"
                hint="Der Vorschlag ist eine Empfehlung; eine andere Wahl bleibt mit den Antworten im Verlauf nachvollziehbar."
                value={chosen() || suggestion()!.method}
                options={codeOptions(projectMethods, projectMethodLabels)}
                onChange={(e) => setChosen(e.currentTarget.value as ProjectMethod)}
              />
              <div>
                <button type="submit" class="button button-primary" disabled={choose.isPending}>
                  Methode übernehmen
                </button>
              </div>
            </Show>
          </Form>
          <MutationResult
            mutation={choose}
            success={
              choose.data ? `Die Methode „${projectMethodLabels[choose.data.method]}“ ist gespeichert.` : ""
            }
          />
        </details>
      </Show>
    </section>
  );
}
