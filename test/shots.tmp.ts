import { chromium } from "playwright-core";

const base = "http://localhost:3060";
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu"],
});
async function session(slug: string, email: string) {
  const context = await browser.newContext({
    locale: "de-DE",
    timezoneId: "Europe/Berlin",
    viewport: { width: 1300, height: 900 },
  });
  const page = await context.newPage();
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") console.log(`[console ${m.type()}] ${m.text()}`);
  });
  await page.goto(`${base}/t/${slug}/anmelden`);
  await page.getByLabel("E-Mail-Adresse").fill(email);
  await page.getByLabel("Passwort").fill("spatz-demo-2026");
  await page.getByRole("button", { name: "Anmelden" }).click();
  await page.waitForURL("**/start");
  return page;
}
const [who, ...paths] = process.argv.slice(2);
const page =
  who === "pmo"
    ? await session("land-sachsen-anhalt", "pmo@land.example")
    : await session("magdeburg", "cdo@magdeburg.example");
for (const p of paths) {
  await page.goto(base + p);
  await page.waitForTimeout(2500);
  await page.screenshot({ path: `/tmp/shots/${who}${p.replace(/\W+/g, "_")}.png`, fullPage: true });
  console.log("shot", p);
}
await browser.close();
