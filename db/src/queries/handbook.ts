// The PM-Koffer (schema/handbook.ts, docs/adr/0017-pm-koffer.md): the state edits one draft of the Land's handbook and
// publishes it as the next version; every Kommune reads the latest published version with its own chapters on top and
// takes note of a new version. Writes audited in the writing tenant.
import { type HandbookEntryKind, type HandbookForm, keySlug, type PmStandard } from "@spatz/domain";
import { and, asc, desc, eq, isNotNull, max } from "drizzle-orm";
import { type Actor, writeAudit } from "../audit.ts";
import { DomainError } from "../domain-error.ts";
import {
  handbookAcknowledgements,
  handbookChapters,
  handbookLocalChapters,
  handbookVersions,
} from "../schema/handbook.ts";
import type { TenantTx } from "../tenant-tx.ts";

export type HandbookChapterValues = {
  key?: string;
  kind: HandbookEntryKind;
  title: string;
  body: string;
  standard: PmStandard | null;
  form: HandbookForm | null;
};
export type HandbookDraftValues = { title: string; changes: string; chapters: HandbookChapterValues[] };

async function withChapters(tx: TenantTx, version: typeof handbookVersions.$inferSelect | undefined) {
  if (!version) return null;
  const chapters = await tx
    .select()
    .from(handbookChapters)
    .where(eq(handbookChapters.versionId, version.id))
    .orderBy(asc(handbookChapters.position));
  return { ...version, chapters };
}

/** The Land's handbook in force: the latest published version with its chapters, or null before the first. */
export async function publishedHandbook(tx: TenantTx) {
  const [latest] = await tx
    .select()
    .from(handbookVersions)
    .where(eq(handbookVersions.status, "published"))
    .orderBy(desc(handbookVersions.version))
    .limit(1);
  return withChapters(tx, latest);
}

export async function handbookDraft(tx: TenantTx) {
  const [draft] = await tx.select().from(handbookVersions).where(eq(handbookVersions.status, "draft"));
  return withChapters(tx, draft);
}

export async function handbookHistory(tx: TenantTx) {
  return tx
    .select({
      version: handbookVersions.version,
      title: handbookVersions.title,
      changes: handbookVersions.changes,
      publishedAt: handbookVersions.publishedAt,
      publishedBy: handbookVersions.publishedBy,
    })
    .from(handbookVersions)
    .where(eq(handbookVersions.status, "published"))
    .orderBy(desc(handbookVersions.version));
}

/** Keys stay as given (stable across versions); new chapters get one from their title, unique in the version. */
function chapterKeys(chapters: readonly HandbookChapterValues[]): string[] {
  const used = new Set<string>();
  return chapters.map((c) => {
    const base = c.key ?? keySlug(c.title);
    let key = base;
    for (let n = 2; used.has(key); n++) key = `${base}-${n}`;
    used.add(key);
    return key;
  });
}

/** Creates the draft (the next version number) or replaces its title, changes and chapters. State only (RLS). */
export async function saveHandbookDraft(
  tx: TenantTx,
  tenantId: string,
  actor: Actor,
  v: HandbookDraftValues,
) {
  let draft = (await tx.select().from(handbookVersions).where(eq(handbookVersions.status, "draft")))[0];
  if (draft) {
    [draft] = await tx
      .update(handbookVersions)
      .set({ title: v.title, changes: v.changes })
      .where(eq(handbookVersions.id, draft.id))
      .returning();
  } else {
    const [last] = await tx.select({ n: max(handbookVersions.version) }).from(handbookVersions);
    [draft] = await tx
      .insert(handbookVersions)
      .values({ version: (last?.n ?? 0) + 1, title: v.title, changes: v.changes })
      .returning();
  }
  const keys = chapterKeys(v.chapters);
  await tx.delete(handbookChapters).where(eq(handbookChapters.versionId, draft!.id));
  await tx.insert(handbookChapters).values(
    v.chapters.map((c, position) => ({
      versionId: draft!.id,
      key: keys[position]!,
      position,
      kind: c.kind,
      title: c.title,
      body: c.body,
      standard: c.standard,
      form: c.form,
    })),
  );
  await writeAudit(tx, tenantId, actor, {
    action: "handbook.draft_save",
    entityType: "handbook",
    entityId: draft!.id,
    after: { title: `${v.title} (Entwurf der Fassung ${draft!.version})`, chapters: v.chapters.length },
  });
  return { version: draft!.version };
}

export async function publishHandbook(tx: TenantTx, tenantId: string, actor: Actor, publisherName: string) {
  const draft = await handbookDraft(tx);
  if (!draft) throw new DomainError("CONFLICT", "Es gibt keinen Entwurf, der veröffentlicht werden könnte.");
  if (draft.chapters.length === 0)
    throw new DomainError("BAD_REQUEST", "Ein PM-Koffer ohne Kapitel kann nicht veröffentlicht werden.");
  const [row] = await tx
    .update(handbookVersions)
    .set({ status: "published", publishedAt: new Date(), publishedBy: publisherName })
    .where(eq(handbookVersions.id, draft.id))
    .returning();
  await writeAudit(tx, tenantId, actor, {
    action: "handbook.publish",
    entityType: "handbook",
    entityId: draft.id,
    after: { title: `${draft.title} (Fassung ${draft.version})`, chapters: draft.chapters.length },
  });
  return { version: row!.version };
}

export async function discardHandbookDraft(tx: TenantTx, tenantId: string, actor: Actor) {
  const deleted = await tx
    .delete(handbookVersions)
    .where(eq(handbookVersions.status, "draft"))
    .returning({ version: handbookVersions.version, title: handbookVersions.title });
  if (deleted.length === 0) throw new DomainError("CONFLICT", "Es gibt keinen Entwurf.");
  await writeAudit(tx, tenantId, actor, {
    action: "handbook.draft_discard",
    entityType: "handbook",
    before: { title: `${deleted[0]!.title} (Entwurf der Fassung ${deleted[0]!.version})` },
  });
}

// ---- A Kommune's view ----------------------------------------------------------------------------------------------

/** The Land's version in force, the Kommune's own chapters, and whether a version is new to the Kommune. */
export async function handbookForKommune(tx: TenantTx) {
  const [land, local, [ack]] = await Promise.all([
    publishedHandbook(tx),
    tx.select().from(handbookLocalChapters).orderBy(asc(handbookLocalChapters.createdAt)),
    tx.select().from(handbookAcknowledgements),
  ]);
  return {
    land,
    local,
    acknowledgedVersion: ack?.version ?? null,
    /** A published version the Kommune has not taken note of yet. */
    isNew: land !== null && (ack === undefined || ack.version < land.version),
  };
}

export type LocalChapterValues = { kind: HandbookEntryKind; title: string; body: string };

export async function saveLocalChapter(
  tx: TenantTx,
  tenantId: string,
  actor: Actor,
  v: LocalChapterValues & { id?: string },
) {
  const { id, ...values } = v;
  let row: typeof handbookLocalChapters.$inferSelect | undefined;
  if (id) {
    [row] = await tx
      .update(handbookLocalChapters)
      .set(values)
      .where(eq(handbookLocalChapters.id, id))
      .returning();
    if (!row) throw new DomainError("NOT_FOUND", "Dieses Kapitel gibt es nicht.");
  } else {
    [row] = await tx
      .insert(handbookLocalChapters)
      .values({ tenantId, ...values })
      .returning();
  }
  await writeAudit(tx, tenantId, actor, {
    action: id ? "handbook.local_update" : "handbook.local_create",
    entityType: "handbook",
    entityId: row!.id,
    after: { title: row!.title, kind: row!.kind },
  });
  return row!;
}

export async function removeLocalChapter(tx: TenantTx, tenantId: string, actor: Actor, id: string) {
  const [row] = await tx.delete(handbookLocalChapters).where(eq(handbookLocalChapters.id, id)).returning();
  if (!row) throw new DomainError("NOT_FOUND", "Dieses Kapitel gibt es nicht.");
  await writeAudit(tx, tenantId, actor, {
    action: "handbook.local_remove",
    entityType: "handbook",
    entityId: id,
    before: { title: row.title, kind: row.kind },
  });
}

/** The Kommune has taken note of the version in force (the notice goes away until the next). */
export async function acknowledgeHandbook(tx: TenantTx, tenantId: string, name: string) {
  const land = await publishedHandbook(tx);
  if (!land) throw new DomainError("CONFLICT", "Das Land hat noch keinen PM-Koffer veröffentlicht.");
  await tx
    .insert(handbookAcknowledgements)
    .values({ tenantId, version: land.version, acknowledgedBy: name })
    .onConflictDoUpdate({
      target: handbookAcknowledgements.tenantId,
      set: { version: land.version, acknowledgedBy: name, acknowledgedAt: new Date() },
    });
  return { version: land.version };
}

/** The version in force (its id), or null before the first. */
function latestPublishedId(tx: TenantTx) {
  return tx
    .select({ id: handbookVersions.id })
    .from(handbookVersions)
    .where(eq(handbookVersions.status, "published"))
    .orderBy(desc(handbookVersions.version))
    .limit(1);
}

/** Chapters of the version in force that explain a PM standard (the project checklist links to them). */
export async function standardChapters(tx: TenantTx) {
  const [latest] = await latestPublishedId(tx);
  if (!latest) return [];
  const rows = await tx
    .select({ standard: handbookChapters.standard, key: handbookChapters.key, title: handbookChapters.title })
    .from(handbookChapters)
    .where(and(eq(handbookChapters.versionId, latest.id), isNotNull(handbookChapters.standard)))
    .orderBy(asc(handbookChapters.position));
  return rows.map((r) => ({ standard: r.standard!, key: r.key, title: r.title }));
}

/** One template: the Land's (by key, in the version in force) or the Kommune's own (by id); null if there is none. */
export async function handbookTemplate(
  tx: TenantTx,
  source: { source: "land"; key: string } | { source: "local"; id: string },
): Promise<{ title: string; body: string; form: HandbookForm | null } | null> {
  if (source.source === "local") {
    const [row] = await tx
      .select()
      .from(handbookLocalChapters)
      .where(and(eq(handbookLocalChapters.id, source.id), eq(handbookLocalChapters.kind, "template")));
    return row ? { title: row.title, body: row.body, form: null } : null;
  }
  const [latest] = await latestPublishedId(tx);
  if (!latest) return null;
  const [row] = await tx
    .select()
    .from(handbookChapters)
    .where(
      and(
        eq(handbookChapters.versionId, latest.id),
        eq(handbookChapters.key, source.key),
        eq(handbookChapters.kind, "template"),
      ),
    );
  return row ? { title: row.title, body: row.body, form: row.form } : null;
}
