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
const st = await context.newPage();
st.on("console", (m) => console.log("console:", m.type(), m.text()));
st.on("pageerror", (e) => console.log("pageerror:", e));
await st.goto(`/t/land-sachsen-anhalt/anmelden`);
await st.getByLabel("E-Mail-Adresse").fill("admin@land.example");
await st.getByLabel("Passwort").fill("spatz-demo-2026");
await st.getByRole("button", { name: "Anmelden" }).click();
await st.waitForURL("**/start");
await st.goto("/land/reifegradmodell");
await st.waitForTimeout(1500);
await st.getByRole("link", { name: /Bearbeiten/ }).click();
await st.waitForTimeout(4000);
await st.screenshot({ path: "/tmp/shots/state-editor.png", fullPage: false });
await browser.close();
