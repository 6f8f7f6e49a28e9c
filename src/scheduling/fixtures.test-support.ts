/**
 * Test-only access to the shared folder: the public instances, the reference scores and the
 * independent checker check.mjs (loaded at run time, as the JavaScript file it is).
 * The folder is ../shared/bilaterals beside the repository, or PLENARY_BILATERALS_DIR.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BilateralInstance, BilateralSolution } from './types.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const bilateralsDir =
  process.env.PLENARY_BILATERALS_DIR ?? path.resolve(repoRoot, '../shared/bilaterals');

export interface CheckReport {
  feasible: boolean;
  score: number;
  scheduled: number;
  requests: number;
  maxScore: number;
  violations: { rule: number; message: string }[];
}

interface CheckerModule {
  check(instance: unknown, solution: unknown): CheckReport;
}

const checker = (await import(
  pathToFileURL(path.join(bilateralsDir, 'check.mjs')).href
)) as CheckerModule;

/** The independent checker's verdict (throws its FormatError on malformed input). */
export function independentCheck(
  instance: BilateralInstance,
  solution: BilateralSolution,
): CheckReport {
  return checker.check(instance, solution);
}

export function publicInstance(name: string): BilateralInstance {
  const file = path.join(bilateralsDir, 'instances', `${name}.json`);
  return JSON.parse(readFileSync(file, 'utf8')) as BilateralInstance;
}

export function reference(name: string): { best: number; bound: number; greedy: number } {
  const all = JSON.parse(readFileSync(path.join(bilateralsDir, 'reference.json'), 'utf8'));
  return all.instances[name];
}
