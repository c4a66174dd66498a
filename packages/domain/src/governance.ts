// IT-Governance of a Kommune (issue 17, docs/adr/0015-it-governance.md): its Gremien with members and meetings, the
// Beschlüsse taken there, the published RACI matrix and the named processes with their reviews. Code lists, German
// labels, the rules (when evidence counts for a maturity criterion, when a review is due) and the input schemas.
import { z } from "zod";
import { isoDate } from "./dates.ts";
import { evidenceUrl } from "./maturity.ts";

const text = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, `${what} darf höchstens ${max.toLocaleString("de-DE")} Zeichen lang sein.`)
    .default("");

const name = (what: string, max = 200) =>
  z
    .string(`Bitte ${what} eingeben.`)
    .trim()
    .min(2, `Bitte ${what} mit mindestens 2 Zeichen eingeben.`)
    .max(max, `${what[0]!.toUpperCase()}${what.slice(1)} darf höchstens ${max} Zeichen lang sein.`);

/** Criterion keys of the Kommune's model version that an artefact evidences (checked against the model). */
const criterionKeys = z
  .array(z.string().trim().min(1).max(200), "Bitte Kriterien aus der Liste wählen.")
  .max(50, "Bitte höchstens 50 Kriterien wählen.")
  .default([])
  .transform((keys) => [...new Set(keys)]);

// ---- Gremien -------------------------------------------------------------------------------------------------------

export const MEETING_RHYTHMS = [
  "weekly",
  "biweekly",
  "monthly",
  "quarterly",
  "half_yearly",
  "yearly",
  "as_needed",
] as const;
export type MeetingRhythm = (typeof MEETING_RHYTHMS)[number];
export const MEETING_RHYTHM_LABELS: Readonly<Record<MeetingRhythm, string>> = {
  weekly: "wöchentlich",
  biweekly: "alle zwei Wochen",
  monthly: "monatlich",
  quarterly: "vierteljährlich",
  half_yearly: "halbjährlich",
  yearly: "jährlich",
  as_needed: "nach Bedarf",
};

/** What a member does in a Gremium; exactly one chair at most (checked by the database). */
export const MEMBER_FUNCTIONS = ["chair", "deputy", "member", "guest"] as const;
export type MemberFunction = (typeof MEMBER_FUNCTIONS)[number];
export const MEMBER_FUNCTION_LABELS: Readonly<Record<MemberFunction, string>> = {
  chair: "Vorsitz",
  deputy: "Stellvertretung",
  member: "Mitglied",
  guest: "ständiger Gast",
};

export const memberInput = z.object({
  /** A user of the Kommune, or null for a named external person. */
  userId: z
    .uuid("Bitte eine Person aus der Liste wählen.")
    .nullish()
    .transform((v) => v ?? null),
  name: text(200, "Der Name"),
  organisation: text(200, "Die Organisation"),
  function: z.enum(MEMBER_FUNCTIONS, "Bitte eine Funktion wählen.").default("member"),
});

export const bodyFields = z.object({
  name: name("den Namen des Gremiums"),
  purpose: text(4000, "Der Zweck"),
  rhythm: z.enum(MEETING_RHYTHMS, "Bitte einen Sitzungsrhythmus wählen.").default("as_needed"),
  members: z
    .array(memberInput)
    .max(100, "Ein Gremium hat höchstens 100 Mitglieder.")
    .default([])
    .superRefine((members, ctx) => {
      members.forEach((m, i) => {
        if (!m.userId && m.name.length < 2)
          ctx.addIssue({
            code: "custom",
            path: [i, "name"],
            message: "Bitte eine Person wählen oder einen Namen eingeben.",
          });
      });
      if (members.filter((m) => m.function === "chair").length > 1)
        ctx.addIssue({ code: "custom", message: "Ein Gremium hat höchstens einen Vorsitz." });
    }),
});
export const bodyCreateInput = bodyFields;
export const bodyUpdateInput = bodyFields.extend({ id: z.uuid() });

export const meetingInput = z.object({
  bodyId: z.uuid(),
  heldOn: isoDate,
  agenda: text(8000, "Die Tagesordnung"),
  minutesUrl: evidenceUrl,
});

// ---- Beschlüsse ----------------------------------------------------------------------------------------------------

/** A Beschluss is taken (adopted), refused, put off, or later revoked (aufgehoben, which ends its effect). */
export const DECISION_STATUSES = ["adopted", "rejected", "deferred", "revoked"] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];
export const DECISION_STATUS_LABELS: Readonly<Record<DecisionStatus, string>> = {
  adopted: "beschlossen",
  rejected: "abgelehnt",
  deferred: "vertagt",
  revoked: "aufgehoben",
};

/** What a Beschluss decides about: one of the Kommune's measures, projects or approved strategy versions. */
export const DECISION_LINK_KINDS = ["measure", "project", "strategy_version"] as const;
export type DecisionLinkKind = (typeof DECISION_LINK_KINDS)[number];
export const DECISION_LINK_KIND_LABELS: Readonly<Record<DecisionLinkKind, string>> = {
  measure: "Maßnahme",
  project: "Projekt",
  strategy_version: "Strategie (Fassung)",
};

export const decisionLink = z.object({
  kind: z.enum(DECISION_LINK_KINDS, "Bitte die Art der Verknüpfung wählen."),
  id: z.uuid("Bitte einen Eintrag aus der Liste wählen."),
});

export const decisionInput = z.object({
  meetingId: z.uuid(),
  number: name("die Beschlussnummer", 60),
  title: name("den Gegenstand des Beschlusses"),
  text: text(8000, "Der Beschlusstext"),
  /** A Beschluss is recorded as taken, refused or put off; revoking it later is a change of status. */
  status: z.enum(["adopted", "rejected", "deferred"], "Bitte einen Status wählen.").default("adopted"),
  criterionKeys,
  links: z.array(decisionLink).max(50, "Bitte höchstens 50 Verknüpfungen angeben.").default([]),
});

export const decisionStatusInput = z
  .object({
    id: z.uuid(),
    status: z.enum(DECISION_STATUSES, "Bitte einen Status wählen."),
    /** Required when the Beschluss is revoked: from this day on it no longer counts. */
    revokedOn: isoDate.nullish().transform((v) => v ?? null),
  })
  .superRefine((v, ctx) => {
    if (v.status === "revoked" && !v.revokedOn)
      ctx.addIssue({
        code: "custom",
        path: ["revokedOn"],
        message: "Bitte angeben, seit wann der Beschluss aufgehoben ist.",
      });
  });

// ---- RACI ----------------------------------------------------------------------------------------------------------

export const RACI_CODES = ["R", "A", "C", "I"] as const;
export type RaciCode = (typeof RACI_CODES)[number];
export const RACI_CODE_LABELS: Readonly<Record<RaciCode, string>> = {
  R: "durchführungsverantwortlich (R)",
  A: "entscheidet, rechenschaftspflichtig (A)",
  C: "wird beteiligt (C)",
  I: "wird informiert (I)",
};

/**
 * A RACI matrix: decision areas (rows) × parties (columns: roles or Gremien), each cell one of R, A, C, I or empty.
 * Every row has exactly one A – the rule of the method, checked before publishing.
 */
export const raciMatrix = z
  .object({
    areas: z
      .array(name("den Entscheidungsbereich"))
      .min(1, "Bitte mindestens einen Entscheidungsbereich angeben.")
      .max(60, "Höchstens 60 Entscheidungsbereiche."),
    parties: z
      .array(name("die Rolle oder das Gremium"))
      .min(1, "Bitte mindestens eine Rolle oder ein Gremium angeben.")
      .max(20, "Höchstens 20 Rollen oder Gremien."),
    cells: z.array(z.array(z.enum([...RACI_CODES, ""], "Bitte R, A, C, I oder nichts wählen."))),
  })
  .superRefine((m, ctx) => {
    const dupes = (list: string[]) => list.find((x, i) => list.indexOf(x) !== i);
    const areaDupe = dupes(m.areas);
    if (areaDupe)
      ctx.addIssue({ code: "custom", path: ["areas"], message: `„${areaDupe}“ steht zweimal da.` });
    const partyDupe = dupes(m.parties);
    if (partyDupe)
      ctx.addIssue({ code: "custom", path: ["parties"], message: `„${partyDupe}“ steht zweimal da.` });
    if (m.cells.length !== m.areas.length || m.cells.some((row) => row.length !== m.parties.length))
      ctx.addIssue({ code: "custom", path: ["cells"], message: "Die Matrix ist unvollständig." });
  });
export type RaciMatrix = z.infer<typeof raciMatrix>;

export const raciDraftInput = z.object({
  matrix: raciMatrix,
  criterionKeys,
  /** The Beschluss that adopts this matrix, if any. */
  decisionId: z
    .uuid("Bitte einen Beschluss aus der Liste wählen.")
    .nullish()
    .transform((v) => v ?? null),
});

/** The areas without exactly one A: a matrix with any of them cannot be published. */
export function raciProblems(m: RaciMatrix): string[] {
  return m.areas.flatMap((area, i) => {
    const a = (m.cells[i] ?? []).filter((c) => c === "A").length;
    return a === 1
      ? []
      : [`„${area}“: ${a === 0 ? "niemand entscheidet (kein A)" : `${a}-mal A – genau eines ist nötig`}.`];
  });
}

// ---- Prozesse ------------------------------------------------------------------------------------------------------

export const processFields = z.object({
  name: name("den Namen des Prozesses"),
  ownerName: text(200, "Der Name der Prozessverantwortlichen"),
  description: text(8000, "Die Beschreibung"),
  documentUrl: evidenceUrl,
  reviewEveryMonths: z
    .number("Bitte angeben, alle wie viele Monate der Prozess überprüft wird.")
    .int("Bitte ganze Monate angeben.")
    .min(1, "Bitte zwischen 1 und 60 Monaten angeben.")
    .max(60, "Bitte zwischen 1 und 60 Monaten angeben.")
    .default(12),
  criterionKeys,
});
export const processUpdateInput = processFields.extend({ id: z.uuid() });

export const processReviewInput = z.object({
  processId: z.uuid(),
  reviewedOn: isoDate,
  note: text(4000, "Die Notiz"),
});

/** Kinds of governance evidence the maturity engine counts, with how they are named on the dashboard. */
export const GOVERNANCE_EVIDENCE_KINDS = ["decision", "raci", "process_review"] as const;
export type GovernanceEvidenceKind = (typeof GOVERNANCE_EVIDENCE_KINDS)[number];
