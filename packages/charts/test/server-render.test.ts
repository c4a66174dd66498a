// The same chart options render on the server (for PDF reports): ECharts' SSR mode with the SVG renderer.
import { buildDashboard, defaultModel } from "@spatz/maturity";
import { describe, expect, it } from "vitest";
import { echarts } from "../src/echarts.ts";
import { historySeries, maturityHistoryOption, maturityRadarOption, radarRows } from "../src/index.ts";

const dashboard = buildDashboard(
  defaultModel,
  [
    {
      id: "m1",
      status: "completed",
      completedOn: "2025-03-17",
      plannedEnd: null,
      criterionKeys: ["daten.1.fachverfahrenskataster"],
    },
  ],
  [{ dimensionKey: "daten", level: 1, dueOn: "2027-01-31" }],
  { today: "2026-11-28" },
);

function render(option: echarts.EChartsCoreOption): string {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width: 640, height: 400 });
  chart.setOption(option);
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

describe("server-side rendering", () => {
  it("renders the radar to SVG with the dimension names", () => {
    const svg = render(maturityRadarOption(radarRows(dashboard)));
    expect(svg.startsWith("<svg")).toBe(true);
    // Long names break after "&" onto a second line.
    expect(svg).toContain(">Strategie &amp;</text>");
    expect(svg).toContain(">Steuerung</text>");
    expect(svg).toContain(">Interoperabilität</text>");
  });

  it("renders the history with its legend", () => {
    const svg = render(maturityHistoryOption(historySeries(dashboard, "daten")));
    expect(svg).toContain("Ist");
    expect(svg).toContain("heute");
  });
});
