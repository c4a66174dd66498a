// PM-Koffer fixtures: the state's draft and a published version (written as the state, as the Landes-PMO would).
import { randomUUID } from "node:crypto";
import { type Database, queries, STATE_TENANT_ID, withTenant } from "@spatz/db";
import { FIXTURE_ACTOR } from "./portfolio.ts";

export const handbookChapter = (title: string, body = "Text") => ({
  kind: "chapter" as const,
  title,
  body,
  standard: null,
  form: null,
});

/** A draft of the Land's handbook (created or replaced). */
export async function handbookDraftFixture(db: Database, title = `PM-Koffer ${randomUUID().slice(0, 8)}`) {
  return withTenant(db, STATE_TENANT_ID, (tx) =>
    queries.saveHandbookDraft(tx, STATE_TENANT_ID, FIXTURE_ACTOR, {
      title,
      changes: "",
      chapters: [handbookChapter("Einführung")],
    }),
  );
}

/** Makes sure a published version exists (publishes a draft if there is none yet). */
export async function publishedHandbookFixture(db: Database) {
  const existing = await withTenant(db, STATE_TENANT_ID, (tx) => queries.publishedHandbook(tx));
  if (existing) return existing.version;
  await handbookDraftFixture(db);
  return withTenant(db, STATE_TENANT_ID, async (tx) => {
    // Another test may have published meanwhile: then there is no draft left, and its version counts.
    const draft = await queries.handbookDraft(tx);
    if (!draft) return (await queries.publishedHandbook(tx))!.version;
    return (await queries.publishHandbook(tx, STATE_TENANT_ID, FIXTURE_ACTOR, "Test")).version;
  });
}
