// argon2id password hashing with the OWASP-recommended minimum parameters (19 MiB, 2 passes, 1 lane).
import { hash, verify } from "@node-rs/argon2";

const PARAMS = { algorithm: 2 /* Argon2id */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, PARAMS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | null = null;
/** Spends the same time as a real check, so an unknown account cannot be told apart from a wrong password. */
export async function burnPasswordCheck(password: string): Promise<false> {
  dummyHash ??= hashPassword("spatz-timing-equaliser");
  await verifyPassword(await dummyHash, password);
  return false;
}
