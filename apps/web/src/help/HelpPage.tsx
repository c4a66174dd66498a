// A help page per module (/hilfe/<thema>): what the module is for and its German terms; reachable from the header of
// every page of that module and from the overview (/hilfe).
import { A, useParams } from "@solidjs/router";
import { For, Show } from "solid-js";
import { PageHeader } from "../ui/PageHeader.tsx";
import { EmptyState } from "../ui/states.tsx";
import { HELP_TOPICS } from "./topics.ts";

export function HelpPage() {
  const params = useParams<{ topic?: string }>();
  const topic = () => HELP_TOPICS.find((t) => t.slug === params.topic) ?? null;
  return (
    <Show
      when={params.topic}
      fallback={
        <>
          <PageHeader
            title="Hilfe"
            intro="Was die Bereiche von SPATZ leisten und was ihre Begriffe bedeuten."
          />
          <ul class="plain-list">
            <For each={HELP_TOPICS}>
              {(t) => (
                <li>
                  <A href={`/hilfe/${t.slug}`}>{t.title}</A>
                </li>
              )}
            </For>
          </ul>
        </>
      }
    >
      <Show
        when={topic()}
        fallback={
          <>
            <PageHeader title="Hilfe" />
            <EmptyState title="Zu diesem Thema gibt es keine Hilfeseite.">
              <A href="/hilfe">Alle Hilfethemen</A>
            </EmptyState>
          </>
        }
      >
        {(t) => (
          <>
            <PageHeader title={`Hilfe: ${t().title}`} intro={t().intro} />
            <section class="card" aria-labelledby="help-terms">
              <h2 id="help-terms">Begriffe</h2>
              <dl class="glossary">
                <For each={t().terms}>
                  {(term) => (
                    <>
                      <dt>{term.term}</dt>
                      <dd>{term.explanation}</dd>
                    </>
                  )}
                </For>
              </dl>
            </section>
            <p>
              <A href="/hilfe">Alle Hilfethemen</A>
            </p>
          </>
        )}
      </Show>
    </Show>
  );
}
