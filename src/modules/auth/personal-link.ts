// Personal questionnaire links: 256 random bits, only their SHA-256 is stored, so a leaked
// database does not leak working links. Looking up by hash also avoids timing leaks.
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/client.ts';

export type LinkHolder = { edition: number; municipalityCode: string };

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/** Creates the invitation if needed and a fresh token; prints-once: the token is not kept. */
export async function createPersonalLink(db: Db, edition: number, municipalityCode: string): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.tx(async (tx) => {
    await tx.query(
      'INSERT INTO invitations (edition, municipality_code) VALUES ($1, $2) ON CONFLICT DO NOTHING',
      [edition, municipalityCode],
    );
    await tx.query('INSERT INTO personal_links (token_hash, edition, municipality_code) VALUES ($1, $2, $3)', [
      hashToken(token), edition, municipalityCode,
    ]);
  });
  return token;
}

/** Only well-formed tokens are looked up (a cheap filter against junk). */
export function isTokenShaped(token: string): boolean {
  return TOKEN_SHAPE.test(token);
}

export async function resolvePersonalLink(db: Db, token: string): Promise<LinkHolder | undefined> {
  if (!TOKEN_SHAPE.test(token)) return undefined;
  return db.one<LinkHolder>(
    'SELECT edition, municipality_code AS "municipalityCode" FROM personal_links WHERE token_hash = $1',
    [hashToken(token)],
  );
}

export function personalLinkUrl(baseUrl: string, token: string): string {
  return `${baseUrl}/v/${token}`;
}
