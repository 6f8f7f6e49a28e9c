import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random token that cannot be guessed: 256 bits, base64url. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Tokens are stored only as hashes, so a copy of the database signs nobody in. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export function hmac(key: Buffer, message: string, bytes = 16): string {
  return createHmac('sha256', key)
    .update(message)
    .digest()
    .subarray(0, bytes)
    .toString('base64url');
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
