/**
 * The exact route: a compact MILP on a zone-aggregated model, solved by HiGHS (WebAssembly),
 * giving a proven upper bound and, usually, a schedule that reaches it.
 *
 * Variables x[q, s, z]: request q starts at slot s in a room of zone z (at most one per q).
 * Rooms within a zone
 * are not told apart: which room a meeting gets is decided after the solve. That removes
 * the symmetry between interchangeable rooms (the main reason a plain room-indexed MILP is
 * slow) and shrinks the model by the number of rooms per zone. Rows:
 *
 * - delegation cliques: a principal attends at most one meeting in any slot;
 * - nested room counts per zone, slot and seat threshold c: the meetings in zone z at slot t
 *   that need at least c seats are at most the rooms of z free at t with at least c seats.
 *   The rooms a meeting may use at t form a chain (ordered by seats), so by Hall's theorem
 *   these counts are exactly the condition for a one-slot assignment to exist;
 * - transfer cliques (transferSlots g > 0): for a principal, slot t, zone z and k = 1..g, the
 *   meetings in zone z covering t and the meetings in other zones covering t + k are pairwise
 *   incompatible (they overlap or leave fewer than g free slots between them), so at most
 *   one is held. Every violation of rule 6 is one of these pairs, so the rows are exact.
 *
 * Pinned meetings are fixed beforehand: their rooms and principals are taken out of the
 * model, and starts that would break rule 6 against them are not generated.
 *
 * The model is exact for one-slot meetings; a meeting of several slots must also keep one
 * room throughout, which the per-slot counts do not see. So the MILP optimum is an upper
 * bound; the schedule is realised by assigning rooms zone by zone (a small backtracking
 * search), and when that succeeds the MILP optimum is attained and proven optimal.
 */
import type { Highs, ModelData } from 'highs';
import type { Model } from './model.js';
import { Schedule } from './schedule.js';

export interface Built {
  nVars: number;
  varQ: Int32Array;
  varS: Int32Array;
  varZ: Int32Array;
  /** Sum of pinned priorities: the constant part of the objective. */
  offset: number;
  rowStart: number[];
  rowIndex: number[];
  rowUpper: number[];
}

/** Zone of each room, renumbered 0..nZones-1, and the number of zones. */
export function zonesOf(model: Model): { zone: Int32Array; nZones: number } {
  const map = new Map<number, number>();
  const zone = new Int32Array(model.nRooms);
  for (let r = 0; r < model.nRooms; r++) {
    const z = model.roomZone[r]!;
    if (!map.has(z)) map.set(z, map.size);
    zone[r] = map.get(z)!;
  }
  return { zone, nZones: map.size };
}

/** Builds the aggregated MILP; returns null when it would exceed maxVariables. */
export function build(model: Model, maxVariables: number): Built | null {
  const { nSlots: n, nRooms, nDelegations, nRequests } = model;
  const g = model.transferSlots;
  const { zone, nZones } = zonesOf(model);

  // Resources taken by pinned meetings.
  const roomBusy = new Uint8Array(nRooms * n);
  const delegationBusy = new Uint8Array(nDelegations * n);
  /** Zone of a pinned meeting each principal attends per slot, -1 when none. */
  const pinnedZoneAt = new Int32Array(nDelegations * n).fill(-1);
  let offset = 0;
  for (let q = 0; q < nRequests; q++) {
    const r = model.pinnedRoom[q]!;
    if (r < 0) continue;
    offset += model.priority[q]!;
    const s = model.pinnedStart[q]!;
    const end = s + model.length[q]! - 1;
    for (let t = s; t <= end; t++) {
      roomBusy[r * n + t] = 1;
      for (let p = model.partyStart[q]!; p < model.partyStart[q + 1]!; p++) {
        const d = model.partyList[p]!;
        delegationBusy[d * n + t] = 1;
        pinnedZoneAt[d * n + t] = zone[r]!;
      }
    }
  }
  const roomOpen = (r: number, t: number): boolean =>
    !model.roomUnavailable[r * n + t] && !roomBusy[r * n + t];

  const varQ: number[] = [];
  const varS: number[] = [];
  const varZ: number[] = [];
  const zoneOk = new Uint8Array(nZones);
  for (let q = 0; q < nRequests; q++) {
    if (model.pinnedRoom[q]! >= 0) continue;
    const len = model.length[q]!;
    for (let i = model.startStart[q]!; i < model.startStart[q + 1]!; i++) {
      const s = model.startList[i]!;
      const end = s + len - 1;
      let free = true;
      for (let p = model.partyStart[q]!; p < model.partyStart[q + 1]! && free; p++) {
        const d = model.partyList[p]!;
        for (let t = s; t <= end; t++) if (delegationBusy[d * n + t]) free = false;
      }
      if (!free) continue;
      zoneOk.fill(0);
      for (let k = model.roomStart[q]!; k < model.roomStart[q + 1]!; k++) {
        const r = model.roomList[k]!;
        let open = true;
        for (let t = s; t <= end && open; t++) open = roomOpen(r, t);
        if (open) zoneOk[zone[r]!] = 1;
      }
      // Rule 6 against pinned meetings: a pinned neighbour within g slots fixes the zone.
      if (g > 0) {
        const lo = Math.max(model.dayStart[s]!, s - g);
        const hi = Math.min(model.dayEnd[s]!, end + g);
        for (let p = model.partyStart[q]!; p < model.partyStart[q + 1]!; p++) {
          const d = model.partyList[p]!;
          for (let t = lo; t <= hi; t++) {
            const pz = pinnedZoneAt[d * n + t]!;
            if (pz < 0) continue;
            for (let z = 0; z < nZones; z++) if (z !== pz) zoneOk[z] = 0;
          }
        }
      }
      for (let z = 0; z < nZones; z++) {
        if (!zoneOk[z]) continue;
        varQ.push(q);
        varS.push(s);
        varZ.push(z);
      }
    }
    if (varQ.length > maxVariables) return null;
  }
  const nVars = varQ.length;

  const rowStart: number[] = [0];
  const rowIndex: number[] = [];
  const rowUpper: number[] = [];
  const emit = (items: number[], upper: number): void => {
    if (items.length <= upper) return; // cannot bind
    for (const j of items) rowIndex.push(j);
    rowStart.push(rowIndex.length);
    rowUpper.push(upper);
  };

  // Variables covering each (delegation, slot) and each (zone, slot), by zone.
  const byDelegationSlotZone: number[][] = [];
  const cellDZ = (d: number, t: number, z: number): number => (d * n + t) * nZones + z;
  const byZoneSlot: number[][] = Array.from({ length: nZones * n }, () => []);
  for (let j = 0; j < nVars; j++) {
    const q = varQ[j]!;
    const s = varS[j]!;
    const z = varZ[j]!;
    const end = s + model.length[q]! - 1;
    for (let t = s; t <= end; t++) {
      byZoneSlot[z * n + t]!.push(j);
      for (let p = model.partyStart[q]!; p < model.partyStart[q + 1]!; p++) {
        const c = cellDZ(model.partyList[p]!, t, z);
        const list = byDelegationSlotZone[c];
        if (list) list.push(j);
        else byDelegationSlotZone[c] = [j];
      }
    }
  }
  const cell = (d: number, t: number, z: number): number[] =>
    byDelegationSlotZone[cellDZ(d, t, z)] ?? [];

  // Each request at most once (its variables are consecutive).
  for (let j = 0; j < nVars; ) {
    let k = j;
    while (k < nVars && varQ[k] === varQ[j]) k++;
    const items: number[] = [];
    for (let i = j; i < k; i++) items.push(i);
    emit(items, 1);
    j = k;
  }

  // Delegation cliques.
  for (let d = 0; d < nDelegations; d++) {
    for (let t = 0; t < n; t++) {
      const items: number[] = [];
      for (let z = 0; z < nZones; z++) for (const j of cell(d, t, z)) items.push(j);
      emit(items, 1);
    }
  }

  // Nested room counts per zone, slot and seat threshold.
  for (let z = 0; z < nZones; z++) {
    const rooms: number[] = [];
    for (let r = 0; r < nRooms; r++) if (zone[r] === z) rooms.push(r);
    const capacities = [...new Set(rooms.map((r) => model.roomCapacity[r]!))].sort((a, b) => a - b);
    for (let t = 0; t < n; t++) {
      const here = byZoneSlot[z * n + t]!;
      if (here.length === 0) continue;
      for (let k = 0; k < capacities.length; k++) {
        const seats = capacities[k]!;
        const below = k === 0 ? Number.NEGATIVE_INFINITY : capacities[k - 1]!;
        let open = 0;
        for (const r of rooms) if (model.roomCapacity[r]! >= seats && roomOpen(r, t)) open++;
        const items = here.filter((j) => model.size[varQ[j]!]! > below);
        emit(items, open);
      }
    }
  }

  // Transfer cliques.
  if (g > 0 && nZones > 1) {
    for (let d = 0; d < nDelegations; d++) {
      for (let t = 0; t < n; t++) {
        for (let k = 1; k <= g && t + k <= model.dayEnd[t]!; k++) {
          for (let z = 0; z < nZones; z++) {
            const first = cell(d, t, z);
            if (first.length === 0) continue;
            const items = [...first];
            for (let y = 0; y < nZones; y++)
              if (y !== z) for (const j of cell(d, t + k, y)) items.push(j);
            if (items.length > first.length) emit(items, 1);
          }
        }
      }
    }
  }

  return {
    nVars,
    varQ: Int32Array.from(varQ),
    varS: Int32Array.from(varS),
    varZ: Int32Array.from(varZ),
    offset,
    rowStart,
    rowIndex,
    rowUpper,
  };
}

/**
 * Gives each meeting of a zone-model solution a room of its zone, by backtracking over the
 * meetings in start order (longer and bigger first), trying the fitting rooms smallest
 * first. With `partial`, meetings that find no room after the node limit are left out
 * instead of failing. Returns the schedule, or null.
 */
export function assignRooms(
  model: Model,
  base: Schedule,
  chosen: { q: number; s: number; z: number }[],
  nodeLimit: number,
  partial = false,
): Schedule | null {
  const zone = zonesOf(model).zone;
  const schedule = new Schedule(model);
  schedule.copyFrom(base);
  const order = [...chosen].sort(
    (a, b) =>
      a.s - b.s ||
      model.length[b.q]! - model.length[a.q]! ||
      model.size[b.q]! - model.size[a.q]! ||
      a.q - b.q,
  );
  const roomsFor = (i: number): number[] => {
    const { q, s, z } = order[i]!;
    const out: number[] = [];
    for (let k = model.roomStart[q]!; k < model.roomStart[q + 1]!; k++) {
      const r = model.roomList[k]!;
      if (zone[r] === z && schedule.fits(q, r, s)) out.push(r);
    }
    return out;
  };
  let nodes = 0;
  const visit = (i: number): boolean => {
    if (i === order.length) return true;
    if (++nodes > nodeLimit) return false;
    const { q, s } = order[i]!;
    for (const r of roomsFor(i)) {
      schedule.place(q, r, s);
      if (visit(i + 1)) return true;
      schedule.remove(q);
      if (nodes > nodeLimit) return false;
    }
    return false;
  };
  if (!visit(0)) {
    if (!partial) return null;
    schedule.copyFrom(base);
    for (let i = 0; i < order.length; i++) {
      const r = roomsFor(i)[0];
      if (r !== undefined) schedule.place(order[i]!.q, r, order[i]!.s);
    }
  }
  schedule.checkpoint();
  return schedule;
}

export interface ExactOptions {
  highs: Highs;
  /** Milliseconds on the `now` clock; every phase stops at its first check past it. */
  deadline: number;
  now: () => number;
  /** The best schedule known (pinned meetings included): MILP start and stopping test. */
  incumbent: Schedule;
  /** Deadline of the MILP phases (default: `deadline`). */
  milpDeadline?: number;
  /** Skip the exact route when the model would have more variables than this. */
  maxVariables?: number;
  /**
   * Above this many columns the reduced-cost MILP is run for its feasibility jump only, with
   * no presolve and no start (default 1500).
   */
  maxMilpColumns?: number;
  /** Skip the reduced-cost MILP when it keeps more columns than this (default 40,000). */
  maxFaceColumns?: number;
  /**
   * Leave a large face MILP to the caller (ExactResult.face), to be run after a first local
   * search, which often reaches the bound sooner.
   */
  deferFace?: boolean;
  /** Attempts (seeds) of a large face MILP (default 3). */
  faceAttempts?: number;
  /** Time of each attempt (default: 0.07 ms per column of the face, at least 300 ms). */
  faceAttemptMs?: number;
  /** HiGHS's random seed in the MILPs (default 0). */
  seed?: number;
  /** Branch-and-bound node limit of each MILP (default 200). */
  maxMilpNodes?: number;
  /**
   * Keep the LP model after the bound for projections (ExactResult.projector); the caller
   * must dispose of it.
   */
  keepLp?: boolean;
  /** Run the MILP over the LP solution's support (phase 2); default true. */
  supportMilp?: boolean;
}

/**
 * The LP relaxation kept alive after the bound: it finds, among LP solutions worth at least
 * a target, one that agrees with a given schedule as much as possible.
 */
export interface LpProjector {
  /**
   * An LP solution worth at least `target` that keeps as much weight as it can on the
   * columns in `placed` (one per request, -1 for none; weight(j) each), by column and row
   * generation from the optimal basis. Returns the value of each zone-model column, or
   * null when the LP could not be solved in time.
   */
  project(
    placed: Int32Array,
    target: number,
    weight: (j: number) => number,
    deadline: number,
  ): Float64Array | null;
  dispose(): void;
}

export interface ExactResult {
  /** A proven upper bound on the optimum (integer), when one was obtained. */
  bound?: number;
  /** A schedule better than the incumbent, found by the restricted MILP, if any. */
  schedule?: Schedule;
  /** The LP relaxation value reached (full LP when column generation converged). */
  lp?: number;
  variables: number;
  rows: number;
  /** Column-generation rounds and columns priced in; restricted MILP columns. */
  rounds: number;
  lpColumns: number;
  milpColumns: number;
  /** Milliseconds spent in the LP phase (model building included). */
  lpMs: number;
  status: string;
  /** The zone model and the last LP solution over its columns, for the MILP neighbourhoods. */
  built?: Built;
  lpValues?: Float64Array;
  /** With keepLp: the live LP relaxation. */
  projector?: LpProjector;
  /** The multipliers of the bound, for optimalFace: row duals, reduced costs and L(y). */
  multipliers?: { y: Float64Array; reduced: Float64Array; bound: number };
}

const EPS = 1e-9;

/**
 * The exact route, in three phases, each stopping at the deadline (phase 2 optional; with
 * keepLp the LP stays alive for projections, see LpProjector and neighbourhood.ts):
 * 1. LP relaxation by column generation: a restricted LP over a few columns per request,
 *    priced against all columns with the row duals y ≥ 0. Any y ≥ 0 gives the valid bound
 *    L(y) = offset + Σ_i y_i u_i + Σ_j max(0, c_j − a_j·y) (Lagrangian duality with
 *    0 ≤ x ≤ 1), so the bound is sound whatever the LP solver's tolerances, and it is exact
 *    when the pricing finds no column to add (then L(y) is the LP optimum).
 * 2. Reduced-cost fixing for a target T ≤ ⌊L⌋: a solution worth at least T uses no column
 *    with c_j − a_j·y < −(L − T), which leaves a small MILP.
 * 3. That MILP (HiGHS branch-and-cut) either finds a solution worth T (rooms are then
 *    assigned, and it is optimal when T = ⌊L⌋) or proves none exists, so the bound drops to
 *    T − 1 and the next target is tried, while T exceeds the incumbent.
 */
export function solveExact(model: Model, base: Schedule, options: ExactOptions): ExactResult {
  const started = options.now();
  const built = build(model, options.maxVariables ?? 120_000);
  const result: ExactResult = {
    lpMs: 0,
    variables: built?.nVars ?? 0,
    rows: built?.rowUpper.length ?? 0,
    rounds: 0,
    lpColumns: 0,
    milpColumns: 0,
    status: built ? 'started' : 'too large',
  };
  if (!built) return result;
  const { highs, now, deadline } = options;
  const milpDeadline = options.milpDeadline ?? deadline;
  const { nVars, varQ, varS, varZ, offset, rowUpper } = built;
  const nRows = rowUpper.length;
  const incumbentScore = options.incumbent.score;
  if (nVars === 0) {
    result.bound = offset;
    result.status = 'empty';
    return result;
  }
  const secondsLeft = (): number => Math.max(0.01, (deadline - now()) / 1000);

  // Columns: the rows of each variable (CSC of the CSR rows).
  const colStart = new Int32Array(nVars + 1);
  for (const j of built.rowIndex) colStart[j + 1]!++;
  for (let j = 0; j < nVars; j++) colStart[j + 1]! += colStart[j]!;
  const colRows = new Int32Array(built.rowIndex.length);
  const fill = colStart.slice(0, nVars);
  for (let i = 0; i < nRows; i++) {
    for (let k = built.rowStart[i]!; k < built.rowStart[i + 1]!; k++) {
      colRows[fill[built.rowIndex[k]!]!++] = i;
    }
  }
  const cost = (j: number): number => model.priority[varQ[j]!]!;
  const zone = zonesOf(model).zone;
  const inIncumbent = new Uint8Array(nVars);
  for (let j = 0; j < nVars; j++) {
    const q = varQ[j]!;
    const r = options.incumbent.room[q]!;
    if (r >= 0 && options.incumbent.start[q] === varS[j] && zone[r] === varZ[j]) {
      inIncumbent[j] = 1;
    }
  }

  // Phase 1: the LP by column and row generation. The restricted LP holds some columns
  // and some rows; rows left out count with y = 0 in the bound, which stays valid.
  const active: number[] = [];
  const colOf = new Int32Array(nVars).fill(-1);
  const rowOf = new Int32Array(nRows).fill(-1);
  const rowsIn: number[] = [];
  // Start: the incumbent's columns and, per request, a few spread over its starts.
  const initial: number[] = [];
  const pick = (j: number): void => {
    if (colOf[j]! >= 0) return;
    colOf[j] = initial.length;
    initial.push(j);
  };
  for (let j = 0; j < nVars; j++) if (inIncumbent[j]) pick(j);
  for (let j = 0; j < nVars; ) {
    let k = j;
    while (k < nVars && varQ[k] === varQ[j]) k++;
    const count = k - j;
    for (let i = 0; i < Math.min(3, count); i++) pick(j + Math.floor(((i + 0.5) * count) / 3));
    j = k;
  }
  for (const j of initial) active.push(j);
  /** Rows over the given LP columns whose activity could exceed their bound. */
  const rowData = (rows: number[]) => {
    const starts = new Int32Array(rows.length + 1);
    const indices: number[] = [];
    rows.forEach((i, n) => {
      for (let k = built.rowStart[i]!; k < built.rowStart[i + 1]!; k++) {
        const c = colOf[built.rowIndex[k]!]!;
        if (c >= 0) indices.push(c);
      }
      starts[n + 1] = indices.length;
    });
    return {
      lower: new Float64Array(rows.length).fill(-highs.infinity),
      upper: Float64Array.from(rows, (i) => rowUpper[i]!),
      matrix: {
        format: 'csr' as const,
        numRows: rows.length,
        numCols: active.length,
        starts,
        indices: Int32Array.from(indices),
        values: new Float64Array(indices.length).fill(1),
      },
    };
  };
  /** LP row of the objective-floor row of projections, once added. */
  let floorRow = -1;
  const columnData = (list: number[], costOf: (j: number) => number = cost) => {
    const starts = new Int32Array(list.length + 1);
    const indices: number[] = [];
    const values: number[] = [];
    list.forEach((j, n) => {
      for (let e = colStart[j]!; e < colStart[j + 1]!; e++) {
        const r = rowOf[colRows[e]!]!;
        if (r >= 0) {
          indices.push(r);
          values.push(1);
        }
      }
      if (floorRow >= 0) {
        indices.push(floorRow);
        values.push(cost(j));
      }
      starts[n + 1] = indices.length;
    });
    return {
      cost: Float64Array.from(list, costOf),
      lower: new Float64Array(list.length),
      upper: new Float64Array(list.length).fill(1),
      matrix: {
        format: 'csc' as const,
        numRows: rowsIn.length,
        numCols: list.length,
        starts,
        indices: Int32Array.from(indices),
        values: Float64Array.from(values),
      },
    };
  };
  const lp = highs.createModel({
    numCols: initial.length,
    numRows: 0,
    sense: highs.constants.objectiveSense.maximize,
    offset,
    colCost: Float64Array.from(initial, cost),
    colLower: new Float64Array(initial.length),
    colUpper: new Float64Array(initial.length).fill(1),
    rowLower: new Float64Array(0),
    rowUpper: new Float64Array(0),
    matrix: {
      format: 'csc',
      numRows: 0,
      numCols: initial.length,
      starts: new Int32Array(initial.length + 1),
      indices: new Int32Array(0),
      values: new Float64Array(0),
    },
  });
  const addRowsToLp = (rows: number[]): void => {
    if (rows.length === 0) return;
    lp.addRows(rowData(rows));
    for (const i of rows) {
      rowOf[i] = rowsIn.length;
      rowsIn.push(i);
    }
  };
  // Initial rows: those the initial columns could violate.
  {
    const count = new Int32Array(nRows);
    for (const j of initial)
      for (let e = colStart[j]!; e < colStart[j + 1]!; e++) count[colRows[e]!]!++;
    const rows: number[] = [];
    for (let i = 0; i < nRows; i++) if (count[i]! > rowUpper[i]!) rows.push(i);
    addRowsToLp(rows);
  }
  let bestL = Number.POSITIVE_INFINITY;
  let bestY: Float64Array | null = null;
  const reduced = new Float64Array(nVars);
  const lastX = new Float64Array(nVars);
  const activity = new Float64Array(nRows);
  /** Rows left out of the LP that the LP solution `x` (over all columns) violates. */
  const violatedRows = (x: Float64Array): number[] => {
    activity.fill(0);
    for (const j of active) {
      const v = x[j]!;
      if (v > EPS)
        for (let e = colStart[j]!; e < colStart[j + 1]!; e++) activity[colRows[e]!]! += v;
    }
    const violated: number[] = [];
    for (let i = 0; i < nRows; i++) {
      if (rowOf[i]! < 0 && activity[i]! > rowUpper[i]! + 1e-7) violated.push(i);
    }
    return violated;
  };
  try {
    lp.options.set({
      output_flag: false,
      solver: 'simplex',
      presolve: 'off',
      random_seed: 0,
    });
    const y = new Float64Array(nRows);
    const x = new Float64Array(nVars);
    for (;;) {
      if (now() >= deadline) {
        result.status = 'time (LP)';
        break;
      }
      // HiGHS's clock runs across solves of one model: restart it so the limit is per solve.
      lp.zeroAllClocks();
      lp.options.set({ time_limit: secondsLeft() });
      lp.run();
      if (lp.getModelStatus() !== highs.constants.modelStatus.optimal) {
        result.status = `LP status ${lp.getModelStatus()}`;
        break;
      }
      result.rounds++;
      const restricted = lp.getObjectiveValue();
      const solution = lp.getSolution();
      y.fill(0);
      let L = offset;
      rowsIn.forEach((i, r) => {
        y[i] = Math.max(0, solution.rowDual[r]!);
        L += y[i]! * rowUpper[i]!;
      });
      x.fill(0);
      active.forEach((j, c) => {
        x[j] = solution.colValue[c]!;
      });
      // Price every column; per request keep the best few with positive reduced cost.
      const entering: number[] = [];
      for (let j = 0; j < nVars; ) {
        let k = j;
        let top: number[] = [];
        while (k < nVars && varQ[k] === varQ[j]) {
          let d = cost(k);
          for (let e = colStart[k]!; e < colStart[k + 1]!; e++) d -= y[colRows[e]!]!;
          reduced[k] = d;
          if (d > 0) L += d;
          if (d > 1e-7 && colOf[k]! < 0) top.push(k);
          k++;
        }
        if (top.length > 0) {
          top.sort((a, b) => reduced[b]! - reduced[a]! || a - b);
          top = top.slice(0, 8);
          for (const c of top) entering.push(c);
        }
        j = k;
      }
      // Separate: rows left out that the LP solution violates.
      const violated = violatedRows(x);
      lastX.set(x);
      if (L < bestL) {
        bestL = L;
        bestY = Float64Array.from(y);
      }
      result.lp = restricted;
      const bound = Math.floor(bestL + 1e-6);
      // Done: the LP is solved, or its bound cannot improve on what is known.
      if (entering.length === 0 && violated.length === 0) {
        result.status = 'LP optimal';
        break;
      }
      if (bound <= incumbentScore) {
        result.status = 'LP bound reached';
        break;
      }
      addRowsToLp(violated);
      if (entering.length > 0) {
        lp.addCols(columnData(entering));
        for (const j of entering) {
          colOf[j] = active.length;
          active.push(j);
        }
      }
    }
  } catch (error) {
    lp.dispose();
    throw error;
  }
  if (options.keepLp) {
    const project = (
      placed: Int32Array,
      target: number,
      weight: (j: number) => number,
      until: number,
    ): Float64Array | null => {
      const wanted = new Uint8Array(nVars);
      const entering: number[] = [];
      for (const j of placed) {
        if (j < 0) continue;
        wanted[j] = 1;
        if (colOf[j]! < 0) entering.push(j);
      }
      const goal = (j: number): number => (wanted[j] ? weight(j) : 0);
      if (floorRow < 0) {
        const indices = Int32Array.from(active.keys());
        lp.addRow(target - offset - 1e-6, highs.infinity, {
          indices,
          values: Float64Array.from(active, cost),
        });
        floorRow = rowsIn.length;
        rowsIn.push(-1);
      } else {
        lp.changeRowBounds(floorRow, target - offset - 1e-6, highs.infinity);
      }
      const addColumns = (list: number[]): void => {
        if (list.length === 0) return;
        lp.addCols(columnData(list, goal));
        for (const j of list) {
          colOf[j] = active.length;
          active.push(j);
        }
      };
      addColumns(entering);
      lp.changeColsCost(
        { kind: 'range', from: 0, to: active.length - 1 },
        Float64Array.from(active, goal),
      );
      const dual = new Float64Array(nRows);
      const x = new Float64Array(nVars);
      for (let round = 0; round < 20; round++) {
        if (now() >= until) return null;
        lp.zeroAllClocks();
        lp.options.set({ time_limit: Math.max(0.01, (until - now()) / 1000) });
        lp.run();
        if (lp.getModelStatus() !== highs.constants.modelStatus.optimal) return null;
        const solution = lp.getSolution();
        dual.fill(0);
        let floorDual = 0;
        rowsIn.forEach((i, r) => {
          if (i >= 0) dual[i] = solution.rowDual[r]!;
          else floorDual = solution.rowDual[r]!;
        });
        x.fill(0);
        active.forEach((j, c) => {
          x[j] = solution.colValue[c]!;
        });
        const pricedIn: number[] = [];
        for (let j = 0; j < nVars; j++) {
          if (colOf[j]! >= 0) continue;
          let d = goal(j) - cost(j) * floorDual;
          for (let e = colStart[j]!; e < colStart[j + 1]!; e++) d -= dual[colRows[e]!]!;
          if (d > 1e-7) pricedIn.push(j);
        }
        const violated = violatedRows(x);
        if (pricedIn.length === 0 && violated.length === 0) return x;
        addRowsToLp(violated);
        addColumns(pricedIn);
      }
      return x;
    };
    result.projector = { project, dispose: () => lp.dispose() };
  } else {
    lp.dispose();
  }
  // From here on the live LP belongs to the result: freed here if anything throws.
  try {
    result.lpColumns = active.length;
    result.lpMs = now() - started;
    result.built = built;
    if (!bestY) return result;
    result.lpValues = lastX;
    // Scheduling every request that has a variable is a bound too (for an LP cut short).
    let trivial = offset;
    for (let j = 0; j < nVars; j++) if (j === 0 || varQ[j] !== varQ[j - 1]) trivial += cost(j);
    result.bound = Math.min(trivial, Math.floor(bestL + 1e-6));
    // Reduced costs at the best multipliers.
    for (let j = 0; j < nVars; j++) {
      let d = cost(j);
      for (let e = colStart[j]!; e < colStart[j + 1]!; e++) d -= bestY[colRows[e]!]!;
      reduced[j] = d;
    }
    result.multipliers = { y: bestY, reduced, bound: bestL };

    if (result.bound <= incumbentScore) return result;

    /** The MILP over some columns, solved outright from the incumbent. */
    const smallMilp = (kept: number[], target: number): MilpOutcome =>
      restrictedMilp(
        model,
        base,
        built,
        { kept },
        inIncumbent,
        options,
        target,
        milpDeadline,
        false,
      );

    // Phase 2: a MILP over the LP solution's support and the incumbent (a quick dive that
    // usually reaches the bound when the LP is tight).
    if (options.supportMilp !== false) {
      const kept: number[] = [];
      for (let j = 0; j < nVars; j++) if (lastX[j]! > 1e-6 || inIncumbent[j]) kept.push(j);
      result.milpColumns = kept.length;
      const target = result.bound;
      const outcome = smallMilp(kept, target);
      if (outcome.schedule && outcome.schedule.score > incumbentScore) {
        result.schedule = outcome.schedule;
      }
      if (outcome.schedule && outcome.schedule.score >= target) {
        result.status = 'optimal (support)';
        return result;
      }
    }

    // Phase 3: targets from the bound down to one above the incumbent, each over the columns
    // that reduced-cost fixing leaves, while they are few enough to be worth it.
    for (
      let target = result.bound;
      target > Math.max(incumbentScore, result.schedule?.score ?? 0);
      target--
    ) {
      if (now() >= milpDeadline) {
        result.status = 'time (MILP)';
        break;
      }
      const face = optimalFace(built, reduced, bestY, bestL, target);
      const large = face.kept.length > (options.maxMilpColumns ?? 1500);
      if (large && !faceWorthSolving(face, bestL, target, options.maxFaceColumns)) {
        result.status = 'MILP too large';
        break;
      }
      if (large && options.deferFace) {
        result.status = 'face MILP deferred';
        break;
      }
      result.milpColumns = face.kept.length;
      const outcome = large
        ? faceMilp(model, base, built, face, options, target, milpDeadline)
        : // A small MILP is solved outright: the tight rows, which only help a feasibility
          // search, can make HiGHS's root node very slow to prove a target out of reach.
          smallMilp(face.kept, target);
      if (outcome.schedule && outcome.schedule.score > incumbentScore) {
        result.schedule = outcome.schedule;
      }
      if (outcome.value !== undefined && outcome.value >= target) {
        result.status = outcome.schedule ? 'optimal' : 'rooms not assigned';
        break;
      }
      if (!outcome.proven) {
        result.status = large ? 'time (face MILP)' : 'time (MILP)';
        break;
      }
      // No solution worth `target` exists: the optimum is below it.
      result.bound = target - 1;
      result.status = 'bound lowered';
    }
    return result;
  } catch (error) {
    result.projector?.dispose();
    throw error;
  }
}

/**
 * The columns and rows that a schedule worth `target` may use, by complementary slackness at
 * multipliers y ≥ 0 with bound L = L(y). For any feasible x,
 *   value(x) = L − Σ_i y_i (u_i − a_i·x) − Σ_j (max(0, d_j) − d_j x_j),   d_j = c_j − a_j·y,
 * and every term is ≥ 0. So value(x) ≥ target leaves at most L − target to spend: a column with
 * d_j < −(L − target) stays 0, one with d_j > L − target is 1, and a row with y_i > L − target
 * has an integer slack below 1, i.e. is tight. When the LP bound is nearly attained the tight
 * rows make this a feasibility problem that HiGHS's feasibility jump solves quickly, where the
 * columns alone (the LP's optimal face is most of the model when its duals are degenerate)
 * leave a MILP too large to solve.
 */
export interface Face {
  kept: number[];
  /** Per row of the zone model: 1 when it must hold with equality. */
  tight?: Uint8Array;
  /** Per column of the zone model: 1 when it must be 1. */
  one?: Uint8Array;
}

/**
 * A large face is solved for a feasible point only (faceMilp), which is worth the target only
 * when the bound is nearly attained: then every point of the face is.
 */
export function faceWorthSolving(
  face: Face,
  bound: number,
  target: number,
  maxColumns = 40_000,
): boolean {
  return bound - target < 1e-3 && face.kept.length <= maxColumns;
}

export function optimalFace(
  built: Built,
  reduced: Float64Array,
  y: Float64Array,
  bound: number,
  target: number,
): Face {
  const slack = bound - target + 1e-7;
  const kept: number[] = [];
  const one = new Uint8Array(built.nVars);
  for (let j = 0; j < built.nVars; j++) {
    if (reduced[j]! < -slack) continue;
    kept.push(j);
    if (reduced[j]! > slack) one[j] = 1;
  }
  const tight = new Uint8Array(built.rowUpper.length);
  for (let i = 0; i < tight.length; i++) if (y[i]! > slack) tight[i] = 1;
  return { kept, tight, one };
}

/** The helper thread's seeds are apart from this thread's, which a helper leaves unchanged. */
const HELPER_SEEDS = 1_000_003;

/**
 * A large face MILP, tried a few times with other seeds: HiGHS's feasibility jump finds a
 * point of the face in most runs, and fails or succeeds within about a second on gccs. The
 * first attempt gets a time share that grows with the face; the next ones half as much again
 * as the first jump took (HiGHS would spend the rest on its root LP, which cannot be cut
 * short). With a helper thread, every attempt
 * also runs a seed of the helper's own there. This thread tries the same seeds with or without
 * a helper, and its result is preferred within an attempt: a helper changes the outcome only
 * when its seed succeeds in an attempt where this thread's fails. The best partial schedule
 * is kept when the zones' rooms cannot hold a solution whole.
 */
export function faceMilp(
  model: Model,
  base: Schedule,
  built: Built,
  face: Face,
  options: ExactOptions & { helper?: MilpHelper | null },
  target: number,
  deadline: number,
): MilpOutcome {
  const { highs, helper } = options;
  let attemptMs = options.faceAttemptMs ?? Math.max(300, 0.07 * face.kept.length);
  const prepared = milpModel(highs, model, built, face, true);
  const none = new Uint8Array(built.nVars);
  const seed = options.seed ?? 0;
  let best: MilpOutcome = { proven: false };
  const better = (outcome: MilpOutcome): boolean =>
    (outcome.schedule?.score ?? -1) > (best.schedule?.score ?? -1);
  for (let attempt = 0; attempt < (options.faceAttempts ?? 3); attempt++) {
    const started = options.now();
    if (started >= deadline) break;
    const until = Math.min(deadline, started + attemptMs);
    helper?.start(
      prepared.data,
      milpOptions(options, (until - started) / 1000, HELPER_SEEDS + seed + attempt, true),
    );
    const attemptOptions = { ...options, seed: seed + attempt };
    const own = restrictedMilp(
      model,
      base,
      built,
      face,
      none,
      attemptOptions,
      target,
      until,
      true,
      prepared,
    );
    if (own.proven) return own;
    if (better(own)) best = own;
    if (own.schedule && own.schedule.score >= target) break;
    // The jump finds a point before it ends, if at all: once its length is known, the next
    // attempts stop a little after it instead of spending the rest on the root LP.
    if (own.heuristicsMs !== undefined && options.faceAttemptMs === undefined)
      attemptMs = Math.min(attemptMs, Math.max(300, 1.5 * own.heuristicsMs + 50));
    // HiGHS may overrun its limit a little while it returns.
    const other = helper?.result(options.now, until + 250);
    if (other) {
      const outcome = readMilp(highs, model, base, built, prepared.kept, other, true);
      if (outcome.proven) return outcome;
      if (better(outcome)) best = outcome;
      if (outcome.schedule && outcome.schedule.score >= target) break;
    }
  }
  return best;
}

/** A MILP's outcome: `proven` when nothing better than `value` (or nothing at all) exists. */
export interface MilpOutcome {
  proven: boolean;
  value?: number;
  schedule?: Schedule;
  /** Milliseconds until HiGHS's first node line, i.e. the end of its feasibility jump. */
  heuristicsMs?: number;
}

/** What a HiGHS run of a MILP returned (also across threads, see MilpHelper). */
export interface MilpRun {
  status: number;
  /** The columns' values when HiGHS holds a feasible solution, else null. */
  colValue: Float64Array | null;
}

/**
 * Runs MILPs on another thread (see milp-helper.ts): the large face MILP is tried with two
 * seeds at once, one here and one there. Injected, so that this module stays free of IO.
 */
export interface MilpHelper {
  /** Starts a MILP (model data and HiGHS options); a new start replaces an unfinished one. */
  start(data: ModelData, options: Record<string, string | number | boolean>): void;
  /** The run started last, waiting until `until` on the `now` clock; null when not done. */
  result(now: () => number, until: number): MilpRun | null;
}

/** The MILP over the kept columns of a face, as HiGHS model data, and its column list. */
function milpModel(
  highs: Highs,
  model: Model,
  built: Built,
  face: Face,
  large: boolean,
): { data: ModelData; kept: number[] } {
  const { varQ } = built;
  const { kept, tight, one } = face;
  const index = new Int32Array(built.nVars).fill(-1);
  kept.forEach((j, i) => {
    index[j] = i;
  });
  const rowStart: number[] = [0];
  const rowIndex: number[] = [];
  const rowUpper: number[] = [];
  const rowLower: number[] = [];
  for (let i = 0; i < built.rowUpper.length; i++) {
    let count = 0;
    for (let k = built.rowStart[i]!; k < built.rowStart[i + 1]!; k++) {
      if (index[built.rowIndex[k]!]! >= 0) count++;
    }
    // A row that cannot bind is left out, unless it must be tight.
    const isTight = tight?.[i] === 1;
    if (count <= built.rowUpper[i]! && !isTight) continue;
    for (let k = built.rowStart[i]!; k < built.rowStart[i + 1]!; k++) {
      const c = index[built.rowIndex[k]!]!;
      if (c >= 0) rowIndex.push(c);
    }
    rowStart.push(rowIndex.length);
    rowUpper.push(built.rowUpper[i]!);
    rowLower.push(isTight ? built.rowUpper[i]! : -highs.infinity);
  }
  const nCols = kept.length;
  const nRows = rowUpper.length;
  const data: ModelData = {
    numCols: nCols,
    numRows: nRows,
    sense: highs.constants.objectiveSense.maximize,
    offset: built.offset,
    // A large face MILP seeks any feasible point: with no objective, HiGHS stops at the
    // first one instead of solving the root LP (seconds on gccs-1) to improve it.
    colCost: Float64Array.from(kept, (j) => (large ? 0 : model.priority[varQ[j]!]!)),
    colLower: Float64Array.from(kept, (j) => one?.[j] ?? 0),
    colUpper: new Float64Array(nCols).fill(1),
    rowLower: Float64Array.from(rowLower),
    rowUpper: Float64Array.from(rowUpper),
    matrix: {
      format: 'csr',
      numRows: nRows,
      numCols: nCols,
      starts: Int32Array.from(rowStart),
      indices: Int32Array.from(rowIndex),
      values: new Float64Array(rowIndex.length).fill(1),
    },
    integrality: new Int32Array(nCols).fill(highs.constants.variableType.integer),
  };
  return { data, kept };
}

/** HiGHS options of the MILPs: a run of `seconds` at most with the given seed. */
function milpOptions(
  options: ExactOptions,
  seconds: number,
  seed: number,
  large: boolean,
): Record<string, string | number | boolean> {
  return {
    output_flag: false,
    // Integer objective: a gap below 1 is a proof.
    mip_rel_gap: 0,
    mip_abs_gap: 0.999,
    mip_detect_symmetry: false,
    // A deterministic effort cap besides the clock: the result must not depend on speed
    // when the time limit is generous.
    mip_max_nodes: options.maxMilpNodes ?? 200,
    time_limit: Math.max(0.01, seconds),
    random_seed: seed,
    // A large face MILP is there for HiGHS's feasibility jump, which runs before the root
    // LP: presolve would take longer than the jump (1.6 s against 0.8 s on gccs-1).
    ...(large ? { presolve: 'off' } : {}),
  };
}

/** What a run means for the schedule: its value and, rooms assigned, the schedule. */
function readMilp(
  highs: Highs,
  model: Model,
  base: Schedule,
  built: Built,
  kept: number[],
  run: MilpRun,
  large: boolean,
): MilpOutcome {
  const { varQ, varS, varZ } = built;
  let value: number | undefined;
  let schedule: Schedule | undefined;
  if (run.colValue && run.colValue.length === kept.length) {
    const chosen: { q: number; s: number; z: number }[] = [];
    let sum = built.offset;
    for (let i = 0; i < kept.length; i++) {
      if (run.colValue[i]! > 0.5) {
        const j = kept[i]!;
        chosen.push({ q: varQ[j]!, s: varS[j]!, z: varZ[j]! });
        sum += model.priority[varQ[j]!]!;
      }
    }
    value = sum;
    // When the zones' rooms cannot hold the meetings whole, a large MILP's solution still
    // gives the search a start: the meetings that fit.
    schedule = assignRooms(model, base, chosen, 100_000, large) ?? undefined;
  }
  return {
    // Without an objective, only infeasibility is a proof.
    proven: large
      ? run.status === highs.constants.modelStatus.infeasible
      : run.status === highs.constants.modelStatus.optimal,
    ...(value === undefined ? {} : { value }),
    ...(schedule ? { schedule } : {}),
  };
}

const PRIMAL_FEASIBLE = 2;

/**
 * The MILP on the kept columns only, on this thread, stopping once it reaches `target`.
 * `proven` when it was solved to optimality (or, large, proven infeasible); `value` is its
 * best objective; `schedule` that solution with rooms assigned (when possible).
 */
function restrictedMilp(
  model: Model,
  base: Schedule,
  built: Built,
  face: Face,
  inIncumbent: Uint8Array,
  options: ExactOptions,
  target: number,
  deadline: number,
  large: boolean,
  prepared?: { data: ModelData; kept: number[] },
): MilpOutcome {
  const { highs } = options;
  const { data, kept } = prepared ?? milpModel(highs, model, built, face, large);
  const milp = highs.createModel(data);
  try {
    const seconds = (deadline - options.now()) / 1000;
    milp.options.set({
      ...milpOptions(options, seconds, options.seed ?? 0, large),
      // A large MILP's node lines (mipLogging, below) say when its feasibility jump ended;
      // HiGHS only reports them with output on. Nothing is printed.
      ...(large ? { output_flag: true, log_to_console: false } : {}),
    });
    // The incumbent is worth less than the target: on the face it breaks a tight row.
    if (!large) milp.setSolution({ colValue: Float64Array.from(kept, (j) => inIncumbent[j]!) });
    const cb = highs.constants.callbackType;
    // Stop as soon as the target is reached: the bound says nothing better exists.
    const started = options.now();
    let heuristicsMs: number | undefined;
    milp.run({
      [cb.mipLogging]() {
        heuristicsMs ??= options.now() - started;
      },
      [cb.mipInterrupt](event) {
        if (options.now() >= deadline) event.interrupt();
        const primal = event.data.mip_primal_bound;
        if (primal !== undefined && primal >= target - 1e-6) event.interrupt();
      },
    });
    const feasible = milp.info.get('primal_solution_status') === PRIMAL_FEASIBLE;
    const run: MilpRun = {
      status: milp.getModelStatus(),
      colValue: feasible ? milp.getSolution().colValue : null,
    };
    const outcome = readMilp(highs, model, base, built, kept, run, large);
    return heuristicsMs === undefined ? outcome : { ...outcome, heuristicsMs };
  } finally {
    milp.dispose();
  }
}
