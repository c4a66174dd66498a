// Random identifiers and secrets, and their SHA-256 hashes (only hashes are stored).
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

const ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789"; // 32 symbols, no look-alikes

/** `bytes` random bytes as lower-case base32: 15 bytes → 24 characters, 120 bits. */
export function randomToken(bytes: number): string {
  const data = randomBytes(bytes);
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of data) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

export function sha256(text: string): Uint8Array {
  return new Uint8Array(createHash("sha256").update(text).digest());
}

export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
