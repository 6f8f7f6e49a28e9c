/**
 * The code on a badge: the participant, the badge's serial (a re-issued badge voids the old one)
 * and an HMAC-SHA256 tag under the installation's key, so that a code cannot be guessed or forged.
 * Format: `PL1.<participant uuid, 32 hex>.<serial>.<tag, 22 base64url chars>`.
 */
import { hmac, safeEqual } from '../../platform/tokens.js';

const PREFIX = 'PL1';

export function signBadgeCode(key: Buffer, participantId: string, serial: number): string {
  const id = participantId.replace(/-/g, '').toLowerCase();
  const body = `${PREFIX}.${id}.${serial}`;
  return `${body}.${hmac(key, body)}`;
}

export function verifyBadgeCode(
  key: Buffer,
  code: string,
): { participantId: string; serial: number } | null {
  const parts = code.trim().split('.');
  if (parts.length !== 4) return null;
  const [prefix, id, serialText, tag] = parts as [string, string, string, string];
  if (prefix !== PREFIX || !/^[0-9a-f]{32}$/.test(id) || !/^[1-9][0-9]{0,8}$/.test(serialText)) {
    return null;
  }
  if (!safeEqual(hmac(key, `${prefix}.${id}.${serialText}`), tag)) return null;
  const participantId = `${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(16, 20)}-${id.slice(20)}`;
  return { participantId, serial: Number(serialText) };
}
