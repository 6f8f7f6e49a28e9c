import { afterAll, describe, expect, it } from 'vitest';
import { type Built, faceMilp, faceWorthSolving, optimalFace, solveExact } from './exact.js';
import { independentCheck, publicInstance, reference } from './fixtures.test-support.js';
import { highs } from './highs.js';
import { type MilpHelperThread, startMilpHelper } from './milp-helper.js';
import { compileModel } from './model.js';
import { Schedule } from './schedule.js';
import { placePinned, solutionOf, solve } from './solve.js';

/** Three columns of two requests; row 0 is request 0's, row 1 a shared principal's slot. */
function tinyModel(): Built {
  return {
    nVars: 3,
    varQ: Int32Array.from([0, 0, 1]),
    varS: Int32Array.from([0, 1, 0]),
    varZ: Int32Array.from([0, 0, 0]),
    offset: 0,
    rowStart: [0, 2, 4],
    rowIndex: [0, 1, 0, 2],
    rowUpper: [1, 1],
  };
}

describe('optimalFace', () => {
  it('keeps what a schedule worth the target may use, by complementary slackness', () => {
    const built = tinyModel();
    const reduced = Float64Array.from([0, -0.4, 0.6]);
    const y = Float64Array.from([0, 0.7]);
    // Bound 10, target 10: nothing to spend. Column 1 is out, column 2 must be 1, row 1 tight.
    const exact = optimalFace(built, reduced, y, 10, 10);
    expect(exact.kept).toEqual([0, 2]);
    expect([...exact.one!]).toEqual([0, 0, 1]);
    expect([...exact.tight!]).toEqual([0, 1]);
    // Target 9.5: 0.5 to spend keeps column 1 and frees column 2; row 1 stays tight.
    const looser = optimalFace(built, reduced, y, 10, 9.5);
    expect(looser.kept).toEqual([0, 1, 2]);
    expect([...looser.one!]).toEqual([0, 0, 1]);
    expect([...looser.tight!]).toEqual([0, 1]);
    // Target 9: every column may be used, none is forced, no row must be tight.
    const loosest = optimalFace(built, reduced, y, 10, 9);
    expect(loosest.kept).toEqual([0, 1, 2]);
    expect([...loosest.one!]).toEqual([0, 0, 0]);
    expect([...loosest.tight!]).toEqual([0, 0]);
  });

  it('is solved for a feasible point only when every point is worth the target', () => {
    const face = { kept: [0, 1, 2] };
    expect(faceWorthSolving(face, 851.0000001, 851)).toBe(true);
    expect(faceWorthSolving(face, 195.5, 195)).toBe(false);
    expect(faceWorthSolving(face, 851, 851, 2)).toBe(false);
  });
});

describe('the face MILP on gccs-1', () => {
  const instance = publicInstance('gccs-1');
  const optimum = reference('gccs-1').bound;
  let helper: MilpHelperThread | null = null;
  afterAll(async () => {
    await helper?.close();
  });

  it('finds a schedule worth the LP bound, which the search alone rarely reaches', () => {
    const model = compileModel(instance);
    const base = new Schedule(model);
    placePinned(model, base, new Uint8Array(model.nRequests));
    const now = () => performance.now();
    const exact = solveExact(model, base, {
      highs: highs!,
      now,
      deadline: now() + 60_000,
      incumbent: base,
      supportMilp: false,
      deferFace: true,
    });
    expect(exact.status).toBe('face MILP deferred');
    expect(exact.bound).toBe(optimum);
    const { y, reduced, bound } = exact.multipliers!;
    const face = optimalFace(exact.built!, reduced, y, bound, optimum);
    expect(faceWorthSolving(face, bound, optimum)).toBe(true);
    // Tight rows and forced columns make it a feasibility problem.
    expect(face.tight!.some((t) => t === 1)).toBe(true);
    const outcome = faceMilp(
      model,
      base,
      exact.built!,
      face,
      {
        highs: highs!,
        now,
        deadline: now() + 60_000,
        incumbent: base,
        seed: 1,
        faceAttemptMs: 20_000,
      },
      optimum,
      now() + 60_000,
    );
    expect(outcome.value).toBe(optimum);
    const report = independentCheck(instance, solutionOf(model, outcome.schedule!));
    expect(report.violations).toEqual([]);
    expect(report.score).toBe(optimum);
  });

  it('solve() proves the optimum with a helper thread trying a second seed', () => {
    helper = startMilpHelper();
    expect(helper).not.toBeNull();
    const result = solve(instance, {
      timeLimitMs: 30_000,
      seed: 1,
      now: () => performance.now(),
      helper,
    });
    expect(result.provenOptimal).toBe(true);
    expect(result.score).toBe(optimum);
    expect(result.stats.exact?.face).toBe(`reached ${optimum}`);
    expect(independentCheck(instance, result.solution).score).toBe(optimum);
  });
});

describe('startMilpHelper', () => {
  it('runs a MILP on its thread and answers null when it is not done in time', async () => {
    const helper = startMilpHelper()!;
    try {
      const h = highs!;
      // max x0 + 2 x1 + 3 x2 with x0 + x1 + x2 ≤ 2, binary: x1 = x2 = 1.
      const data = {
        numCols: 3,
        numRows: 1,
        sense: h.constants.objectiveSense.maximize,
        colCost: Float64Array.from([1, 2, 3]),
        colLower: new Float64Array(3),
        colUpper: Float64Array.from([1, 1, 1]),
        rowLower: Float64Array.from([-h.infinity]),
        rowUpper: Float64Array.from([2]),
        matrix: {
          format: 'csr' as const,
          numRows: 1,
          numCols: 3,
          starts: Int32Array.from([0, 3]),
          indices: Int32Array.from([0, 1, 2]),
          values: Float64Array.from([1, 1, 1]),
        },
        integrality: new Int32Array(3).fill(h.constants.variableType.integer),
      };
      const now = () => performance.now();
      // Nothing started: nothing to wait for.
      expect(helper.result(now, now() + 1000)).toBeNull();
      helper.start(data, { output_flag: false });
      // A deadline already past: not done yet (the thread is still loading HiGHS).
      expect(helper.result(now, now() - 1)).toBeNull();
      helper.start(data, { output_flag: false });
      const run = helper.result(now, now() + 30_000);
      expect(run?.status).toBe(h.constants.modelStatus.optimal);
      expect([...run!.colValue!].map(Math.round)).toEqual([0, 1, 1]);
      // A malformed model is an error on the thread, answered as no result.
      helper.start({ ...data, numCols: 4 }, { output_flag: false });
      expect(helper.result(now, now() + 30_000)).toBeNull();
    } finally {
      await helper.close();
    }
  });
});
