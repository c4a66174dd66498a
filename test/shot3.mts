import { chromium } from "playwright-core";

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu"],
});
const login = async (slug: string, email: string) => {
  const context = await browser.newContext({
    locale: "de-DE",
    timezoneId: "Europe/Berlin",
    baseURL: "http://localhost:3040",
    viewport: { width: 1300, height: 900 },
  });
  const page = await context.newPage();
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") console.log("console:", m.text());
  });
  await page.goto(`/t/${slug}/anmelden`);
  await page.getByLabel("E-Mail-Adresse").fill(email);
  await page.getByLabel("Passwort").fill("spatz-demo-2026");
  await page.getByRole("button", { name: "Anmelden" }).click();
  await page.waitForURL("**/start");
  return page;
};
const pl = await login("halle-saale", "projekt@halle-saale.example");
await pl.waitForTimeout(1500);
await pl.screenshot({ path: "/tmp/shots/pl-start.png", fullPage: true });
await pl.getByRole("link", { name: "Digitaler Posteingang im Gesundheitsamt" }).click();
await pl.waitForTimeout(1500);
await pl.screenshot({ path: "/tmp/shots/pl-detail.png", fullPage: true });
const v = await login("landkreis-harz", "team@landkreis-harz.example");
await v.waitForTimeout(2000);
await v.screenshot({ path: "/tmp/shots/viewer-start.png", fullPage: true });
const st = await login("land-sachsen-anhalt", "admin@land.example");
await st.goto("/land/reifegradmodell");
await st.getByRole("button", { name: "Neuen Entwurf anlegen" }).click();
await st.waitForURL("**/land/reifegradmodell/*");
await st.waitForTimeout(1500);
await st.screenshot({ path: "/tmp/shots/state-editor.png", fullPage: false });
await browser.close();
