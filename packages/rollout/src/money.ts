/**
 * Integer money helpers. Amounts are integer cents; intermediate products are BigInt so that no floating-point
 * drift can occur, and rounding happens only where a caller asks for it.
 */

/** n / d rounded half up (kaufmännisch), for n ≥ 0 and d > 0. */
export function divRoundHalfUp(n: bigint, d: bigint): bigint {
  if (d <= 0n) throw new RangeError("Divisor muss positiv sein");
  if (n < 0n) throw new RangeError("Nur nicht negative Beträge werden gerundet");
  return (2n * n + d) / (2n * d);
}

/** Converts a BigInt amount back to a number, refusing values beyond the safe integer range. */
export function toSafeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER))
    throw new RangeError("Betrag liegt außerhalb des sicher darstellbaren Bereichs");
  return Number(value);
}

/**
 * Splits `total` (integer, ≥ 0) into parts proportional to `weights` (integers, ≥ 0) so that the parts add up to
 * exactly `total` (largest remainder method, Hare–Niemeyer): every part gets floor(total × w / W); the cents left
 * over go one each to the largest remainders. Ties are broken by `tieKeys` (ascending, code-unit order), then by
 * position — so the result does not depend on the order of the input when keys are given.
 *
 * With all weights 0, `total` must be 0 (every part 0).
 */
export function allocateLargestRemainder(
  total: bigint,
  weights: readonly bigint[],
  tieKeys?: readonly string[],
): bigint[] {
  if (total < 0n) throw new RangeError("Der aufzuteilende Betrag darf nicht negativ sein");
  if (weights.some((w) => w < 0n)) throw new RangeError("Gewichte dürfen nicht negativ sein");
  const sum = weights.reduce((a, b) => a + b, 0n);
  if (sum === 0n) {
    if (total === 0n) return weights.map(() => 0n);
    throw new RangeError("Die Summe der Gewichte ist 0 – der Betrag kann nicht aufgeteilt werden");
  }
  const parts = weights.map((w) => (total * w) / sum);
  const remainders = weights.map((w) => (total * w) % sum);
  let left = total - parts.reduce((a, b) => a + b, 0n);
  const order = weights.map((_, i) => i);
  order.sort((a, b) => {
    const ra = remainders[a]!;
    const rb = remainders[b]!;
    if (ra !== rb) return ra > rb ? -1 : 1;
    const ka = tieKeys?.[a] ?? "";
    const kb = tieKeys?.[b] ?? "";
    if (ka !== kb) return ka < kb ? -1 : 1;
    return a - b;
  });
  for (const i of order) {
    if (left === 0n) break;
    parts[i] = parts[i]! + 1n;
    left--;
  }
  return parts;
}
