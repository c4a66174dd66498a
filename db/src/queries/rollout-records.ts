// A Kommune's rollout records: its board, one record with comments, single and bulk updates, and its summary
// against the Land average. Records are created lazily: a responsible service without a record is "nicht begonnen".
// Every query here names the Kommune's own tenant id explicitly: RLS already limits the rows, the explicit filter lets
// the planner use the (tenant_id, service_id) index instead of scanning every Kommune's records.
import { berlinToday } from "@spatz/domain";
import {
  allowedNextStatuses,
  applyStepDates,
  type BoardInput,
  type BulkUpdateInput,
  checkStatusTransition,
  checkStepOrder,
  type KommuneKind,
  type RecordUpdateInput,
  type RolloutStatus,
  rolloutStatusLabels,
  type StepDates,
} from "@spatz/rollout";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { type Actor, writeAudit } from "../audit.ts";
import { DomainError } from "../domain-error.ts";
import { ozgServices, rolloutComments, rolloutLandStats, rolloutRecords } from "../schema/rollout.ts";
import { tenants } from "../schema/tenants.ts";
import type { TenantTx } from "../tenant-tx.ts";
import { listAudit } from "./audit.ts";

export type KommuneRef = { id: string; kind: KommuneKind };

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Responsible for a service: in the catalogue, municipal, and the Kommune's kind among the responsible kinds. */
const responsible = (kind: KommuneKind) =>
  sql`(s.in_catalogue and s.municipal_execution and ${kind} = any(s.responsible_kinds))`;

export type BoardRow = {
  serviceId: string;
  name: string;
  themenfeldId: string;
  themenfeld: string;
  lageId: string;
  lage: string;
  responsible: boolean;
  efaAvailable: boolean;
  efaProvidingLand: string | null;
  priority: string | null;
  maturityLevel: number | null;
  recordId: string | null;
  status: RolloutStatus;
  reuseRoute: string | null;
  plannedOnline: string | null;
  planningSince: string | null;
  implementingSince: string | null;
  onlineSince: string | null;
  fachverfahren: string | null;
  interfaceNeeded: boolean | null;
  contact: string | null;
  version: number;
  updatedAt: string | null;
  comments: number;
  /** "in Umsetzung" and the planned go-live has passed (the same rule as the Land's aggregates). */
  overdue: boolean;
};

/** A late go-live: in Umsetzung, planned go-live before today (Berlin). */
const OVERDUE = sql`(coalesce(r.status, 'not_started') = 'implementing'
  and r.planned_online < (now() at time zone 'Europe/Berlin')::date)`;

function boardWhere(kommune: KommuneRef, f: Omit<BoardInput, "page" | "pageSize" | "sort">) {
  const search = f.search?.trim();
  const parts = [sql`(${responsible(kommune.kind)} or r.id is not null)`];
  if (search) parts.push(sql`(s.name ilike ${`%${escapeLike(search)}%`} or s.id = ${search})`);
  if (f.themenfeldId) parts.push(sql`s.themenfeld_id = ${f.themenfeldId}`);
  if (f.lageId) parts.push(sql`s.lage_id = ${f.lageId}`);
  if (f.status) parts.push(sql`coalesce(r.status, 'not_started') = ${f.status}`);
  if (f.reuseRoute) parts.push(sql`r.reuse_route = ${f.reuseRoute}`);
  if (f.efaAvailable !== undefined) parts.push(sql`s.efa_available = ${f.efaAvailable}`);
  if (f.overdue) parts.push(OVERDUE);
  return sql.join(parts, sql` and `);
}

const STATUS_ORDER = sql`case coalesce(r.status, 'not_started') when 'online' then 1 when 'implementing' then 2 when 'planning' then 3 when 'not_started' then 4 else 5 end`;

function boardSelect(kommune: KommuneRef) {
  return sql`
    select s.id as "serviceId", s.name, s.themenfeld_id as "themenfeldId", tf.name as themenfeld,
           s.lage_id as "lageId", l.name as lage, ${responsible(kommune.kind)} as responsible,
           s.efa_available as "efaAvailable", s.efa_providing_land as "efaProvidingLand", s.priority,
           s.maturity_level as "maturityLevel",
           r.id as "recordId", coalesce(r.status, 'not_started') as status, r.reuse_route as "reuseRoute",
           r.planned_online::text as "plannedOnline", r.planning_since::text as "planningSince",
           r.implementing_since::text as "implementingSince", r.online_since::text as "onlineSince",
           r.fachverfahren, r.interface_needed as "interfaceNeeded", r.contact,
           coalesce(r.version, 0) as version, r.updated_at as "updatedAt", ${OVERDUE} as overdue,
           (select count(*)::int from rollout_comments c
             where c.kommune_tenant_id = ${kommune.id} and c.service_id = s.id) as comments
    from ozg_services s
    join ozg_themenfelder tf on tf.id = s.themenfeld_id
    join ozg_lagen l on l.id = s.lage_id
    left join rollout_records r on r.tenant_id = ${kommune.id} and r.service_id = s.id`;
}

/** The Kommune's rollout board: its responsible services (and any service it has a record for), paged. */
export async function listBoard(tx: TenantTx, kommune: KommuneRef, f: BoardInput) {
  const where = boardWhere(kommune, f);
  const order =
    f.sort === "status"
      ? sql`${STATUS_ORDER}, s.position`
      : f.sort === "plannedOnline"
        ? sql`r.planned_online nulls last, s.position`
        : f.sort === "updated"
          ? sql`r.updated_at desc nulls last, s.position`
          : sql`s.position, s.id`;
  const [items, [total]] = await Promise.all([
    tx.execute<BoardRow>(
      sql`${boardSelect(kommune)} where ${where} order by ${order} limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`,
    ),
    tx.execute<{ n: number }>(sql`
      select count(*)::int as n from ozg_services s
      left join rollout_records r on r.tenant_id = ${kommune.id} and r.service_id = s.id
      where ${where}`),
  ]);
  return { items: [...items], total: total?.n ?? 0, page: f.page, pageSize: f.pageSize };
}

/** Every board row for an export (no paging). */
export async function boardRowsForExport(
  tx: TenantTx,
  kommune: KommuneRef,
  f: Omit<BoardInput, "page" | "pageSize" | "sort">,
): Promise<BoardRow[]> {
  const rows = await tx.execute<BoardRow>(
    sql`${boardSelect(kommune)} where ${boardWhere(kommune, f)} order by s.position, s.id`,
  );
  return [...rows];
}

export type CommentRow = {
  id: string;
  body: string;
  authorName: string;
  authorRole: string;
  fromState: boolean;
  createdAt: Date;
};

export async function listComments(
  tx: TenantTx,
  kommuneId: string,
  serviceId: string,
): Promise<CommentRow[]> {
  const rows = await tx
    .select({
      id: rolloutComments.id,
      body: rolloutComments.body,
      authorName: rolloutComments.authorName,
      authorRole: rolloutComments.authorRole,
      fromState: sql<boolean>`${rolloutComments.tenantId} <> ${rolloutComments.kommuneTenantId}`,
      createdAt: rolloutComments.createdAt,
    })
    .from(rolloutComments)
    .where(and(eq(rolloutComments.kommuneTenantId, kommuneId), eq(rolloutComments.serviceId, serviceId)))
    .orderBy(asc(rolloutComments.createdAt));
  return rows;
}

/**
 * Serializes the record writes of one Kommune (single edits, bulk changes, the demo seed) for the rest of the
 * transaction: a bulk change then sees a stable selection, and two first edits of the same service cannot race.
 */
export async function lockKommuneRecords(tx: TenantTx, kommuneId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`rollout_records:${kommuneId}`}, 0))`);
}

async function lockRecord(tx: TenantTx, kommuneId: string, serviceId: string) {
  await lockKommuneRecords(tx, kommuneId);
  const [row] = await tx
    .select()
    .from(rolloutRecords)
    .where(and(eq(rolloutRecords.tenantId, kommuneId), eq(rolloutRecords.serviceId, serviceId)))
    .for("update");
  return row ?? null;
}

/** One record of the Kommune (or the virtual "nicht begonnen" one) with the service and comments. */
export async function getRecord(tx: TenantTx, kommune: KommuneRef, serviceId: string) {
  const rows = await tx.execute<BoardRow>(
    sql`${boardSelect(kommune)} where s.id = ${serviceId} and (${responsible(kommune.kind)} or r.id is not null)`,
  );
  const row = rows[0];
  if (!row) return null;
  const [record] = await tx
    .select()
    .from(rolloutRecords)
    .where(and(eq(rolloutRecords.tenantId, kommune.id), eq(rolloutRecords.serviceId, serviceId)));
  return {
    ...row,
    record: record ?? null,
    next: allowedNextStatuses(row.status),
    comments: await listComments(tx, kommune.id, serviceId),
  };
}

/** The changes of the Kommune's record of a service, newest first, paged (empty while there is no record yet). */
export async function recordHistory(
  tx: TenantTx,
  kommuneId: string,
  serviceId: string,
  page: { page: number; pageSize: number },
) {
  const [record] = await tx
    .select({ id: rolloutRecords.id })
    .from(rolloutRecords)
    .where(and(eq(rolloutRecords.tenantId, kommuneId), eq(rolloutRecords.serviceId, serviceId)));
  if (!record) return { items: [], total: 0, ...page };
  return listAudit(tx, { entityType: "rollout_record", entityId: record.id, ...page });
}

function datesOf(record: StepDates | null): StepDates {
  return {
    planningSince: record?.planningSince ?? null,
    implementingSince: record?.implementingSince ?? null,
    onlineSince: record?.onlineSince ?? null,
    notResponsibleSince: record?.notResponsibleSince ?? null,
  };
}

async function requireBoardService(tx: TenantTx, kommune: KommuneRef, serviceId: string) {
  const [service] = await tx
    .select({
      id: ozgServices.id,
      name: ozgServices.name,
      responsible: sql<boolean>`(${ozgServices.inCatalogue} and ${ozgServices.municipalExecution} and ${kommune.kind} = any(${ozgServices.responsibleKinds}))`,
    })
    .from(ozgServices)
    .where(eq(ozgServices.id, serviceId));
  return service ?? null;
}

/** Updates (or creates) the Kommune's record of one service; validates the transition and the step dates. */
export async function updateRecord(
  tx: TenantTx,
  kommune: KommuneRef,
  actor: Actor,
  input: RecordUpdateInput,
) {
  const service = await requireBoardService(tx, kommune, input.serviceId);
  const existing = await lockRecord(tx, kommune.id, input.serviceId);
  if (!service || (!service.responsible && !existing))
    throw new DomainError("NOT_FOUND", "Diese Leistung gehört nicht zu den Aufgaben Ihrer Kommune.");
  if ((existing?.version ?? 0) !== input.expectedVersion)
    throw new DomainError(
      "CONFLICT",
      "Der Eintrag wurde zwischenzeitlich geändert. Bitte laden Sie ihn neu und prüfen Sie die Änderungen.",
    );
  const from: RolloutStatus = existing?.status ?? "not_started";
  if (from !== input.status) {
    const check = checkStatusTransition(from, input.status, input.reason);
    if (!check.allowed)
      throw new DomainError("BAD_REQUEST", check.message, check.requiresReason ? "reason" : "status");
  }
  const today = berlinToday();
  const dates = applyStepDates(datesOf(existing), from, input.status, input.statusSince, today);
  const orderProblem = checkStepOrder(dates);
  if (orderProblem) throw new DomainError("BAD_REQUEST", orderProblem, "statusSince");

  const values = {
    status: input.status,
    statusReason: from !== input.status ? input.reason : (existing?.statusReason ?? null),
    ...dates,
    reuseRoute: input.reuseRoute,
    plannedOnline: input.plannedOnline,
    fachverfahren: input.fachverfahren,
    interfaceNeeded: input.interfaceNeeded,
    contact: input.contact,
    note: input.note,
    updatedBy: actor.label,
    updatedAt: new Date(),
  };
  let row: typeof rolloutRecords.$inferSelect;
  if (existing) {
    [row] = (await tx
      .update(rolloutRecords)
      .set({ ...values, version: existing.version + 1 })
      .where(and(eq(rolloutRecords.tenantId, kommune.id), eq(rolloutRecords.id, existing.id)))
      .returning()) as [typeof rolloutRecords.$inferSelect];
  } else {
    [row] = (await tx
      .insert(rolloutRecords)
      .values({ tenantId: kommune.id, serviceId: input.serviceId, ...values, version: 1 })
      .returning()) as [typeof rolloutRecords.$inferSelect];
  }
  await writeAudit(tx, kommune.id, actor, {
    action: existing ? "rollout.record_update" : "rollout.record_create",
    entityType: "rollout_record",
    entityId: row.id,
    before: existing ? auditView(existing) : null,
    after: auditView(row),
  });
  return row;
}

function auditView(r: typeof rolloutRecords.$inferSelect) {
  return {
    serviceId: r.serviceId,
    status: r.status,
    statusReason: r.statusReason,
    planningSince: r.planningSince,
    implementingSince: r.implementingSince,
    onlineSince: r.onlineSince,
    notResponsibleSince: r.notResponsibleSince,
    reuseRoute: r.reuseRoute,
    plannedOnline: r.plannedOnline,
    fachverfahren: r.fachverfahren,
    interfaceNeeded: r.interfaceNeeded,
    contact: r.contact,
    note: r.note,
    version: r.version,
  };
}

export type BulkItem = { serviceId: string; name: string; from: RolloutStatus; to: RolloutStatus };
export type BulkResult = {
  applied: boolean;
  changed: BulkItem[];
  /** Selected, but left as they are (already further along, or "nicht zuständig"), with the German reason. */
  skipped: (BulkItem & { reason: string })[];
};

/**
 * A bulk change of the Kommune's records ("alle Leistungen des Themenfelds X: in Planung, Weg EfA-Marktplatz").
 * Only forward steps: records already at or beyond the target keep their status (listed as skipped), "nicht zuständig"
 * is never touched. `dryRun` previews; a commit re-selects under lock and refuses (CONFLICT, nothing changed) when the
 * number of changes differs from the previewed `expectedCount`. One transaction: all or nothing.
 */
export async function bulkUpdateRecords(
  tx: TenantTx,
  kommune: KommuneRef,
  actor: Actor,
  input: BulkUpdateInput,
): Promise<BulkResult> {
  if (!input.dryRun) await lockKommuneRecords(tx, kommune.id);
  const parts = [responsible(kommune.kind)];
  if (input.themenfeldId) parts.push(sql`s.themenfeld_id = ${input.themenfeldId}`);
  if (input.lageId) parts.push(sql`s.lage_id = ${input.lageId}`);
  if (input.serviceIds?.length)
    parts.push(
      sql`s.id in (${sql.join(
        input.serviceIds.map((id) => sql`${id}`),
        sql`, `,
      )})`,
    );
  const selected = await tx.execute<{ serviceId: string; name: string; status: RolloutStatus }>(sql`
    select s.id as "serviceId", s.name, coalesce(r.status, 'not_started') as status
    from ozg_services s
    left join rollout_records r on r.tenant_id = ${kommune.id} and r.service_id = s.id
    where ${sql.join(parts, sql` and `)}
    order by s.position, s.id`);
  if (selected.length === 0 && (input.themenfeldId || input.lageId || input.serviceIds?.length)) {
    throw new DomainError(
      "BAD_REQUEST",
      "In dieser Auswahl gibt es keine Leistung, für die Ihre Kommune zuständig ist.",
      input.themenfeldId ? "themenfeldId" : input.lageId ? "lageId" : "serviceIds",
    );
  }
  const only = input.onlyStatuses?.length ? new Set(input.onlyStatuses) : null;
  const changed: BulkItem[] = [];
  const skipped: BulkResult["skipped"] = [];
  for (const s of selected) {
    if (only && !only.has(s.status)) continue;
    const to = input.status ?? s.status;
    const item = { serviceId: s.serviceId, name: s.name, from: s.status, to };
    if (s.status === "not_responsible") {
      skipped.push({ ...item, to: s.status, reason: "als »nicht zuständig« markiert – unverändert" });
      continue;
    }
    if (to !== s.status) {
      const check = checkStatusTransition(s.status, to, null);
      if (!check.allowed) {
        skipped.push({
          ...item,
          to: s.status,
          reason: `schon weiter (»${rolloutStatusLabels[s.status]}«) – unverändert`,
        });
        continue;
      }
    }
    changed.push(item);
  }
  if (input.dryRun) return { applied: false, changed, skipped };
  if (input.expectedCount !== undefined && input.expectedCount !== changed.length)
    throw new DomainError(
      "CONFLICT",
      `Die Auswahl hat sich geändert: jetzt ${changed.length} statt ${input.expectedCount} Leistungen. Bitte die Vorschau erneut prüfen.`,
    );
  if (changed.length === 0) return { applied: true, changed, skipped };

  const existing = await tx
    .select()
    .from(rolloutRecords)
    .where(
      and(
        eq(rolloutRecords.tenantId, kommune.id),
        inArray(
          rolloutRecords.serviceId,
          changed.map((c) => c.serviceId),
        ),
      ),
    )
    .for("update");
  const byService = new Map(existing.map((r) => [r.serviceId, r]));
  const today = berlinToday();
  const now = new Date();
  const rows = changed.map((c) => {
    const before = byService.get(c.serviceId) ?? null;
    const dates = applyStepDates(datesOf(before), c.from, c.to, input.statusSince ?? null, today);
    const problem = checkStepOrder(dates);
    if (problem) throw new DomainError("BAD_REQUEST", `${c.name}: ${problem}`, "statusSince");
    return {
      tenantId: kommune.id,
      serviceId: c.serviceId,
      status: c.to,
      statusReason: before?.statusReason ?? null,
      ...dates,
      reuseRoute: input.reuseRoute ?? before?.reuseRoute ?? null,
      plannedOnline: input.plannedOnline ?? before?.plannedOnline ?? null,
      fachverfahren: before?.fachverfahren ?? null,
      interfaceNeeded: before?.interfaceNeeded ?? null,
      contact: before?.contact ?? null,
      note: before?.note ?? null,
      version: (before?.version ?? 0) + 1,
      updatedBy: actor.label,
      updatedAt: now,
    };
  });
  const written = await tx
    .insert(rolloutRecords)
    .values(rows)
    .onConflictDoUpdate({
      target: [rolloutRecords.tenantId, rolloutRecords.serviceId],
      set: {
        status: sql`excluded.status`,
        planningSince: sql`excluded.planning_since`,
        implementingSince: sql`excluded.implementing_since`,
        onlineSince: sql`excluded.online_since`,
        notResponsibleSince: sql`excluded.not_responsible_since`,
        reuseRoute: sql`excluded.reuse_route`,
        plannedOnline: sql`excluded.planned_online`,
        version: sql`excluded.version`,
        updatedBy: sql`excluded.updated_by`,
        updatedAt: sql`excluded.updated_at`,
      },
    })
    .returning();
  for (const row of written) {
    const before = byService.get(row.serviceId);
    await writeAudit(tx, kommune.id, actor, {
      action: "rollout.record_bulk",
      entityType: "rollout_record",
      entityId: row.id,
      before: before ? auditView(before) : null,
      after: auditView(row),
    });
  }
  return { applied: true, changed, skipped };
}

/**
 * A comment on the rollout of a service in a Kommune. The row belongs to the author's tenant (`authorTenantId`):
 * the state PMO writes into the state tenant and names the Kommune, a Kommune replies in its own tenant.
 */
export async function addComment(
  tx: TenantTx,
  author: { tenantId: string; userId: string | null; name: string; role: string },
  actor: Actor,
  input: { kommuneId: string; serviceId: string; body: string },
) {
  const [row] = await tx
    .insert(rolloutComments)
    .values({
      tenantId: author.tenantId,
      kommuneTenantId: input.kommuneId,
      serviceId: input.serviceId,
      body: input.body,
      authorUserId: author.userId,
      authorName: author.name,
      authorRole: author.role,
    })
    .returning();
  await writeAudit(tx, author.tenantId, actor, {
    action: "rollout.comment",
    entityType: "rollout_comment",
    entityId: row!.id,
    after: { kommuneId: input.kommuneId, serviceId: input.serviceId, body: input.body },
  });
  return row!;
}

export async function serviceExists(tx: TenantTx, serviceId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: ozgServices.id })
    .from(ozgServices)
    .where(eq(ozgServices.id, serviceId));
  return !!row;
}

export async function kommuneById(tx: TenantTx, id: string) {
  const [row] = await tx
    .select({
      id: tenants.id,
      name: tenants.name,
      kind: tenants.kind,
      kreisAgs: tenants.kreisAgs,
      kreisName: tenants.kreisName,
    })
    .from(tenants)
    .where(eq(tenants.id, id));
  return row && row.kind !== "state" ? { ...row, kind: row.kind as KommuneKind } : null;
}

export type LandStats = {
  overall: { kommunen: number; relevant: number; online: number; byStatus: Record<RolloutStatus, number> };
  kinds: Record<KommuneKind, { kommunen: number; relevant: number; online: number }>;
  /** Per service id: [relevant Kommunen, Kommunen online]. */
  services: Record<string, [number, number]>;
};

export async function readLandStats(tx: TenantTx) {
  const [row] = await tx.select().from(rolloutLandStats).where(eq(rolloutLandStats.id, "land"));
  return row ? { stats: row.stats as LandStats, computedAt: row.computedAt } : null;
}

/** The minimum size of a peer group whose average a Kommune may see (DESIGN.md §2: k = 5). */
export const PEER_GROUP_MIN = 5;

/** The Kommune's own progress, the Land average (aggregates only) and the offered EfA services it has not started. */
export async function kommuneSummary(tx: TenantTx, kommune: KommuneRef) {
  const [own] = await tx.execute<Record<RolloutStatus, number> & { total: number }>(sql`
    select count(*)::int as total,
      count(*) filter (where coalesce(r.status, 'not_started') = 'not_started')::int as not_started,
      count(*) filter (where r.status = 'planning')::int as planning,
      count(*) filter (where r.status = 'implementing')::int as implementing,
      count(*) filter (where r.status = 'online')::int as online,
      count(*) filter (where r.status = 'not_responsible')::int as not_responsible
    from ozg_services s
    left join rollout_records r on r.tenant_id = ${kommune.id} and r.service_id = s.id
    where ${responsible(kommune.kind)}`);
  const land = await readLandStats(tx);
  const efaOpen = await tx.execute<{
    serviceId: string;
    name: string;
    themenfeld: string;
    efaProvidingLand: string | null;
    efaSince: string | null;
    priority: string | null;
  }>(sql`
    select s.id as "serviceId", s.name, tf.name as themenfeld, s.efa_providing_land as "efaProvidingLand",
           s.efa_since::text as "efaSince", s.priority
    from ozg_services s
    join ozg_themenfelder tf on tf.id = s.themenfeld_id
    left join rollout_records r on r.tenant_id = ${kommune.id} and r.service_id = s.id
    where ${responsible(kommune.kind)} and s.efa_available and coalesce(r.status, 'not_started') = 'not_started'
    order by (s.priority = 'ozg_booster') desc nulls last, s.position`);
  // The Kommune's own go-lives per month (its pace, for its forecast).
  const goLives = await tx.execute<{ month: string; count: number }>(sql`
    select to_char(r.online_since, 'YYYY-MM') as month, count(*)::int as count
    from rollout_records r join ozg_services s on s.id = r.service_id
    where r.tenant_id = ${kommune.id} and r.status = 'online' and r.online_since is not null and ${responsible(kommune.kind)}
    group by 1 order by 1`);
  const counts = own ?? {
    total: 0,
    not_started: 0,
    planning: 0,
    implementing: 0,
    online: 0,
    not_responsible: 0,
  };
  const relevant = counts.total - counts.not_responsible;
  const peer = land?.stats.kinds[kommune.kind];
  const share = (online: number, rel: number) => (rel > 0 ? online / rel : null);
  return {
    own: { ...counts, relevant, share: share(counts.online, relevant) },
    goLives: [...goLives],
    land: land
      ? {
          computedAt: land.computedAt,
          share: share(land.stats.overall.online, land.stats.overall.relevant),
          kommunen: land.stats.overall.kommunen,
          /** Peer group (same kind) only when it has at least PEER_GROUP_MIN Kommunen. */
          peer:
            peer && peer.kommunen >= PEER_GROUP_MIN
              ? { kind: kommune.kind, kommunen: peer.kommunen, share: share(peer.online, peer.relevant) }
              : null,
        }
      : null,
    efaNotStarted: [...efaOpen].map((s) => {
      const [rel, online] = land?.stats.services[s.serviceId] ?? [0, 0];
      return { ...s, landRelevant: rel, landOnline: online };
    }),
  };
}
