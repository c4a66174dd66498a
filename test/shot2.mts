import { chromium } from "playwright-core";

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu"],
});
const context = await browser.newContext({
  locale: "de-DE",
  timezoneId: "Europe/Berlin",
  baseURL: "http://localhost:3040",
  viewport: { width: 1300, height: 900 },
});
const page = await context.newPage();
const errors: string[] = [];
page.on("console", (m) => {
  if (m.type() === "error" || m.type() === "warning") errors.push(m.text());
});
await page.goto(`/t/halle-saale/anmelden`);
await page.getByLabel("E-Mail-Adresse").fill("leitung@halle-saale.example");
await page.getByLabel("Passwort").fill("spatz-demo-2026");
await page.getByRole("button", { name: "Anmelden" }).click();
await page.waitForURL("**/start");
await page.goto("/reifegrad");
await page.getByLabel("Bereich").selectOption({ label: "\u00a0\u00a0FB 53 – Gesundheitsamt" });
await page.waitForTimeout(2500);
await page.getByLabel("Anzeigen für").selectOption({ label: "Prozessdigitalisierung" });
await page.waitForTimeout(1000);
await page.getByText("Daten als Tabelle: Reifegradentwicklung").click();
await page.screenshot({ path: `/tmp/shots/ga-dash.png`, fullPage: true });
await page.locator(".staircase").first().click();
await page.locator("#history-chart").hover({ position: { x: 300, y: 150 } });
await page.waitForTimeout(500);
await page.screenshot({ path: `/tmp/shots/ga-dash2.png`, fullPage: false });
console.log(errors.join("\n"));
await browser.close();
