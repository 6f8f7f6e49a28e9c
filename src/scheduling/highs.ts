/**
 * HiGHS (the `highs` package: HiGHS compiled to WebAssembly, single-threaded), loaded once
 * when this module is first imported. Its solves are synchronous, so `solve()` stays
 * synchronous; if the package is missing or fails to load, the solver runs without its
 * exact route (the local search and the Lagrangian bound still work).
 */
import type { Highs } from 'highs';

async function load(): Promise<Highs | null> {
  if (process.env.PLENARY_NO_HIGHS === '1') return null;
  try {
    const loadHighs = (await import('highs')).default as unknown as () => Promise<Highs>;
    return await loadHighs();
  } catch {
    return null;
  }
}

export const highs: Highs | null = await load();
