// Evidence files through the API: upload (type decided from the content, 10 MB and 20 files at most), the list on the
// measure, the download route (same bytes, saved not shown), completing with a file as the only evidence, removal with
// its audit entry, and the rule that a completed measure keeps its evidence.
import { createHash, randomUUID } from "node:crypto";
import { EVIDENCE_MAX_BYTES, EVIDENCE_MAX_FILES } from "@spatz/domain";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { ApiSession, CallResult } from "../src/api-client.ts";
import {
  base64,
  docxBytes,
  downloadEvidence,
  pdfBytes,
  type StoredEvidence,
  uploadEvidence,
} from "../src/evidence.ts";
import { createTenant, type FixtureTenant, sessionCookie } from "../src/fixtures.ts";
import { createMeasure, sessionAs } from "../src/maturity-fixtures.ts";
import { createTestApp, type TestApp } from "../src/server.ts";

let t: TestApp;
let kommune: FixtureTenant;
let cdo: ApiSession;
let viewerCookie: string;
beforeAll(async () => {
  t = createTestApp({ appUrl: inject("appUrl"), redisUrl: inject("redisUrl") });
  kommune = await createTenant(t.client.db, "nachweise");
  cdo = await sessionAs(t, kommune, "coordinator");
  viewerCookie = await sessionCookie(t.client.db, kommune.id, kommune.users.viewer!.id);
});
afterAll(() => t.close());

type Detail = {
  measure: { status: string; evidenceText: string | null };
  evidenceFiles: {
    id: string;
    fileName: string;
    mediaType: string;
    sizeBytes: number;
    uploadedByName: string;
  }[];
};
const detail = (id: string, session = cdo) => session.must<Detail>("measures.get", { id });
type HistoryEntry = { action: string; after: unknown; before: unknown };
const history = async (id: string) =>
  (await cdo.must<{ items: HistoryEntry[] }>("measures.history", { id, page: 1, pageSize: 100 })).items;

const upload = (measureId: string, fileName: string, bytes: Uint8Array, session = cdo) =>
  session.call("measures.uploadEvidence", { measureId, file: { fileName, contentBase64: base64(bytes) } });

/** A refusal that the form shows next to its file field. */
function fileError(result: CallResult): string {
  expect(result).toMatchObject({ ok: false, code: "BAD_REQUEST" });
  const data = JSON.parse(result.raw) as {
    error: { json: { data: { zodError: { fieldErrors: { file?: string[] } } } } };
  };
  return data.error.json.data.zodError.fieldErrors.file?.[0] ?? "";
}

describe("uploading and downloading", () => {
  it("stores a PDF and a Word document, lists them on the measure and downloads the very same bytes", async () => {
    const measure = await createMeasure(t, kommune);
    const pdf = pdfBytes("Beschluss der Verwaltungskonferenz vom 12.03.2025");
    const stored = await uploadEvidence(cdo, measure.id, "C:\\Ablage\\Beschluss 2025.pdf", pdf);
    expect(stored).toMatchObject({
      fileName: "Beschluss 2025.pdf",
      sizeBytes: pdf.length,
      sha256: createHash("sha256").update(pdf).digest("hex"),
    });
    const docx = await docxBytes("Abnahmeprotokoll");
    await uploadEvidence(cdo, measure.id, "Abnahmeprotokoll.docx", docx);

    // Everyone who reads the measure sees the list; the viewer downloads.
    const viewer = await sessionAs(t, kommune, "viewer");
    const d = await detail(measure.id, viewer);
    expect(d.evidenceFiles.map((f) => [f.fileName, f.mediaType, f.sizeBytes])).toEqual([
      ["Beschluss 2025.pdf", "application/pdf", pdf.length],
      [
        "Abnahmeprotokoll.docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        docx.length,
      ],
    ]);
    expect(d.evidenceFiles[0]!.uploadedByName).toBe(kommune.users.coordinator!.displayName);
    expect((await history(measure.id)).filter((e) => e.action === "measure.evidence_add")).toHaveLength(2);

    const res = await downloadEvidence(t, stored.id, viewerCookie);
    expect(res.status).toBe(200);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(pdf);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-length")).toBe(String(pdf.length));
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="Beschluss 2025.pdf"; filename*=UTF-8''Beschluss%202025.pdf`,
    );
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toBe(
      "default-src 'none'; sandbox; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    );
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    const word = await downloadEvidence(t, d.evidenceFiles[1]!.id, viewerCookie);
    expect(new Uint8Array(await word.arrayBuffer())).toEqual(docx);
    // The app's pages keep their own policy: the stricter one is the file's alone.
    const health = await t.app.request("/health");
    expect(health.headers.get("content-security-policy")).toContain("script-src 'self'");
  });

  it("stores a file of exactly 10 MB and gives it back unchanged", async () => {
    const measure = await createMeasure(t, kommune);
    const big = new Uint8Array(EVIDENCE_MAX_BYTES);
    big.set(pdfBytes("Großer Scan"));
    for (let i = 4096; i < big.length; i += 4093) big[i] = i % 251;
    const stored = await uploadEvidence(cdo, measure.id, "Scan.pdf", big);
    expect(stored.sizeBytes).toBe(EVIDENCE_MAX_BYTES);
    const res = await downloadEvidence(t, stored.id, viewerCookie);
    const back = new Uint8Array(await res.arrayBuffer());
    expect(createHash("sha256").update(back).digest("hex")).toBe(stored.sha256);
  });

  it("refuses files that are no allowed evidence, with a German message at the file field, and stores nothing", async () => {
    const measure = await createMeasure(t, kommune);
    const html = new TextEncoder().encode("<!doctype html><script>alert(document.cookie)</script>");
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
    const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff]);
    expect(fileError(await upload(measure.id, "setup.exe", exe))).toContain(
      "Dateien vom Typ .exe werden als Nachweis nicht angenommen",
    );
    expect(fileError(await upload(measure.id, "Bericht.pdf", exe))).toBe(
      "Der Inhalt ist kein PDF-Dokument. Bitte prüfen Sie, ob die Endung zum Inhalt passt.",
    );
    expect(fileError(await upload(measure.id, "seite.html", html))).toContain("Dateien vom Typ .html");
    expect(fileError(await upload(measure.id, "notiz.txt", html))).toContain("HTML-, SVG- oder XML-Inhalt");
    expect(fileError(await upload(measure.id, "grafik.svg", svg))).toContain("Dateien vom Typ .svg");
    expect(fileError(await upload(measure.id, "foto.png", svg))).toContain("kein PNG-Bild");
    expect(
      fileError(await upload(measure.id, "Makro.docx", await docxBytes("x", { macro: true }))),
    ).toContain("Makros");
    // Too large: refused by the input check, before anything is decoded.
    const tooBig = new Uint8Array(EVIDENCE_MAX_BYTES + 1);
    tooBig.set(pdfBytes());
    expect(fileError(await upload(measure.id, "zu-gross.pdf", tooBig))).toContain("größer als 10 MB");
    expect(
      fileError(
        await cdo.call("measures.uploadEvidence", {
          measureId: measure.id,
          file: { fileName: "kaputt.pdf", contentBase64: "JVBERi0%%%" },
        }),
      ),
    ).toContain("nicht vollständig übertragen");
    expect((await detail(measure.id)).evidenceFiles).toEqual([]);
    expect((await history(measure.id)).filter((e) => e.action.startsWith("measure.evidence"))).toEqual([]);
  });

  it("refuses a request body beyond the upload limit before it reaches the procedure", async () => {
    const measure = await createMeasure(t, kommune);
    const body = JSON.stringify({
      json: {
        measureId: measure.id,
        file: { fileName: "riesig.pdf", contentBase64: "A".repeat(16 * 1024 * 1024) },
      },
    });
    const cookie = await sessionCookie(t.client.db, kommune.id, kommune.users.coordinator!.id);
    const res = await t.app.request("/trpc/measures.uploadEvidence", {
      method: "POST",
      headers: { cookie, origin: "http://spatz.test", "content-type": "application/json" },
      body,
    });
    expect(res.status).toBe(413);
    expect(await res.text()).toContain("höchstens 10 MB");
    // Other procedures keep the smaller limit.
    const other = await t.app.request("/trpc/measures.update", {
      method: "POST",
      headers: { cookie, origin: "http://spatz.test", "content-type": "application/json" },
      body: JSON.stringify({ json: { title: "x".repeat(9 * 1024 * 1024) } }),
    });
    expect(other.status).toBe(413);
  });

  it("refuses the same file twice and more than 20 files per measure", async () => {
    const measure = await createMeasure(t, kommune);
    const pdf = pdfBytes();
    await uploadEvidence(cdo, measure.id, "a.pdf", pdf);
    expect(fileError(await upload(measure.id, "b.pdf", pdf))).toBe(
      "Diese Datei ist bereits als Nachweis hinterlegt.",
    );
    for (let i = 1; i < EVIDENCE_MAX_FILES; i++)
      await uploadEvidence(cdo, measure.id, `n${i}.pdf`, pdfBytes());
    expect(fileError(await upload(measure.id, "einer-zu-viel.pdf", pdfBytes()))).toContain(
      `höchstens ${EVIDENCE_MAX_FILES} Nachweisdateien`,
    );
    expect((await detail(measure.id)).evidenceFiles).toHaveLength(EVIDENCE_MAX_FILES);
  });

  it("answers 401 without a session and 404 for an unknown or malformed id", async () => {
    const measure = await createMeasure(t, kommune);
    const stored = await uploadEvidence(cdo, measure.id, "x.pdf", pdfBytes());
    const anonymous = await downloadEvidence(t, stored.id, null);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.text()).toContain("Bitte melden Sie sich an");
    for (const id of [randomUUID(), "kein-id", "../../etc/passwd"]) {
      const res = await downloadEvidence(t, id, viewerCookie);
      expect([res.status, await res.text()]).toEqual([404, "Diese Nachweisdatei gibt es nicht."]);
    }
    // Another Kommune's viewer: its own tenant transaction finds nothing.
    const other = await createTenant(t.client.db, "andere");
    const otherCookie = await sessionCookie(t.client.db, other.id, other.users.coordinator!.id);
    expect((await downloadEvidence(t, stored.id, otherCookie)).status).toBe(404);
  });
});

describe("evidence of a completion", () => {
  it("a file alone completes a measure, in one transaction with the completion", async () => {
    const measure = await createMeasure(t, kommune);
    const withFile = (completedOn: string, bytes: Uint8Array) =>
      cdo.call("measures.setStatus", {
        id: measure.id,
        status: "completed",
        completedOn,
        evidenceFile: { fileName: "Abnahme.pdf", contentBase64: base64(bytes) },
      });
    // Refused completion (date in the future): the file is rolled back with it.
    const refused = await withFile("2999-01-01", pdfBytes());
    expect(refused).toMatchObject({ ok: false, code: "BAD_REQUEST" });
    expect((await detail(measure.id)).evidenceFiles).toEqual([]);
    // A bad file is refused at its own field; nothing changes.
    const badFile = await withFile("2025-06-30", new TextEncoder().encode("MZ kein PDF"));
    expect(badFile).toMatchObject({ ok: false, code: "BAD_REQUEST" });
    expect(badFile.raw).toMatch(/"evidenceFile":\["Der Inhalt ist kein PDF-Dokument/);
    expect((await detail(measure.id)).measure.status).toBe("planned");

    expect(await withFile("2025-06-30", pdfBytes())).toMatchObject({ ok: true });
    const d = await detail(measure.id);
    expect(d.measure).toMatchObject({ status: "completed", evidenceText: null });
    expect(d.evidenceFiles.map((f) => f.fileName)).toEqual(["Abnahme.pdf"]);
    // A file with another status change makes no sense and is refused.
    const other = await createMeasure(t, kommune);
    const misplaced = await cdo.call("measures.setStatus", {
      id: other.id,
      status: "in_progress",
      evidenceFile: { fileName: "x.pdf", contentBase64: base64(pdfBytes()) },
    });
    expect(misplaced).toMatchObject({ ok: false, code: "BAD_REQUEST" });
  });

  it("keeps a completed measure's only evidence, removes any other file with an audit entry", async () => {
    const measure = await createMeasure(t, kommune);
    const first = await uploadEvidence(cdo, measure.id, "Beschluss.pdf", pdfBytes());
    await cdo.must("measures.setStatus", { id: measure.id, status: "completed", completedOn: "2025-06-30" });
    const refused = await cdo.call("measures.deleteEvidence", { id: first.id });
    expect(refused).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(refused.ok ? "" : refused.message).toContain("einziger Nachweis");

    const second: StoredEvidence = await uploadEvidence(cdo, measure.id, "Foto.pdf", pdfBytes());
    expect(await cdo.call("measures.deleteEvidence", { id: first.id })).toMatchObject({ ok: true });
    const d = await detail(measure.id);
    expect(d.evidenceFiles.map((f) => f.id)).toEqual([second.id]);
    const removal = (await history(measure.id)).find((e) => e.action === "measure.evidence_remove");
    expect(removal?.before).toMatchObject({ fileId: first.id, sha256: first.sha256 });
    expect((removal!.before as { evidenceFile: string }).evidenceFile).toMatch(/^Beschluss\.pdf \(/);
    expect((await downloadEvidence(t, first.id, viewerCookie)).status).toBe(404);

    // With a text as evidence, the last file may go as well; editing away the text is then refused.
    await cdo.must("measures.setStatus", {
      id: measure.id,
      status: "completed",
      completedOn: "2025-06-30",
      evidenceText: "Beschluss im Ratsinformationssystem",
    });
    expect(await cdo.call("measures.deleteEvidence", { id: second.id })).toMatchObject({ ok: true });
    const update = await cdo.call("measures.update", {
      id: measure.id,
      title: measure.title,
      criterionKeys: ["strategie.1.verantwortung"],
      evidenceText: null,
    });
    expect(update).toMatchObject({ ok: false, code: "BAD_REQUEST" });
    expect(update.ok ? "" : update.raw).toContain("Beschreibung, Link oder Datei");
  });

  it("a project lead adds and removes files only on the measures they are responsible for", async () => {
    const lead = await sessionAs(t, kommune, "project_lead");
    const own = await createMeasure(t, kommune, { responsibleUserId: kommune.users.project_lead!.id });
    const foreign = await createMeasure(t, kommune);
    const mine = await uploadEvidence(lead, own.id, "Eigener Nachweis.pdf", pdfBytes());
    expect(await upload(foreign.id, "Fremd.pdf", pdfBytes(), lead)).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    const theirs = await uploadEvidence(cdo, foreign.id, "Fremd.pdf", pdfBytes());
    expect(await lead.call("measures.deleteEvidence", { id: theirs.id })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    expect(await lead.call("measures.deleteEvidence", { id: mine.id })).toMatchObject({ ok: true });
  });
});

describe("a Kommune's storage for evidence files", () => {
  it("refuses a file beyond the quota with the figures, and has room again after a removal", async () => {
    // A platform configured with 1 MB per Kommune (EVIDENCE_QUOTA_MB is at least 10 in production; the rule is the same).
    const small = createTestApp({
      appUrl: inject("appUrl"),
      redisUrl: inject("redisUrl"),
      evidenceQuotaBytes: 1024 * 1024,
    });
    try {
      const tenant = await createTenant(small.client.db, "nachweis-speicher");
      const session = await sessionAs(small, tenant, "coordinator");
      const measure = await createMeasure(small, tenant);
      const big = (tag: string) => pdfBytes(`${tag} ${"x".repeat(400 * 1024)}`);
      const first = await upload(measure.id, "Erster.pdf", big("eins"), session);
      expect(first.ok).toBe(true);

      expect((await upload(measure.id, "Zweiter.pdf", big("zwei"), session)).ok).toBe(true);
      // The third would take the Kommune over 1 MB: refused at the file field with the figures, nothing stored.
      // (Two parallel uploads competing for the last space: db/test/evidence-files.test.ts.)
      expect(fileError(await upload(measure.id, "Dritter.pdf", big("drei"), session))).toMatch(
        /^Der Speicher für Nachweisdateien Ihrer Verwaltung reicht dafür nicht: 801 kB von 1,0 MB sind belegt\./,
      );
      const files = (await detail(measure.id, session)).evidenceFiles;
      expect(files).toHaveLength(2);

      // Another Kommune has its own storage …
      const other = await createTenant(small.client.db, "nachweis-speicher-2");
      const otherSession = await sessionAs(small, other, "coordinator");
      const otherMeasure = await createMeasure(small, other);
      expect((await upload(otherMeasure.id, "Fremd.pdf", big("fremd"), otherSession)).ok).toBe(true);
      // … and the form says how much of its own is left: this Kommune's bytes, not the other's.
      const { storage } = await session.must<{ storage: { usedBytes: number; quotaBytes: number } }>(
        "measures.get",
        { id: measure.id },
      );
      expect(storage).toEqual({
        usedBytes: files.reduce((sum, f) => sum + f.sizeBytes, 0),
        quotaBytes: 1024 * 1024,
      });
      // Who cannot upload is not told about storage.
      const viewer = await sessionAs(small, tenant, "viewer");
      expect(
        (await viewer.must<{ storage: unknown }>("measures.get", { id: measure.id })).storage,
      ).toBeNull();

      // Removing a file frees its space.
      await session.must("measures.deleteEvidence", { id: files[0]!.id });
      expect((await upload(measure.id, "Vierter.pdf", big("vier"), session)).ok).toBe(true);
    } finally {
      await small.close();
    }
  });
});
