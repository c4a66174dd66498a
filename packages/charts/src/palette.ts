// Colours with at least 3:1 contrast against white (WCAG 2.1 non-text contrast), distinguishable also by line style.
export const PALETTE = {
  actual: "#0b3d6e",
  plan: "#8a4b00",
  target: "#a51d24",
  grid: "#6b7785",
  text: "#1b1f24",
} as const;
