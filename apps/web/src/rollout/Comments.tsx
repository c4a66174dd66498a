// Comments on a rollout record: the state PMO's and the Kommune's replies, oldest first, and a form to add one.
import { formatDateTime, ROLE_LABELS, type Role } from "@spatz/domain";
import { useMutation } from "@tanstack/solid-query";
import { createSignal, For, Show } from "solid-js";
import { errorMessage, fieldErrors, trpc } from "../lib/trpc.ts";
import { Form } from "../ui/Field.tsx";
import { Alert, EmptyState } from "../ui/states.tsx";

export type CommentItem = {
  id: string;
  body: string;
  authorName: string;
  authorRole: string;
  fromState: boolean;
  createdAt: Date;
};

export function Comments(props: {
  comments: CommentItem[];
  canWrite: boolean;
  kommuneId?: string;
  serviceId: string;
  onAdded: () => void;
}) {
  const [body, setBody] = createSignal("");
  const add = useMutation(() => ({
    mutationFn: () =>
      trpc.rollout.addComment.mutate({
        kommuneId: props.kommuneId,
        serviceId: props.serviceId,
        body: body(),
      }),
    onSuccess: () => {
      setBody("");
      props.onAdded();
    },
  }));
  const errors = () => fieldErrors(add.error);
  return (
    <section aria-labelledby="comments-title" class="card">
      <h2 id="comments-title">Kommentare</h2>
      <Show when={props.comments.length > 0} fallback={<EmptyState title="Noch keine Kommentare." />}>
        <ol class="comments">
          <For each={props.comments}>
            {(c) => (
              <li classList={{ "from-kommune": !c.fromState }}>
                <p class="comment-meta">
                  {c.authorName} ({c.fromState ? "Land" : "Kommune"},{" "}
                  {ROLE_LABELS[c.authorRole as Role] ?? c.authorRole}) · {formatDateTime(c.createdAt)}
                </p>
                <p class="comment-body">{c.body}</p>
              </li>
            )}
          </For>
        </ol>
      </Show>
      <Show when={props.canWrite}>
        <Form onSubmit={() => add.mutate()}>
          <div class="field" classList={{ "field-invalid": !!errors().body }}>
            <label for="comment-body">Neuer Kommentar</label>
            <textarea
              id="comment-body"
              value={body()}
              maxLength={2000}
              onInput={(e) => setBody(e.currentTarget.value)}
              aria-invalid={errors().body ? "true" : undefined}
              aria-describedby={errors().body ? "comment-body-error" : undefined}
            />
            <Show when={errors().body}>
              <p class="field-error" id="comment-body-error">
                {errors().body}
              </p>
            </Show>
          </div>
          <div>
            <button type="submit" class="button button-primary" disabled={add.isPending}>
              Kommentar speichern
            </button>
          </div>
          <Show when={add.isError && !errors().body}>
            <Alert kind="error">{errorMessage(add.error)}</Alert>
          </Show>
        </Form>
      </Show>
    </section>
  );
}
