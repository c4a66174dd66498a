// Cross-tenant cases for the portfolio procedures: Kommune A uses Kommune B's real ids (projects, milestones, org
// units, saved filters, rounds, proposals) and B's private texts, and must neither read, change nor learn of them.
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { ApiSession, type CallResult } from "../src/api-client.ts";
import { type FixtureTenant, sessionCookie } from "../src/fixtures.ts";
import { base64, downloadPortfolio, SIMPLE_MAPPING } from "../src/portfolio.ts";
import type { TestApp } from "../src/server.ts";

export type PortfolioSecrets = {
  projectId: string;
  projectName: string;
  leadName: string;
  milestoneId: string;
  milestoneTitle: string;
  gbId: string;
  gbCode: string;
  rId: string;
  unitName: string;
  filterId: string;
  filterName: string;
  roundId: string;
  roundTitle: string;
  roundYear: number;
  proposalId: string;
  proposalName: string;
  assessedProposalId: string;
  riskId: string;
  riskTitle: string;
  reportSummary: string;
  capacityId: string;
  capacityName: string;
};

/** B's portfolio, created through B's own API like a real PMO would. */
export async function setUpPortfolioB(t: TestApp, b: FixtureTenant): Promise<PortfolioSecrets> {
  const tag = randomUUID().slice(0, 8);
  const pmo = new ApiSession(t, await sessionCookie(t.client.db, b.id, b.users.coordinator!.id));
  const lead = new ApiSession(t, await sessionCookie(t.client.db, b.id, b.users.project_lead!.id));
  const projectName = `Geheimprojekt Bernburg ${tag}`;
  const leadName = `Berta Geheim ${tag}`;
  const unitName = `Geheimer Fachbereich ${tag}`;
  const gbCode = `BG${tag.slice(0, 4)}`;
  const gb = await pmo.must<{ id: string }>("orgUnits.create", {
    code: gbCode,
    name: `Geheimer Bereich ${tag}`,
    kind: "gb",
    parentId: null,
  });
  const r = await pmo.must<{ id: string }>("orgUnits.create", {
    code: "77",
    name: unitName,
    kind: "r",
    parentId: gb.id,
  });
  const project = await pmo.must<{ id: string }>("portfolio.create", {
    gbId: gb.id,
    rId: r.id,
    name: projectName,
    description: `Vertrauliche Beschreibung ${tag}`,
    start: "2024-02-01",
    end: "2024-11-30",
    status: "in_progress",
    leadName,
    budget: "987.654,32",
  });
  const milestoneTitle = `Geheimer Meilenstein ${tag}`;
  const milestone = await pmo.must<{ id: string }>("portfolio.addMilestone", {
    projectId: project.id,
    title: milestoneTitle,
    dueDate: "2024-05-31",
  });
  await pmo.must("portfolio.setStandard", { projectId: project.id, standard: "charter", followed: true });
  const filterName = `Geheimfilter ${tag}`;
  const filter = await pmo.must<{ id: string }>("portfolio.saveFilter", {
    name: filterName,
    filter: { search: "Bernburg" },
  });
  const roundYear = 2087;
  const roundTitle = `Geheime Anmelderunde ${tag}`;
  const round = await pmo.must<{ id: string }>("registration.openRound", {
    year: roundYear,
    title: roundTitle,
  });
  const proposalName = `Geheimer Vorschlag ${tag}`;
  const proposal = await lead.must<{ id: string }>("registration.submitProposal", {
    roundId: round.id,
    gbId: gb.id,
    rId: r.id,
    name: proposalName,
    start: "2087-01-01",
    end: "2087-12-31",
  });
  const assessed = await lead.must<{ id: string }>("registration.submitProposal", {
    roundId: round.id,
    gbId: gb.id,
    rId: r.id,
    name: `${proposalName} (bewertet)`,
    start: "2087-01-01",
    end: "2087-12-31",
  });
  await pmo.must("registration.scoreProposal", {
    id: assessed.id,
    scores: { strategicFit: 5, urgency: 5, dependencies: 5, cost: 5 },
  });
  const riskTitle = `Geheimes Risiko ${tag}`;
  const risk = await pmo.must<{ id: string }>("steering.addRisk", {
    projectId: project.id,
    title: riskTitle,
    probability: 5,
    impact: 4,
  });
  const capacityName = `Geheimes Team ${tag}`;
  const capacity = await pmo.must<{ id: string }>("capacity.create", {
    gbId: gb.id,
    year: 2024,
    kind: "internal",
    name: capacityName,
    personDays: "4.321",
  });
  const reportSummary = `Geheimer Statusbericht ${tag}`;
  await pmo.must("steering.addStatusReport", {
    projectId: project.id,
    reportedOn: "2024-06-30",
    schedule: "red",
    cost: "green",
    quality: "green",
    resources: "yellow",
    summary: reportSummary,
  });
  return {
    projectId: project.id,
    projectName,
    leadName,
    milestoneId: milestone.id,
    milestoneTitle,
    gbId: gb.id,
    gbCode,
    rId: r.id,
    unitName,
    filterId: filter.id,
    filterName,
    roundId: round.id,
    roundTitle,
    roundYear,
    proposalId: proposal.id,
    proposalName,
    assessedProposalId: assessed.id,
    riskId: risk.id,
    riskTitle,
    reportSummary,
    capacityId: capacity.id,
    capacityName,
  };
}

export function portfolioCanaries(s: PortfolioSecrets): string[] {
  return [
    s.projectId,
    s.projectName,
    s.leadName,
    s.milestoneId,
    s.milestoneTitle,
    s.gbId,
    s.rId,
    s.unitName,
    s.filterId,
    s.filterName,
    s.roundId,
    s.roundTitle,
    s.proposalId,
    s.proposalName,
    s.assessedProposalId,
    s.riskId,
    s.riskTitle,
    s.reportSummary,
    s.capacityId,
    s.capacityName,
  ];
}

type Ctx = {
  t: () => TestApp;
  a: () => FixtureTenant;
  b: () => FixtureTenant;
  secrets: () => PortfolioSecrets;
  as: (tenant: FixtureTenant, role: string) => Promise<ApiSession>;
  expectNoLeak: (...results: (CallResult | string)[]) => void;
  dropCanary: (canary: string) => void;
  /** B's data of other modules that hangs on B's portfolio (e.g. the measures B's project delivers). */
  othersIntact?: () => Promise<void>;
};

export function portfolioCases(c: Ctx): Record<string, () => Promise<void>> {
  const pmoA = () => c.as(c.a(), "coordinator");
  const notFound = (r: CallResult) => {
    expect(r).toMatchObject({ ok: false, code: "NOT_FOUND" });
    c.expectNoLeak(r);
  };

  /** B's status reports and risks are exactly as B left them. */
  async function bSteeringIntact() {
    const s = c.secrets();
    const pmoB = await c.as(c.b(), "coordinator");
    const reports = await pmoB.must<{ reports: { summary: string }[] }>("steering.statusReports", {
      projectId: s.projectId,
    });
    expect(reports.reports.map((r) => r.summary)).toEqual([s.reportSummary]);
    const risks = await pmoB.must<{ id: string; title: string; probability: number; status: string }[]>(
      "steering.risks",
      { projectId: s.projectId },
    );
    expect(risks).toEqual([
      expect.objectContaining({ id: s.riskId, title: s.riskTitle, probability: 5, status: "open" }),
    ]);
  }

  /** B's capacity entry is exactly as B made it, and B's overview counts it. */
  async function bCapacityIntact() {
    const s = c.secrets();
    const pmoB = await c.as(c.b(), "coordinator");
    const sources = await pmoB.must<{ id: string; name: string; personDays: number }[]>("capacity.sources", {
      year: 2024,
    });
    expect(sources).toEqual([
      expect.objectContaining({ id: s.capacityId, name: s.capacityName, personDays: 4321 }),
    ]);
    const overview = await pmoB.must<{ total: { internalDays: number } }>("capacity.overview", {
      year: 2024,
    });
    expect(overview.total.internalDays).toBe(4321);
  }

  /** B's portfolio is exactly as B left it. */
  async function bIntact() {
    const s = c.secrets();
    const pmoB = await c.as(c.b(), "coordinator");
    const project = await pmoB.must<{
      name: string;
      status: string;
      milestones: { id: string; done: boolean; title: string }[];
      standards: { standard: string }[];
    }>("portfolio.get", { id: s.projectId });
    expect(project).toMatchObject({ name: s.projectName, status: "in_progress" });
    expect(project.milestones).toEqual([
      expect.objectContaining({ id: s.milestoneId, title: s.milestoneTitle, done: false }),
    ]);
    expect(project.standards.map((x) => x.standard)).toEqual(["charter"]);
    const units = await pmoB.must<{ id: string; name: string }[]>("orgUnits.list");
    expect(units.map((u) => u.id)).toEqual(expect.arrayContaining([s.gbId, s.rId]));
    const filters = await pmoB.must<{ id: string }[]>("portfolio.savedFilters");
    expect(filters.map((f) => f.id)).toEqual([s.filterId]);
    const round = await pmoB.must<{
      status: string;
      title: string;
      proposals: { id: string; status: string; name: string }[];
    }>("registration.round", { id: s.roundId });
    expect(round).toMatchObject({ status: "open", title: s.roundTitle });
    expect(Object.fromEntries(round.proposals.map((p) => [p.id, [p.status, p.name]]))).toEqual({
      [s.proposalId]: ["submitted", s.proposalName],
      [s.assessedProposalId]: ["assessed", `${s.proposalName} (bewertet)`],
    });
    await c.othersIntact?.();
  }

  return {
    "orgUnits.list": async () => {
      const r = await (await c.as(c.a(), "viewer")).call("orgUnits.list");
      expect(r.ok).toBe(true);
      c.expectNoLeak(r);
    },
    "orgUnits.create": async () => {
      // An R below B's GB: B's GB does not exist for A.
      const r = await (await pmoA()).call("orgUnits.create", {
        code: "99",
        name: "Untergeschoben",
        kind: "r",
        parentId: c.secrets().gbId,
      });
      notFound(r);
      await bIntact();
    },
    "orgUnits.update": async () => {
      notFound(
        await (await pmoA()).call("orgUnits.update", { id: c.secrets().rId, code: "77", name: "Gekapert" }),
      );
      await bIntact();
    },
    "orgUnits.remove": async () => {
      notFound(await (await pmoA()).call("orgUnits.remove", { id: c.secrets().rId }));
      await bIntact();
    },
    "portfolio.list": async () => {
      const s = await c.as(c.a(), "viewer");
      const all = await s.call("portfolio.list", { page: 1, pageSize: 200 });
      const bySearch = await s.call("portfolio.list", { filter: { search: c.secrets().projectName } });
      const byUnit = await s.call("portfolio.list", {
        filter: { gbId: c.secrets().gbId, lead: c.secrets().leadName },
      });
      expect(bySearch).toMatchObject({ ok: true, data: { total: 0 } });
      expect(byUnit).toMatchObject({ ok: true, data: { total: 0 } });
      c.expectNoLeak(all, bySearch, byUnit);
    },
    "portfolio.filterOptions": async () => {
      const r = await (await c.as(c.a(), "viewer")).call("portfolio.filterOptions");
      expect(r.ok).toBe(true);
      c.expectNoLeak(r);
    },
    "portfolio.get": async () => {
      notFound(await (await c.as(c.a(), "leadership")).call("portfolio.get", { id: c.secrets().projectId }));
    },
    "portfolio.history": async () => {
      notFound(
        await (await c.as(c.a(), "leadership")).call("portfolio.history", {
          id: c.secrets().projectId,
          page: 1,
          pageSize: 10,
        }),
      );
    },
    "portfolio.dashboard": async () => {
      const s = await c.as(c.a(), "viewer");
      const all = await s.call("portfolio.dashboard", { filter: {} });
      const byUnit = await s.call("portfolio.dashboard", { filter: { gbId: c.secrets().gbId } });
      expect(byUnit).toMatchObject({ ok: true, data: { total: 0, budgetCents: 0 } });
      c.expectNoLeak(all, byUnit);
    },
    "portfolio.timeline": async () => {
      const r = await (await c.as(c.a(), "viewer")).call("portfolio.timeline", {
        from: "2024-01-01",
        to: "2024-12-31",
        filter: { search: "Geheim" },
      });
      expect(r).toMatchObject({ ok: true, data: { total: 0 } });
      c.expectNoLeak(r);
    },
    "portfolio.export": async () => {
      const r = await (await c.as(c.a(), "viewer")).call("portfolio.export", { format: "csv" });
      expect(r.ok).toBe(true);
      const csv = Buffer.from(
        (r as { data: { contentBase64: string } }).data.contentBase64,
        "base64",
      ).toString();
      // The download route runs the same procedure in the session's tenant.
      const cookie = await sessionCookie(c.t().client.db, c.a().id, c.a().users.viewer!.id);
      const route = await downloadPortfolio(c.t(), cookie, "format=csv");
      expect(route.status).toBe(200);
      c.expectNoLeak(r, csv, await route.text());
    },
    "portfolio.create": async () => {
      const r = await (await pmoA()).call("portfolio.create", {
        gbId: c.secrets().gbId,
        rId: c.secrets().rId,
        name: "Projekt in fremder Einheit",
        start: "2024-01-01",
        end: "2024-12-31",
        status: "approved",
      });
      expect(r).toMatchObject({ ok: false, code: "BAD_REQUEST" });
      c.expectNoLeak(r);
      await bIntact();
    },
    "portfolio.update": async () => {
      const s = c.secrets();
      notFound(
        await (await pmoA()).call("portfolio.update", {
          id: s.projectId,
          gbId: s.gbId,
          rId: s.rId,
          name: "Gekapert",
          start: "2024-01-01",
          end: "2024-12-31",
          status: "stopped",
        }),
      );
      await bIntact();
    },
    "portfolio.complete": async () => {
      // Also with the flag: B's project and the measures it delivers stay untouched.
      notFound(
        await (await pmoA()).call("portfolio.complete", {
          id: c.secrets().projectId,
          completeLinkedMeasures: true,
        }),
      );
      await bIntact();
    },
    "portfolio.remove": async () => {
      notFound(await (await pmoA()).call("portfolio.remove", { id: c.secrets().projectId }));
      await bIntact();
    },
    "steering.statusReports": async () => {
      notFound(await (await pmoA()).call("steering.statusReports", { projectId: c.secrets().projectId }));
    },
    "steering.addStatusReport": async () => {
      notFound(
        await (await pmoA()).call("steering.addStatusReport", {
          projectId: c.secrets().projectId,
          reportedOn: "2024-07-31",
          schedule: "green",
          cost: "green",
          quality: "green",
          resources: "green",
          summary: "Eingeschleust",
        }),
      );
      await bSteeringIntact();
    },
    "steering.setReportRhythm": async () => {
      notFound(
        await (await pmoA()).call("steering.setReportRhythm", { projectId: c.secrets().projectId, weeks: 1 }),
      );
      const pmoB = await c.as(c.b(), "coordinator");
      const reports = await pmoB.must<{ everyWeeks: number; rhythmSet: boolean }>("steering.statusReports", {
        projectId: c.secrets().projectId,
      });
      expect(reports).toMatchObject({ everyWeeks: 4, rhythmSet: false });
    },
    "steering.risks": async () => {
      notFound(await (await pmoA()).call("steering.risks", { projectId: c.secrets().projectId }));
    },
    "steering.addRisk": async () => {
      notFound(
        await (await pmoA()).call("steering.addRisk", {
          projectId: c.secrets().projectId,
          title: "Eingeschleust",
          probability: 1,
          impact: 1,
        }),
      );
      await bSteeringIntact();
    },
    "steering.updateRisk": async () => {
      notFound(
        await (await pmoA()).call("steering.updateRisk", {
          id: c.secrets().riskId,
          title: "Entschärft",
          probability: 1,
          impact: 1,
          status: "closed",
        }),
      );
      await bSteeringIntact();
    },
    "steering.chooseMethod": async () => {
      const answers = {
        requirements: true,
        feedback: false,
        fixedScope: true,
        increments: false,
        novelty: false,
      };
      notFound(
        await (await pmoA()).call("steering.chooseMethod", {
          projectId: c.secrets().projectId,
          answers,
          method: "classic",
        }),
      );
      const project = await (await c.as(c.b(), "coordinator")).must<{ method: string | null }>(
        "portfolio.get",
        {
          id: c.secrets().projectId,
        },
      );
      expect(project.method).toBeNull();
    },
    "capacity.overview": async () => {
      const viewer = await c.as(c.a(), "viewer");
      const own = await viewer.call("capacity.overview", { year: 2024 });
      expect(own).toMatchObject({ ok: true });
      c.expectNoLeak(own);
      // B's round id only filters: A's overview stays A's.
      c.expectNoLeak(await viewer.call("capacity.overview", { year: 2087, roundId: c.secrets().roundId }));
    },
    "capacity.sources": async () => {
      c.expectNoLeak(await (await c.as(c.a(), "viewer")).call("capacity.sources", { year: 2024 }));
    },
    "capacity.create": async () => {
      const r = await (await pmoA()).call("capacity.create", {
        gbId: c.secrets().gbId,
        year: 2024,
        kind: "internal",
        name: "Fremder Bereich",
        personDays: "10",
      });
      expect(r).toMatchObject({ ok: false, code: "BAD_REQUEST" });
      c.expectNoLeak(r);
      await bCapacityIntact();
    },
    "capacity.update": async () => {
      notFound(
        await (await pmoA()).call("capacity.update", {
          id: c.secrets().capacityId,
          year: 2024,
          kind: "internal",
          name: "Übernommen",
          personDays: "1",
        }),
      );
      await bCapacityIntact();
    },
    "capacity.remove": async () => {
      notFound(await (await pmoA()).call("capacity.remove", { id: c.secrets().capacityId }));
      await bCapacityIntact();
    },
    "steering.criticalRisks": async () => {
      // B's critical risk is on B's leadership's start page, never on A's.
      const a = await (await c.as(c.a(), "leadership")).call("steering.criticalRisks");
      expect(a.ok).toBe(true);
      c.expectNoLeak(a);
      const b = await (await c.as(c.b(), "leadership")).must<{ id: string }[]>("steering.criticalRisks");
      expect(b.map((r) => r.id)).toContain(c.secrets().riskId);
    },
    "portfolio.addMilestone": async () => {
      notFound(
        await (await pmoA()).call("portfolio.addMilestone", {
          projectId: c.secrets().projectId,
          title: "Eingeschleust",
          dueDate: "2024-01-01",
        }),
      );
      await bIntact();
    },
    "portfolio.updateMilestone": async () => {
      notFound(
        await (await pmoA()).call("portfolio.updateMilestone", {
          id: c.secrets().milestoneId,
          title: "Erledigt?",
          dueDate: "2024-01-01",
          done: true,
        }),
      );
      await bIntact();
    },
    "portfolio.removeMilestone": async () => {
      notFound(await (await pmoA()).call("portfolio.removeMilestone", { id: c.secrets().milestoneId }));
      await bIntact();
    },
    "portfolio.setStandard": async () => {
      notFound(
        await (await pmoA()).call("portfolio.setStandard", {
          projectId: c.secrets().projectId,
          standard: "charter",
          followed: false,
        }),
      );
      await bIntact();
    },
    "portfolio.savedFilters": async () => {
      const r = await (await c.as(c.a(), "coordinator")).call("portfolio.savedFilters");
      expect(r.ok).toBe(true);
      c.expectNoLeak(r);
    },
    "portfolio.saveFilter": async () => {
      // The same name as B's filter: saved as A's own, B's stays.
      const r = await (await pmoA()).call("portfolio.saveFilter", { name: "Geheimfilter", filter: {} });
      expect(r.ok).toBe(true);
      c.expectNoLeak(r);
      await bIntact();
    },
    "portfolio.deleteFilter": async () => {
      notFound(await (await pmoA()).call("portfolio.deleteFilter", { id: c.secrets().filterId }));
      await bIntact();
    },
    "registration.rounds": async () => {
      const r = await (await c.as(c.a(), "viewer")).call("registration.rounds");
      expect(r.ok).toBe(true);
      c.expectNoLeak(r);
    },
    "registration.round": async () => {
      notFound(await (await c.as(c.a(), "viewer")).call("registration.round", { id: c.secrets().roundId }));
    },
    "registration.openRound": async () => {
      // B already has a round for this year; A must not learn that (no conflict), and gets its own.
      const r = await (await pmoA()).call("registration.openRound", {
        year: c.secrets().roundYear,
        title: "Anmeldung A",
      });
      expect(r.ok).toBe(true);
      c.expectNoLeak(r);
      await bIntact();
    },
    "registration.updateRound": async () => {
      notFound(
        await (await pmoA()).call("registration.updateRound", {
          id: c.secrets().roundId,
          title: "Gekapert",
          weights: { strategicFit: 100, urgency: 0, dependencies: 0, cost: 0 },
        }),
      );
      await bIntact();
    },
    "registration.setRoundStatus": async () => {
      notFound(
        await (await pmoA()).call("registration.setRoundStatus", {
          id: c.secrets().roundId,
          status: "closed",
        }),
      );
      await bIntact();
    },
    "registration.submitProposal": async () => {
      const s = c.secrets();
      const r = await (await c.as(c.a(), "project_lead")).call("registration.submitProposal", {
        roundId: s.roundId,
        gbId: s.gbId,
        rId: s.rId,
        name: "Untergeschobene Anmeldung",
        start: "2087-01-01",
        end: "2087-12-31",
      });
      notFound(r);
      await bIntact();
    },
    "registration.updateProposal": async () => {
      // A's PMO names A's own GB and R: B's proposal is still not found, and stays as B submitted it.
      const s = c.secrets();
      const pmo = await pmoA();
      const gb = await pmo.must<{ id: string }>("orgUnits.create", {
        code: "X9",
        name: "Fremder Bereich",
        kind: "gb",
        parentId: null,
      });
      const r = await pmo.must<{ id: string }>("orgUnits.create", {
        code: "X9.1",
        name: "Fremdes Ressort",
        kind: "r",
        parentId: gb.id,
      });
      for (const [gbId, rId] of [
        [gb.id, r.id],
        [s.gbId, s.rId],
      ])
        notFound(
          await pmo.call("registration.updateProposal", {
            id: s.proposalId,
            gbId,
            rId,
            name: "Überschriebener Vorschlag",
            start: "2087-01-01",
            end: "2087-12-31",
          }),
        );
      await bIntact();
    },
    "registration.withdrawProposal": async () => {
      notFound(await (await pmoA()).call("registration.withdrawProposal", { id: c.secrets().proposalId }));
      await bIntact();
    },
    "registration.scoreProposal": async () => {
      notFound(
        await (await pmoA()).call("registration.scoreProposal", {
          id: c.secrets().proposalId,
          scores: { strategicFit: 0, urgency: 0, dependencies: 0, cost: 0 },
        }),
      );
      await bIntact();
    },
    "registration.decideProposal": async () => {
      notFound(
        await (await c.as(c.a(), "leadership")).call("registration.decideProposal", {
          id: c.secrets().assessedProposalId,
          decision: "approved",
        }),
      );
      await bIntact();
    },
    // Last: A's own file names B's project (its SPATZ id as Projekt-ID, its GB/R codes and name). The import must
    // create a project in A, never match or touch B's, and say nothing about B.
    "portfolio.importPreview": async () => {
      const s = c.secrets();
      const file = `Projekt-ID\tGB\tR\tProjektname\tStart\tEnde\n${s.projectId}\tOB\t10\tImport mit fremder ID\t01.01.2024\t31.12.2024\n`;
      const r = await (await pmoA()).call("portfolio.importPreview", {
        fileName: "fremd.tsv",
        contentBase64: base64(file),
      });
      expect(r).toMatchObject({ ok: true, data: { ok: true, counts: { create: 1, update: 0 } } });
      c.expectNoLeak(r);
    },
    "portfolio.importCommit": async () => {
      const s = c.secrets();
      const file = `GB\tR\tProjektname\tStart\tEnde\n${s.gbCode}\t77\t${s.projectName}\t01.01.2024\t31.12.2024\n`;
      const pmo = await pmoA();
      const r = await pmo.call("portfolio.importCommit", {
        fileName: "fremd.tsv",
        contentBase64: base64(file),
        mapping: SIMPLE_MAPPING,
      });
      expect(r).toMatchObject({ ok: true, data: { committed: true, counts: { create: 1, update: 0 } } });
      await bIntact();
      // A typed B's project name itself, so from now on it legitimately appears in A's own data.
      c.dropCanary(s.projectName);
    },
  };
}
