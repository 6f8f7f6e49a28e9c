import { validate, version } from 'uuid';
import { describe, expect, it } from 'vitest';
import { increasingUuids } from './ids.js';

const increasing = (keys: string[]) => keys.every((key, i) => i === 0 || keys[i - 1]! < key);

describe('increasingUuids', () => {
  it('makes valid version-7 keys, each greater than the one before, in a batch and across batches', () => {
    const first = increasingUuids(10_000);
    const second = increasingUuids(3);
    const keys = [...first, ...second];
    expect(keys).toHaveLength(10_003);
    expect(keys.every((key) => validate(key) && version(key) === 7)).toBe(true);
    expect(increasing(keys)).toBe(true);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('keeps the order when the clock goes back, and carries the time it was given', () => {
    const later = increasingUuids(2, Date.UTC(2030, 0, 1));
    const earlier = increasingUuids(2, Date.UTC(2029, 0, 1));
    expect(increasing([...later, ...earlier])).toBe(true);
    // The first 48 bits are the milliseconds: the later clock's, kept for the earlier batch.
    const msecs = (key: string) => Number.parseInt(key.replaceAll('-', '').slice(0, 12), 16);
    expect(msecs(earlier[1]!)).toBe(Date.UTC(2030, 0, 1));
  });

  it('makes nothing for nothing', () => {
    expect(increasingUuids(0)).toEqual([]);
  });
});
