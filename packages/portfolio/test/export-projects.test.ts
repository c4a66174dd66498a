import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import {
  type ExportFormat,
  type ExportProject,
  exportProjects,
  formatDuration,
  type ImportedProject,
  MAX_BUDGET_CENTS,
  projectDuration,
  protectCell,
  readTable,
  suggestMapping,
  unprotectCell,
  validateRows,
} from "../src/index.ts";

const PROJECTS: ExportProject[] = [
  {
    id: "7f0c2a52-2f1e-4c55-9d38-0a4b8c1e0001",
    gb: "OB",
    r: "37",
    name: "Ablösung OVVISIO",
    description:
      'neues Bußgeldverfahren; Räume „Am Markt“, Ausschreibung "EU-weit"\r\nzweite Zeile\ndritte Zeile',
    start: "2022-09-01",
    end: "2024-04-01",
    status: "in_progress",
    priority: "high",
    method: "hybrid",
    lead: "Dr. Jürgen Müller-Lüdenscheidt",
    budgetCents: 123_456_789,
    effortDays: 12.5,
    notes: "Ziel: Außerbetriebnahme des Altverfahrens; Übergabe an FB 37",
  },
  {
    id: "p-2",
    gb: "ALL",
    r: "Quer",
    name: '=HYPERLINK("http://example.org";"klick")',
    description: "+49 345 221-0",
    start: "2024-02-29",
    end: "2024-02-29",
    lead: "@admin",
    notes: "-5 % Kürzung",
    budgetCents: 0,
    effortDays: 0.125,
  },
  {
    // Only the required fields; all optional ones empty.
    id: "p-3",
    gb: "ALL",
    r: "Quer",
    name: "'=schon mit Apostroph",
    description: "",
    start: "2023-01-01",
    end: "2023-12-31",
  },
  {
    id: "p-4",
    gb: "OB",
    r: "201",
    name: "Straße   mit  Leerzeichen\tund Tab",
    description: 'Komma, Semikolon; Tab\tund ein einzelnes " Anführungszeichen',
    start: "2020-01-31",
    end: "2020-02-29",
    status: "stopped",
    priority: "low",
    method: "classic",
    budgetCents: MAX_BUDGET_CENTS,
    effortDays: 999_999.999,
    notes: "XML-Escape wörtlich: _x000D_ und _x005F_",
  },
  {
    id: "p-5",
    gb: "OB",
    r: "30",
    name: "1.234",
    description: "01.04.2023",
    start: "2023-06-01",
    end: "2023-06-30",
    status: "registered",
    priority: "medium",
    method: "agile",
    budgetCents: 1,
    effortDays: 1500,
  },
];

function expectedImport({ id, ...project }: ExportProject): Omit<ImportedProject, "line"> {
  return {
    ...project,
    externalId: id,
    declaredDuration: formatDuration(projectDuration(project.start, project.end)),
  };
}

async function reimport(bytes: Uint8Array, fileName: string) {
  const table = await readTable(bytes, fileName);
  return { table, result: validateRows(table, suggestMapping(table.headers)) };
}

describe("exportProjects → readTable → validateRows round trip", () => {
  it.each(["csv", "tsv", "xlsx"] as ExportFormat[])("gives back the same projects (%s)", async (format) => {
    const bytes = await exportProjects(PROJECTS, format);
    const { table, result } = await reimport(bytes, `export.${format}`);
    expect(table.format).toBe(format);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.projects.map(({ line, ...project }) => project)).toEqual(PROJECTS.map(expectedImport));
  });

  it("reports rows by their line: multi-line descriptions push the following CSV lines down", async () => {
    const { result } = await reimport(await exportProjects(PROJECTS, "csv"), "export.csv");
    // Header = line 1; project 1 takes lines 2–4 (two line breaks in its description).
    expect(result.projects.map((project) => project.line)).toEqual([2, 5, 6, 7, 8]);
    const xlsx = await reimport(await exportProjects(PROJECTS, "xlsx"), "export.xlsx");
    expect(xlsx.result.projects.map((project) => project.line)).toEqual([2, 3, 4, 5, 6]);
  });

  it("validates its input", async () => {
    await expect(exportProjects([{ ...PROJECTS[0]!, budgetCents: 12.5 }], "csv")).rejects.toThrow();
    await expect(exportProjects([{ ...PROJECTS[0]!, end: "2021-01-01" }], "csv")).rejects.toThrow();
    await expect(exportProjects([{ ...PROJECTS[0]!, start: "2023-02-30" }], "csv")).rejects.toThrow();
    await expect(exportProjects([{ ...PROJECTS[0]!, effortDays: 1 / 3 }], "csv")).rejects.toThrow();
  });
});

describe("CSV as German Excel writes it", () => {
  it("is UTF-8 with BOM, semicolon, CRLF, dd.mm.yyyy, decimal comma, quoted where needed, injection-safe", async () => {
    const bytes = await exportProjects(PROJECTS, "csv");
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    const lines = text.split("\r\n");
    expect(lines[0]).toBe(
      "Projekt-ID;GB;R;Projektname;Projektbeschreibung;Start;Ende;Dauer;Status;Priorität;Methode;Projektleitung;" +
        "Budget (€);Aufwand (PT);Bemerkungen",
    );
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text).toContain(
      '7f0c2a52-2f1e-4c55-9d38-0a4b8c1e0001;OB;37;Ablösung OVVISIO;"neues Bußgeldverfahren; Räume „Am Markt“, ' +
        'Ausschreibung ""EU-weit""\r\nzweite Zeile\ndritte Zeile";01.09.2022;01.04.2024;1 Jahr, 7 Monate, 1 Tag;' +
        "in Umsetzung;hoch;hybrid;Dr. Jürgen Müller-Lüdenscheidt;1234567,89;12,5;" +
        '"Ziel: Außerbetriebnahme des Altverfahrens; Übergabe an FB 37"',
    );
    expect(text).toContain(
      `p-2;ALL;Quer;"'=HYPERLINK(""http://example.org"";""klick"")";'+49 345 221-0;29.02.2024;29.02.2024;` +
        "0 Jahre, 0 Monate, 1 Tag;;;;'@admin;0,00;0,125;'-5 % Kürzung",
    );
    expect(text).toContain(
      "p-3;ALL;Quer;''=schon mit Apostroph;;01.01.2023;31.12.2023;1 Jahr, 0 Monate, 0 Tage;;;;;;;",
    );
    expect(text).toContain(";999999999999,99;999999,999;XML-Escape wörtlich: _x000D_ und _x005F_\r\n");
  });

  it("writes TSV with tab delimiter and the same protection", async () => {
    const text = new TextDecoder().decode(await exportProjects(PROJECTS.slice(1, 2), "tsv"));
    expect(text.split("\r\n")[1]).toBe(
      `p-2\tALL\tQuer\t"'=HYPERLINK(""http://example.org"";""klick"")"\t'+49 345 221-0\t29.02.2024\t29.02.2024\t` +
        "0 Jahre, 0 Monate, 1 Tag\t\t\t\t'@admin\t0,00\t0,125\t'-5 % Kürzung",
    );
  });
});

describe("XLSX export", () => {
  it("has a bold header with autofilter, date cells, number formats and sensible widths", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await exportProjects(PROJECTS, "xlsx")).slice().buffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe("Projekte");
    expect(sheet.getRow(1).getCell(1).value).toBe("Projekt-ID");
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.autoFilter).toBe("A1:O1");
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });

    const row = sheet.getRow(2);
    expect(row.getCell(6).value).toEqual(new Date(Date.UTC(2022, 8, 1)));
    expect(row.getCell(6).numFmt).toBe("dd.mm.yyyy");
    expect(row.getCell(7).value).toEqual(new Date(Date.UTC(2024, 3, 1)));
    expect(row.getCell(13).value).toBe(1234567.89);
    expect(row.getCell(13).numFmt).toBe('#,##0.00 "€"');
    expect(row.getCell(14).value).toBe(12.5);
    expect(row.getCell(3).value).toBe("37"); // R stays text
    expect(sheet.getRow(3).getCell(4).value).toBe('=HYPERLINK("http://example.org";"klick")'); // a string, not a formula
    expect(sheet.getRow(3).getCell(4).type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getRow(4).getCell(4).value).toBe("''=schon mit Apostroph");
    expect(sheet.getRow(4).getCell(13).value).toBeNull();

    for (let column = 1; column <= 15; column++) {
      const width = sheet.getColumn(column).width ?? 0;
      expect(width).toBeGreaterThanOrEqual(8);
      expect(width).toBeLessThanOrEqual(60);
    }
    expect(sheet.getColumn(5).width).toBe(60); // long description, capped
  });
});

describe("formula injection protection", () => {
  it.each([
    ["=1+1", "'=1+1"],
    ["+49", "'+49"],
    ["-5", "'-5"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tTab", "'\tTab"],
    ["\rCR", "'\rCR"],
    ["'=x", "''=x"],
    ["'normal", "'normal"],
    ["normal = 1", "normal = 1"],
    ["", ""],
  ])("%j ↔ %j", (text, protectedText) => {
    expect(protectCell(text)).toBe(protectedText);
    expect(unprotectCell(protectCell(text))).toBe(text);
  });
});
