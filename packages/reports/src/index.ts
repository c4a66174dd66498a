export * from "./document.ts";
export * from "./figures.ts";
export * from "./lagebericht.ts";
export * from "./reifegradbericht.ts";
export * from "./render-csv.ts";
export * from "./render-pdf.ts";
export * from "./render-xlsx.ts";
export * from "./rollout-stand.ts";
