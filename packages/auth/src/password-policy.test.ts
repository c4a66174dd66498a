import { describe, expect, it } from "vitest";
import { passwordProblem } from "./password-policy.ts";

const owner = { email: "jana.schulze@halle.example", displayName: "Jana Schulze" };

describe("new passwords", () => {
  it.each([
    "aaaaaaaaaaaa",
    "123456789012",
    "passwort1234",
    "Sommer2026!!",
    "qwertzuiopü1",
    "spatz-demo-2026",
  ])("refuses the guessable %s with a German reason", (password) => {
    expect(passwordProblem(password, owner)).toMatch(/zu leicht zu erraten/);
  });

  it.each(["jana.schulze@halle.example", "JanaSchulze-2026-sicher", "mein-schulze-passwort-lang"])(
    "refuses %s: it contains the person's name or e-mail address",
    (password) => {
      expect(passwordProblem(password, owner)).toMatch(/Namen oder Ihre E-Mail-Adresse/);
    },
  );

  it.each([
    "Kaffee nach der Stadtratssitzung 2027",
    "grüne Ampel, blaue Brücke, 7 Spatzen",
    "vT8#qL2!mZ9@wR4x",
  ])("accepts %s", (password) => {
    expect(passwordProblem(password, owner)).toBeNull();
  });
});
