// A chart of the screens as SVG, rendered on the server by ECharts itself (SSR, no browser): the same definition
// (@spatz/charts) gives the same picture in the PDF as on screen. Without animation, so the SVG is complete at once.
// ECharts lays out labels by measuring text; without a canvas it would guess the widths, so it measures with the
// PDF's own font (pdfkit's metrics of DejaVu Sans), and labels fit exactly as they are drawn.
import { echarts } from "@spatz/charts/echarts";
import type { EChartsCoreOption } from "echarts/core";
import PDFDocument from "pdfkit";
import { BOLD, REGULAR } from "./fonts.ts";

let metrics: InstanceType<typeof PDFDocument> | null = null;

function measureText(text: string, font?: string): { width: number } {
  metrics ??= new PDFDocument({ autoFirstPage: false });
  const size = Number(/(\d+(?:\.\d+)?)px/.exec(font ?? "")?.[1] ?? 12);
  const bold = /\b(bold|[6-9]00)\b/.test(font ?? "");
  return {
    width: metrics
      .font(bold ? BOLD : REGULAR)
      .fontSize(size)
      .widthOfString(text),
  };
}

echarts.setPlatformAPI({ measureText });

export function chartSvg(option: EChartsCoreOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  try {
    chart.setOption({ ...option, animation: false, textStyle: { fontFamily: "DejaVu Sans" } });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
