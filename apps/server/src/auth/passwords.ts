import { hash, verify } from '@node-rs/argon2';

// @node-rs/argon2 hashes with argon2id by default (RFC 9106's recommendation); its
// defaults (19 MiB, 2 passes) follow OWASP's minimum for argon2id.
export const hashPassword = (password: string): Promise<string> => hash(password);

/** A hash of nothing anyone knows, verified when the email is unknown so both paths take as long. */
let decoy: Promise<string> | undefined;

export async function verifyPassword(
  passwordHash: string | undefined,
  password: string,
): Promise<boolean> {
  if (!passwordHash) {
    decoy ??= hash('decoy-password-for-timing');
    await verify(await decoy, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}
