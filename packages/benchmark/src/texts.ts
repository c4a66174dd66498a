// German texts the API sends for the benchmark, so that screens and exports say exactly the same.

/** k is the state's setting; the default is 5. */
export const DEFAULT_K = 5;
export const MIN_K = 3;
export const MAX_K = 50;

/** "weniger als 5 Kommunen – nicht ausgewiesen": what a suppressed figure says in the API, the UI and exports. */
export function suppressionText(k: number): string {
  return `weniger als ${k} Kommunen – nicht ausgewiesen`;
}

/** Said instead of a figure that would let others work out fewer than k Kommunen by subtraction. */
export function differencingText(k: number): string {
  return `nicht ausgewiesen, weil sich sonst Werte von weniger als ${k} Kommunen errechnen ließen`;
}

export const INDEX_METRIC = "index";
export const INDEX_LABEL = "Reifegradindex";
