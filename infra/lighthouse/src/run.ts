/**
 * Lighthouse: the performance of the first load of the pages users open most, signed in, as a browser sees them
 * from a running SPATZ in production mode (the API serving the built web app, pre-compressed and cached).
 *
 *   pnpm start            (in one terminal: the platform with demo data)
 *   pnpm --filter @spatz/lighthouse lighthouse            (in another; LIGHTHOUSE_URL, default http://localhost:$PORT)
 *
 * Signs in as Halle's CDO and the Land's PMO with the demo password (over HTTP, as the sign-in form does) and runs
 * Debian's Chromium (CHROME_PATH, default /usr/bin/chromium; never a downloaded browser) once per page and form
 * factor: desktop (Lighthouse's desktop preset) and mobile (its default: a mid-range phone on a throttled 4G line,
 * simulated). Prints per page the performance score, LCP, CLS, TBT and the JavaScript transferred, and the targets of
 * issue 15: performance ≥ 90 desktop and ≥ 80 mobile, CLS < 0.1, the sign-in page's JavaScript ≤ 60 KiB (gzip),
 * every page's ≤ 150 KiB at first load (transferred; the chart library, loaded after the page shows, counted apart).
 * LIGHTHOUSE_RUNS (default 3) repeats each and keeps the median score; LIGHTHOUSE_PAGES=/reifegrad,/start audits only
 * those pages.
 * Exits 1 when a target is missed.
 */
import * as chromeLauncher from "chrome-launcher";
import lighthouse, { type Flags } from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";

const BASE_URL = process.env.LIGHTHOUSE_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
const DEMO_PASSWORD = process.env.SPATZ_DEMO_PASSWORD ?? "spatz-demo-2026";

type Who = "signedOut" | "kommune" | "state";
const PAGES: { path: string; who: Who; label: string }[] = [
  { path: "/anmelden", who: "signedOut", label: "Anmeldung (Kommune wählen)" },
  { path: "/t/halle-saale/anmelden", who: "signedOut", label: "Anmeldung Halle" },
  { path: "/start", who: "kommune", label: "Start (Halle, CDO)" },
  { path: "/reifegrad", who: "kommune", label: "Reifegrad (Halle)" },
  { path: "/portfolio", who: "kommune", label: "Portfolio (Halle)" },
  { path: "/land/rollout", who: "state", label: "Rollout im Land (Landes-PMO)" },
];
/** LIGHTHOUSE_PAGES=/reifegrad,/start audits only the pages whose path is listed. */
const ONLY = process.env.LIGHTHOUSE_PAGES?.split(",").filter(Boolean);
const TARGET = { desktop: 90, mobile: 80, cls: 0.1, signInJsKiB: 60, pageJsKiB: 150 };

/** `jsKiB`: all JavaScript transferred; `pageJsKiB`: without the chart library, which loads after the page shows. */
type Figures = { score: number; lcpMs: number; cls: number; tbtMs: number; jsKiB: number; pageJsKiB: number };
const CHART_CHUNK = /\/assets\/(echarts|zrender)-[^/]+\.js$/;

async function audit(url: string, cookie: string | null, formFactor: "desktop" | "mobile"): Promise<Figures> {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  try {
    const flags: Flags = {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance"],
      extraHeaders: cookie ? { Cookie: cookie } : undefined,
    };
    const result = await lighthouse(url, flags, formFactor === "desktop" ? desktopConfig : undefined);
    const lhr = result!.lhr;
    const requests = (lhr.audits["network-requests"]?.details as { items?: NetworkItem[] } | undefined)
      ?.items;
    const scripts = (requests ?? []).filter((r) => r.resourceType === "Script");
    const kib = (items: NetworkItem[]) => items.reduce((sum, r) => sum + (r.transferSize ?? 0), 0) / 1024;
    return {
      score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
      lcpMs: lhr.audits["largest-contentful-paint"]?.numericValue ?? Number.NaN,
      cls: lhr.audits["cumulative-layout-shift"]?.numericValue ?? Number.NaN,
      tbtMs: lhr.audits["total-blocking-time"]?.numericValue ?? Number.NaN,
      jsKiB: kib(scripts),
      pageJsKiB: kib(scripts.filter((r) => !CHART_CHUNK.test(r.url ?? ""))),
    };
  } finally {
    chrome.kill();
  }
}
type NetworkItem = { resourceType?: string; transferSize?: number; url?: string };

const median = (values: Figures[]): Figures => {
  const sorted = [...values].sort((a, b) => a.score - b.score);
  return sorted[Math.floor(sorted.length / 2)]!;
};

/** Signs in as the form does (tRPC over HTTP, superjson's envelope) and returns the session cookie. */
async function signIn(tenantSlug: string, email: string): Promise<string> {
  const res = await fetch(`${BASE_URL}/trpc/auth.login`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: BASE_URL },
    body: JSON.stringify({ json: { tenantSlug, email, password: DEMO_PASSWORD } }),
  });
  const cookie = /spatz_session=[^;]+/.exec(res.headers.get("set-cookie") ?? "")?.[0];
  if (!res.ok || !cookie)
    throw new Error(`Anmeldung als ${email} fehlgeschlagen (${res.status}): ${await res.text()}`);
  return cookie;
}

async function main() {
  const cookies: Record<Who, string | null> = {
    signedOut: null,
    kommune: await signIn("halle-saale", "cdo@halle-saale.example"),
    state: await signIn("land-sachsen-anhalt", "pmo@land.example"),
  };
  const missed: string[] = [];
  console.log(`Lighthouse auf ${BASE_URL}, ${RUNS}× je Seite und Gerät (Median)`);
  console.log(
    `${"Seite".padEnd(32)} ${"Gerät".padEnd(8)} ${"Score".padStart(5)} ${"LCP".padStart(8)} ${"CLS".padStart(6)} ${"TBT".padStart(7)} ${"JS".padStart(10)} ${"ohne Diagr.".padStart(11)}`,
  );
  for (const page of PAGES.filter((p) => !ONLY || ONLY.includes(p.path))) {
    for (const formFactor of ["desktop", "mobile"] as const) {
      const runs: Figures[] = [];
      for (let i = 0; i < RUNS; i++)
        runs.push(await audit(`${BASE_URL}${page.path}`, cookies[page.who], formFactor));
      const f = median(runs);
      console.log(
        `${page.label.padEnd(32)} ${formFactor.padEnd(8)} ${String(f.score).padStart(5)} ${`${(f.lcpMs / 1000).toFixed(1)} s`.padStart(8)} ${f.cls.toFixed(3).padStart(6)} ${`${Math.round(f.tbtMs)} ms`.padStart(7)} ${`${f.jsKiB.toFixed(1)} KiB`.padStart(10)} ${`${f.pageJsKiB.toFixed(1)} KiB`.padStart(11)}`,
      );
      const minScore = TARGET[formFactor];
      const jsBudget = page.who === "signedOut" ? TARGET.signInJsKiB : TARGET.pageJsKiB;
      if (f.score < minScore) missed.push(`${page.label} ${formFactor}: Score ${f.score} < ${minScore}`);
      if (!(f.cls < TARGET.cls)) missed.push(`${page.label} ${formFactor}: CLS ${f.cls.toFixed(3)}`);
      if (formFactor === "desktop" && f.pageJsKiB > jsBudget)
        missed.push(`${page.label}: ${f.pageJsKiB.toFixed(1)} KiB JavaScript > ${jsBudget} KiB`);
    }
  }
  console.log(
    `\nZiele: Score ≥ ${TARGET.desktop} Desktop / ≥ ${TARGET.mobile} Mobil, CLS < ${TARGET.cls}, JavaScript ≤ ${TARGET.signInJsKiB} KiB (Anmeldung) / ≤ ${TARGET.pageJsKiB} KiB`,
  );
  console.log(missed.length ? `Verfehlt:\n  ${missed.join("\n  ")}` : "Alle Ziele erreicht.");
  if (missed.length) process.exitCode = 1;
}

await main();
