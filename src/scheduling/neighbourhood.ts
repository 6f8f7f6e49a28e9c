/**
 * MILP neighbourhoods ("fix and optimise"), chosen by LP projection. Every request but a few
 * keeps its place in the incumbent, at the level of the zone model of exact.ts (start slot and
 * zone), and the few are re-optimised exactly by HiGHS over all their columns, in what the
 * fixed meetings leave of the principals' time and the zones' rooms.
 *
 * The local search stalls where a better schedule needs dozens of coordinated moves (on gccs,
 * the last two points below a tight LP bound take a re-timing of a hub delegation's day). The
 * few to free come from the LP relaxation: among LP solutions worth the target, the one that
 * keeps most of the incumbent differs from it in a few requests; those, with the meetings of
 * their principals close in time, form a sub-MILP of a few hundred columns that HiGHS solves
 * in tens of milliseconds. When the LP bound is tight, every optimal schedule is such an LP
 * solution, which is why the projection points where the missing points are.
 */
import type { Highs } from 'highs';
import { assignRooms, type Built, type LpProjector, zonesOf } from './exact.js';
import type { Model } from './model.js';
import type { Random } from './random.js';
import { Schedule } from './schedule.js';

/** Widening radii (slots) of successive projection attempts. */
const RADII = [0, 1, 2];

/** The zone model by columns: the rows of each column and the columns of each request. */
export interface ZoneColumns {
  /** Rows of column j: colRows[colStart[j] .. colStart[j + 1]). */
  colStart: Int32Array;
  colRows: Int32Array;
  /** Columns of request q: firstColumn[q] .. firstColumn[q + 1] (build() emits them by q). */
  firstColumn: Int32Array;
}

export function zoneColumns(built: Built, nRequests: number): ZoneColumns {
  const { nVars, rowStart, rowIndex } = built;
  const nRows = built.rowUpper.length;
  const colStart = new Int32Array(nVars + 1);
  for (const j of rowIndex) colStart[j + 1]!++;
  for (let j = 0; j < nVars; j++) colStart[j + 1]! += colStart[j]!;
  const colRows = new Int32Array(rowIndex.length);
  const fill = colStart.slice(0, nVars);
  for (let i = 0; i < nRows; i++) {
    for (let k = rowStart[i]!; k < rowStart[i + 1]!; k++) colRows[fill[rowIndex[k]!]!++] = i;
  }
  const firstColumn = new Int32Array(nRequests + 1);
  for (let j = 0; j < nVars; j++) firstColumn[built.varQ[j]! + 1]!++;
  for (let q = 0; q < nRequests; q++) firstColumn[q + 1]! += firstColumn[q]!;
  return { colStart, colRows, firstColumn };
}

/** The zone-model column of each request's meeting in `schedule`; -1 when it has none. */
export function placedColumns(
  model: Model,
  built: Built,
  columns: ZoneColumns,
  schedule: Schedule,
): Int32Array {
  const zone = zonesOf(model).zone;
  const placed = new Int32Array(model.nRequests).fill(-1);
  for (let q = 0; q < model.nRequests; q++) {
    const r = schedule.room[q]!;
    if (r < 0) continue;
    for (let j = columns.firstColumn[q]!; j < columns.firstColumn[q + 1]!; j++) {
      if (built.varS[j] === schedule.start[q] && built.varZ[j] === zone[r]) {
        placed[q] = j;
        break;
      }
    }
  }
  return placed;
}

/** A sub-MILP: the columns the free requests may take and the rows that can still bind. */
export interface SubProblem {
  /** Zone-model columns; the rows below index into this list. */
  columns: number[];
  rowStart: number[];
  rowIndex: number[];
  /** What is left of each row's bound once the fixed meetings are counted. */
  rowUpper: number[];
}

/**
 * The sub-MILP of the requests marked in `free` when every other request keeps the column in
 * `placed`: each column of a free request whose rows all have room left, and each row that
 * those columns could still overfill, with the room left as its bound.
 */
export function subProblem(
  built: Built,
  columns: ZoneColumns,
  placed: Int32Array,
  free: Uint8Array,
): SubProblem {
  const { colStart, colRows, firstColumn } = columns;
  const nRequests = placed.length;
  const residual = Int32Array.from(built.rowUpper);
  for (let q = 0; q < nRequests; q++) {
    const j = placed[q]!;
    if (free[q] || j < 0) continue;
    for (let e = colStart[j]!; e < colStart[j + 1]!; e++) residual[colRows[e]!]!--;
  }
  const out: number[] = [];
  const local = new Map<number, number>();
  const count = new Map<number, number>();
  for (let q = 0; q < nRequests; q++) {
    if (!free[q]) continue;
    for (let j = firstColumn[q]!; j < firstColumn[q + 1]!; j++) {
      let fits = true;
      for (let e = colStart[j]!; e < colStart[j + 1]! && fits; e++) {
        fits = residual[colRows[e]!]! >= 1;
      }
      if (!fits) continue;
      local.set(j, out.length);
      out.push(j);
      for (let e = colStart[j]!; e < colStart[j + 1]!; e++) {
        const i = colRows[e]!;
        count.set(i, (count.get(i) ?? 0) + 1);
      }
    }
  }
  const rowStart: number[] = [0];
  const rowIndex: number[] = [];
  const rowUpper: number[] = [];
  const rows = [...count.keys()].sort((a, b) => a - b);
  for (const i of rows) {
    if (count.get(i)! <= residual[i]!) continue; // cannot bind
    for (let k = built.rowStart[i]!; k < built.rowStart[i + 1]!; k++) {
      const c = local.get(built.rowIndex[k]!);
      if (c !== undefined) rowIndex.push(c);
    }
    rowStart.push(rowIndex.length);
    rowUpper.push(residual[i]!);
  }
  return { columns: out, rowStart, rowIndex, rowUpper };
}

/** What one sub-MILP needs. */
export interface SubMilpOptions {
  highs: Highs;
  now: () => number;
  /** A running sub-MILP is interrupted here. */
  deadline: number;
  /** The score sought: the sub-MILP stops once the whole schedule would reach it. */
  target: number;
  /** Requests that must stay where they are (pinned). */
  frozen: Uint8Array;
  /** Branch-and-bound node limit. */
  maxNodes: number;
}

/** Solves one neighbourhood; returns a better complete schedule, or null. */
export function solveNeighbourhood(
  model: Model,
  built: Built,
  columns: ZoneColumns,
  schedule: Schedule,
  placed: Int32Array,
  free: Uint8Array,
  options: SubMilpOptions,
): Schedule | null {
  const { highs } = options;
  const sub = subProblem(built, columns, placed, free);
  const nCols = sub.columns.length;
  if (nCols === 0) return null;
  let freeValue = 0;
  for (let q = 0; q < model.nRequests; q++) {
    if (free[q] && placed[q]! >= 0) freeValue += model.priority[q]!;
  }
  const goal = options.target - (schedule.score - freeValue);
  const nRows = sub.rowUpper.length;
  const cost = Float64Array.from(sub.columns, (j) => model.priority[built.varQ[j]!]!);
  const start = Float64Array.from(sub.columns, (j) => (placed[built.varQ[j]!] === j ? 1 : 0));
  const milp = highs.createModel({
    numCols: nCols,
    numRows: nRows,
    sense: highs.constants.objectiveSense.maximize,
    offset: 0,
    colCost: cost,
    colLower: new Float64Array(nCols),
    colUpper: new Float64Array(nCols).fill(1),
    rowLower: new Float64Array(nRows).fill(-highs.infinity),
    rowUpper: Float64Array.from(sub.rowUpper),
    matrix: {
      format: 'csr',
      numRows: nRows,
      numCols: nCols,
      starts: Int32Array.from(sub.rowStart),
      indices: Int32Array.from(sub.rowIndex),
      values: new Float64Array(sub.rowIndex.length).fill(1),
    },
    integrality: new Int32Array(nCols).fill(highs.constants.variableType.integer),
  });
  let values: Float64Array | undefined;
  try {
    milp.options.set({
      output_flag: false,
      mip_rel_gap: 0,
      mip_abs_gap: 0.999,
      mip_detect_symmetry: false,
      mip_max_nodes: options.maxNodes,
      time_limit: Math.max(0.01, (options.deadline - options.now()) / 1000),
      random_seed: 0,
      // These sub-MILPs spend most of their time separating thousands of cuts at the root
      // and restarting; a small cut pool and no restarts cut the time of the gccs ones by
      // about a third (measured on ten of them).
      mip_pool_soft_limit: 100,
      mip_allow_restart: false,
    });
    milp.setSolution({ colValue: start });
    const cb = highs.constants.callbackType;
    milp.run({
      [cb.mipInterrupt](event) {
        if (options.now() >= options.deadline) event.interrupt();
        const primal = event.data.mip_primal_bound;
        if (primal !== undefined && primal >= goal - 1e-6) event.interrupt();
      },
    });
    const solution = milp.getSolution();
    if (solution.colValue.length === nCols) values = Float64Array.from(solution.colValue);
  } finally {
    milp.dispose();
  }
  if (!values) return null;
  let value = 0;
  const moved: { q: number; s: number; z: number }[] = [];
  for (let c = 0; c < nCols; c++) {
    if (values[c]! <= 0.5) continue;
    const j = sub.columns[c]!;
    value += cost[c]!;
    moved.push({ q: built.varQ[j]!, s: built.varS[j]!, z: built.varZ[j]! });
  }
  if (value <= freeValue) return null;
  // Rooms: the free meetings into what the fixed ones leave; failing that, all afresh.
  const base = new Schedule(model);
  base.copyFrom(schedule);
  for (let q = 0; q < model.nRequests; q++) if (free[q]) base.remove(q);
  const placedFree = assignRooms(model, base, moved, 20_000);
  if (placedFree) return placedFree;
  const all = [...moved];
  for (let q = 0; q < model.nRequests; q++) {
    if (free[q] || options.frozen[q]) continue;
    const j = placed[q]!;
    if (j >= 0) all.push({ q, s: built.varS[j]!, z: built.varZ[j]! });
    base.remove(q);
  }
  return assignRooms(model, base, all, 50_000);
}

export interface ProjectionOptions {
  highs: Highs;
  now: () => number;
  deadline: number;
  random: Random;
  /** The score sought (a proven upper bound): LP solutions worth this much are projected. */
  target: number;
  frozen: Uint8Array;
  /** Projections to try; after the first, the incumbent's columns get random weights. */
  attempts: number;
  maxNodes: number;
  /** Called with each projected LP solution (to steer the search by it). */
  onProjection?: (values: Float64Array) => void;
}

/**
 * Improves `schedule` by LP projection: the LP solution worth `target` that keeps most of
 * the schedule differs from it in a few requests, and those, freed, form a sub-MILP that
 * often holds a better schedule (when the LP bound is tight, every optimal schedule is such
 * an LP solution). Returns true when the schedule improved.
 */
export function improveByProjection(
  model: Model,
  built: Built,
  columns: ZoneColumns,
  projector: LpProjector,
  schedule: Schedule,
  options: ProjectionOptions,
): boolean {
  const { random, frozen } = options;
  const { firstColumn } = columns;
  const weight = new Float64Array(built.nVars);
  const free = new Uint8Array(model.nRequests);
  for (let attempt = 0; attempt < options.attempts; attempt++) {
    if (options.now() >= options.deadline || schedule.score >= options.target) return false;
    const placed = placedColumns(model, built, columns, schedule);
    for (let j = 0; j < built.nVars; j++)
      weight[j] = attempt === 0 ? 1 : 0.25 + 1.5 * random.next();
    const values = projector.project(placed, options.target, (j) => weight[j]!, options.deadline);
    if (!values) return false;
    options.onProjection?.(values);
    const core: number[] = [];
    for (let q = 0; q < model.nRequests; q++) {
      if (frozen[q]) continue;
      for (let j = firstColumn[q]!; j < firstColumn[q + 1]!; j++) {
        if (Math.abs(values[j]! - (placed[q] === j ? 1 : 0)) > 1e-6) {
          core.push(q);
          break;
        }
      }
    }
    const radius = RADII[attempt % RADII.length]!;
    if (radius > 0) widen(model, built, columns, schedule, placed, values, core, radius, frozen);
    let improved = false;
    for (const cluster of clusters(model, built, columns, placed, values, core)) {
      if (options.now() >= options.deadline || schedule.score >= options.target) break;
      // Earlier groups may have moved meetings: fix the rest where they are now.
      const current = placedColumns(model, built, columns, schedule);
      free.fill(0);
      for (const q of cluster) free[q] = 1;
      const better = solveNeighbourhood(model, built, columns, schedule, current, free, options);
      if (better && better.score > schedule.score) {
        schedule.copyFrom(better);
        improved = true;
      }
    }
    if (improved) return true;
  }
  return false;
}

/**
 * Splits the requests in `core` into groups that touch the same principal on the same day
 * (in the schedule or in the LP solution), largest first: each group is a sub-MILP of its
 * own, smaller and faster than one over all of them.
 */
export function clusters(
  model: Model,
  built: Built,
  columns: ZoneColumns,
  placed: Int32Array,
  values: Float64Array,
  core: number[],
): number[][] {
  const parent = new Map<number, number>();
  const find = (q: number): number => {
    let root = q;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(q, root);
    return root;
  };
  for (const q of core) parent.set(q, q);
  const owner = new Map<number, number>();
  for (const q of core) {
    for (let j = columns.firstColumn[q]!; j < columns.firstColumn[q + 1]!; j++) {
      if (placed[q] !== j && values[j]! <= 1e-6) continue;
      const day = model.dayStart[built.varS[j]!]!;
      for (let p = model.partyStart[q]!; p < model.partyStart[q + 1]!; p++) {
        const key = model.partyList[p]! * model.nSlots + day;
        const other = owner.get(key);
        if (other === undefined) owner.set(key, q);
        else parent.set(find(q), find(other));
      }
    }
  }
  const groups = new Map<number, number[]>();
  for (const q of core) {
    const root = find(q);
    const group = groups.get(root);
    if (group) group.push(q);
    else groups.set(root, [q]);
  }
  return [...groups.values()].sort((a, b) => b.length - a.length || a[0]! - b[0]!);
}

/**
 * Adds to `core` the scheduled requests whose principals are busy within `radius` slots of
 * where a core request is or where the LP puts it: what has to move for the LP's changes
 * to become whole meetings.
 */
export function widen(
  model: Model,
  built: Built,
  columns: ZoneColumns,
  schedule: Schedule,
  placed: Int32Array,
  values: Float64Array,
  core: number[],
  radius: number,
  frozen: Uint8Array,
): void {
  const n = model.nSlots;
  const near = new Uint8Array(model.nDelegations * n);
  const inCore = new Uint8Array(model.nRequests);
  for (const q of core) {
    inCore[q] = 1;
    for (let j = columns.firstColumn[q]!; j < columns.firstColumn[q + 1]!; j++) {
      if (placed[q] !== j && values[j]! <= 1e-6) continue;
      const s = built.varS[j]!;
      const from = Math.max(model.dayStart[s]!, s - radius);
      const to = Math.min(model.dayEnd[s]!, s + model.length[q]! - 1 + radius);
      for (let p = model.partyStart[q]!; p < model.partyStart[q + 1]!; p++) {
        const base = model.partyList[p]! * n;
        for (let t = from; t <= to; t++) near[base + t] = 1;
      }
    }
  }
  for (let q = 0; q < model.nRequests; q++) {
    if (inCore[q] || frozen[q] || placed[q]! < 0) continue;
    const s = schedule.start[q]!;
    const end = s + model.length[q]! - 1;
    let hit = false;
    for (let p = model.partyStart[q]!; p < model.partyStart[q + 1]! && !hit; p++) {
      const base = model.partyList[p]! * n;
      for (let t = s; t <= end && !hit; t++) hit = near[base + t] === 1;
    }
    if (hit) core.push(q);
  }
}
