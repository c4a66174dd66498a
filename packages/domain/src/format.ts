// German formatting used by screens and reports: dd.mm.yyyy, 22.137.500 €.
const dateFormat = new Intl.DateTimeFormat("de-DE", {
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  timeZone: "Europe/Berlin",
});
const dateTimeFormat = new Intl.DateTimeFormat("de-DE", {
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "Europe/Berlin",
});
const euro = new Intl.NumberFormat("de-DE", { style: "currency", currency: "EUR", maximumFractionDigits: 0 });
const integer = new Intl.NumberFormat("de-DE", { maximumFractionDigits: 0 });

/** Accepts a Date, an ISO timestamp or an ISO calendar date ("2024-09-30", read as that calendar day). */
export function formatDate(value: Date | string | null | undefined): string {
  if (value == null || value === "") return "–";
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split("-");
    return `${d}.${m}.${y}`;
  }
  return dateFormat.format(typeof value === "string" ? new Date(value) : value);
}

export function formatDateTime(value: Date | string | null | undefined): string {
  if (value == null || value === "") return "–";
  return dateTimeFormat.format(typeof value === "string" ? new Date(value) : value);
}

export function formatEuro(amount: number): string {
  return euro.format(amount);
}

export function formatNumber(value: number, fractionDigits = 0): string {
  return new Intl.NumberFormat("de-DE", {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(value);
}

export function formatInteger(value: number): string {
  return integer.format(value);
}

/** A file size as people read it: "850 Bytes", "12 kB", "1,5 MB", "2,0 GB" (1 kB = 1.024 Bytes, like file managers). */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${formatInteger(bytes)} ${bytes === 1 ? "Byte" : "Bytes"}`;
  const kb = bytes / 1024;
  if (kb < 1024) return `${formatNumber(kb, kb < 10 ? 1 : 0)} kB`;
  const mb = kb / 1024;
  if (mb < 1024) return `${formatNumber(mb, mb < 100 ? 1 : 0)} MB`;
  const gb = mb / 1024;
  return `${formatNumber(gb, gb < 100 ? 1 : 0)} GB`;
}

/** A count with its noun: "1 Projekt", "2 Projekte", "1.250 Projekte" (never "1 Projekte"). */
export function formatCountOf(count: number, singular: string, plural: string): string {
  return `${integer.format(count)} ${count === 1 ? singular : plural}`;
}
