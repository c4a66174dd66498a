import { chromium } from "playwright-core";

const [, , slug, email, ...paths] = process.argv;
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
page.on("pageerror", (e) => errors.push(String(e)));
await page.goto(`/t/${slug}/anmelden`);
await page.getByLabel("E-Mail-Adresse").fill(email!);
await page.getByLabel("Passwort").fill("spatz-demo-2026");
await page.getByRole("button", { name: "Anmelden" }).click();
await page.waitForURL("**/start");
for (const p of paths) {
  const [path, name] = p.split("=");
  if (path !== "start") await page.goto(path!);
  await page.waitForTimeout(2500);
  await page.screenshot({ path: `/tmp/shots/${name}.png`, fullPage: true });
}
console.log(errors.join("\n"));
await browser.close();
