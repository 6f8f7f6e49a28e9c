/**
 * The MILP neighbourhoods: the zone model by columns, what a sub-MILP keeps when most
 * requests stay where they are, how freed requests are grouped and widened, and that an LP
 * projection turns a locally stuck schedule into the optimum.
 */
import { describe, expect, it } from 'vitest';
import { build, solveExact } from './exact.js';
import { independentCheck } from './fixtures.test-support.js';
import { highs } from './highs.js';
import { compileModel, type Model } from './model.js';
import {
  clusters,
  improveByProjection,
  placedColumns,
  subProblem,
  widen,
  zoneColumns,
} from './neighbourhood.js';
import { createRandom } from './random.js';
import { Schedule } from './schedule.js';
import { placePinned, solutionOf } from './solve.js';
import { anInstance } from './test-support.js';
import type { BilateralInstance } from './types.js';

function setUp(instance: BilateralInstance) {
  const model = compileModel(instance);
  const built = build(model, 1e6)!;
  const columns = zoneColumns(built, model.nRequests);
  return { model, built, columns };
}

const q = (model: Model, id: string): number => model.requestIndex.get(id)!;
const slot = (model: Model, id: string): number => model.slotIndex.get(id)!;
const room = (model: Model, id: string): number => model.roomIndex.get(id)!;

/** One room, two slots: JPN-KOR holds the only slot KOR-USA can use. */
const crowded = () =>
  anInstance()
    .days(1, 2)
    .room('A', 6)
    .delegations('JPN', 'KOR', 'USA', 'CHN')
    .meeting('JPN-KOR', 1)
    .meeting('KOR-USA', 2, { window: ['d1-s1', 'd1-s1'] })
    .meeting('JPN-CHN', 2, { window: ['d1-s0', 'd1-s0'] })
    .build();

describe('zone model by columns', () => {
  it('lists each column under exactly the rows that contain it, and columns by request', () => {
    const { model, built, columns } = setUp(crowded());
    for (let j = 0; j < built.nVars; j++) {
      const rows = [...columns.colRows.subarray(columns.colStart[j], columns.colStart[j + 1])];
      const expected: number[] = [];
      for (let i = 0; i < built.rowUpper.length; i++) {
        if (built.rowIndex.slice(built.rowStart[i], built.rowStart[i + 1]).includes(j)) {
          expected.push(i);
        }
      }
      expect(rows).toEqual(expected);
    }
    for (let r = 0; r < model.nRequests; r++) {
      for (let j = columns.firstColumn[r]!; j < columns.firstColumn[r + 1]!; j++) {
        expect(built.varQ[j]).toBe(r);
      }
    }
    expect(columns.firstColumn[model.nRequests]).toBe(built.nVars);
  });

  it('finds the column of each placed meeting, and none for the unscheduled', () => {
    const { model, built, columns } = setUp(crowded());
    const schedule = new Schedule(model);
    schedule.place(q(model, 'JPN-KOR'), room(model, 'A'), slot(model, 'd1-s1'));
    const placed = placedColumns(model, built, columns, schedule);
    const j = placed[q(model, 'JPN-KOR')]!;
    expect(built.varQ[j]).toBe(q(model, 'JPN-KOR'));
    expect(built.varS[j]).toBe(slot(model, 'd1-s1'));
    expect(placed[q(model, 'KOR-USA')]).toBe(-1);
  });
});

describe('subProblem', () => {
  it('keeps only the columns that fit beside the fixed meetings', () => {
    const { model, built, columns } = setUp(crowded());
    const schedule = new Schedule(model);
    schedule.place(q(model, 'JPN-KOR'), room(model, 'A'), slot(model, 'd1-s1'));
    const placed = placedColumns(model, built, columns, schedule);
    const free = new Uint8Array(model.nRequests);
    free[q(model, 'KOR-USA')] = 1;
    free[q(model, 'JPN-CHN')] = 1;
    const sub = subProblem(built, columns, placed, free);
    // KOR-USA's only start is taken by the fixed JPN-KOR (room and KOR); JPN-CHN's is free.
    expect(sub.columns.map((j) => model.requestIds[built.varQ[j]!])).toEqual(['JPN-CHN']);
    expect(sub.rowUpper).toEqual([]);
  });

  it('bounds shared rows by what the fixed meetings leave', () => {
    const { model, built, columns } = setUp(crowded());
    const placed = placedColumns(model, built, columns, new Schedule(model));
    const free = new Uint8Array(model.nRequests).fill(1);
    const sub = subProblem(built, columns, placed, free);
    expect(sub.columns.length).toBe(4); // JPN-KOR twice, KOR-USA once, JPN-CHN once
    // Every row left can bind: more of its columns than its bound.
    for (let i = 0; i < sub.rowUpper.length; i++) {
      expect(sub.rowStart[i + 1]! - sub.rowStart[i]!).toBeGreaterThan(sub.rowUpper[i]!);
    }
  });
});

describe('clusters and widen', () => {
  const twoDays = () =>
    anInstance()
      .days(2, 3)
      .room('A', 6)
      .room('B', 6)
      .delegations('JPN', 'KOR', 'USA', 'CHN', 'FRA', 'DEU')
      .meeting('JPN-KOR', 1, { window: ['d1-s0', 'd1-s2'] })
      .meeting('JPN-USA', 1, { window: ['d1-s0', 'd1-s2'] })
      .meeting('JPN-CHN', 1, { window: ['d2-s0', 'd2-s2'] })
      .meeting('FRA-DEU', 1, { window: ['d1-s0', 'd1-s2'] })
      .meeting('KOR-FRA', 1, { window: ['d1-s2', 'd1-s2'] })
      .build();

  it('groups requests that meet the same principal on the same day', () => {
    const { model, built, columns } = setUp(twoDays());
    const schedule = new Schedule(model);
    schedule.place(q(model, 'JPN-KOR'), room(model, 'A'), slot(model, 'd1-s0'));
    schedule.place(q(model, 'JPN-USA'), room(model, 'A'), slot(model, 'd1-s1'));
    schedule.place(q(model, 'JPN-CHN'), room(model, 'A'), slot(model, 'd2-s0'));
    schedule.place(q(model, 'FRA-DEU'), room(model, 'B'), slot(model, 'd1-s0'));
    const placed = placedColumns(model, built, columns, schedule);
    const values = new Float64Array(built.nVars);
    const core = ['JPN-KOR', 'JPN-USA', 'JPN-CHN', 'FRA-DEU'].map((id) => q(model, id));
    const groups = clusters(model, built, columns, placed, values, core);
    const named = groups.map((g) => g.map((r) => model.requestIds[r]).sort());
    expect(named).toEqual([['JPN-KOR', 'JPN-USA'], ['JPN-CHN'], ['FRA-DEU']]);
  });

  it('widens a core by the meetings of its principals close in time', () => {
    const { model, built, columns } = setUp(twoDays());
    const schedule = new Schedule(model);
    schedule.place(q(model, 'JPN-KOR'), room(model, 'A'), slot(model, 'd1-s0'));
    schedule.place(q(model, 'JPN-USA'), room(model, 'A'), slot(model, 'd1-s2'));
    schedule.place(q(model, 'JPN-CHN'), room(model, 'A'), slot(model, 'd2-s0'));
    schedule.place(q(model, 'FRA-DEU'), room(model, 'B'), slot(model, 'd1-s0'));
    const placed = placedColumns(model, built, columns, schedule);
    const values = new Float64Array(built.nVars);
    const frozen = new Uint8Array(model.nRequests);
    const names = (core: number[]) => core.map((r) => model.requestIds[r]).sort();
    const near = [q(model, 'JPN-KOR')];
    widen(model, built, columns, schedule, placed, values, near, 1, frozen);
    expect(names(near)).toEqual(['JPN-KOR']); // JPN-USA is two slots away; CHN the next day
    const wider = [q(model, 'JPN-KOR')];
    widen(model, built, columns, schedule, placed, values, wider, 2, frozen);
    expect(names(wider)).toEqual(['JPN-KOR', 'JPN-USA']);
  });
});

describe('improveByProjection', () => {
  it('moves a schedule stuck below a tight LP bound to the optimum', () => {
    const instance = crowded();
    const model = compileModel(instance);
    const frozen = new Uint8Array(model.nRequests);
    const base = new Schedule(model);
    placePinned(model, base, frozen);
    // Stuck: JPN-KOR sits in the slot KOR-USA needs (score 3; the optimum is 4).
    const schedule = new Schedule(model);
    schedule.copyFrom(base);
    schedule.place(q(model, 'JPN-CHN'), room(model, 'A'), slot(model, 'd1-s0'));
    schedule.place(q(model, 'JPN-KOR'), room(model, 'A'), slot(model, 'd1-s1'));
    let t = 0;
    const now = () => t++;
    const exact = solveExact(model, base, {
      highs: highs!,
      now,
      deadline: 1e12,
      incumbent: base,
      keepLp: true,
      supportMilp: false,
    });
    expect(exact.bound).toBe(4);
    try {
      const improved = improveByProjection(
        model,
        exact.built!,
        zoneColumns(exact.built!, model.nRequests),
        exact.projector!,
        schedule,
        {
          highs: highs!,
          now,
          deadline: 1e12,
          random: createRandom(1),
          target: 4,
          frozen,
          attempts: 2,
          maxNodes: 100,
        },
      );
      expect(improved).toBe(true);
    } finally {
      exact.projector!.dispose();
    }
    expect(schedule.score).toBe(4);
    const report = independentCheck(instance, solutionOf(model, schedule));
    expect(report.violations).toEqual([]);
    expect(report.score).toBe(4);
  });
});
