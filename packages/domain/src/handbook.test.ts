import { describe, expect, it } from "vitest";
import {
  chooseMethodInput,
  METHOD_QUESTIONS,
  type MethodAnswers,
  suggestMethod,
  templateTable,
} from "./handbook.ts";

const answer = (pick: (q: (typeof METHOD_QUESTIONS)[number]) => "classic" | "agile") =>
  Object.fromEntries(METHOD_QUESTIONS.map((q) => [q.key, q.yes === pick(q)])) as MethodAnswers;

describe("the method decision aid", () => {
  it("suggests classic or agile when four or five answers point there", () => {
    expect(suggestMethod(answer(() => "classic"))).toEqual({ method: "classic", classic: 5, agile: 0 });
    expect(suggestMethod(answer(() => "agile"))).toEqual({ method: "agile", classic: 0, agile: 5 });
    const fourAgile = answer((q) => (q.key === "requirements" ? "classic" : "agile"));
    expect(suggestMethod(fourAgile).method).toBe("agile");
  });
  it("suggests hybrid for a split of three to two", () => {
    const split = answer((q) =>
      ["requirements", "fixedScope", "novelty"].includes(q.key) ? "classic" : "agile",
    );
    expect(suggestMethod(split)).toEqual({ method: "hybrid", classic: 3, agile: 2 });
  });
  it("needs every question answered", () => {
    const r = chooseMethodInput.safeParse({
      projectId: "00000000-0000-4000-8000-000000000001",
      answers: { requirements: true },
      method: "agile",
    });
    expect(r.success).toBe(false);
  });
});

describe("templates as tables to download", () => {
  it("takes the SPATZ form's columns for a form template", () => {
    const t = templateTable("egal", "risk_register");
    expect(t.columns[0]).toBe("Risiko");
    expect(t.rows).toEqual([]);
  });
  it("takes the first Markdown table, header and rows, without emphasis marks", () => {
    const body =
      "Vorab.\n\n| Feld | Inhalt |\n| --- | --- |\n| **Projektname** | |\n| Ziel | offen |\n\nDanach.";
    expect(templateTable(body, null)).toEqual({
      columns: ["Feld", "Inhalt"],
      rows: [
        ["Projektname", ""],
        ["Ziel", "offen"],
      ],
    });
  });
  it("turns list items into rows with a column for notes", () => {
    expect(templateTable("Fragen:\n\n- Was lief gut?\n1. Was **nicht**?", null)).toEqual({
      columns: ["Punkt", "Notizen"],
      rows: [
        ["Was lief gut?", ""],
        ["Was nicht?", ""],
      ],
    });
  });
});
