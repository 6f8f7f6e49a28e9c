/**
 * Shape validation of instances and solutions, mirroring the malformed-input rules of the
 * independent checker (check.mjs): a file it calls malformed is rejected here with the same
 * field named, so that the CLI and the server never hand the solver a broken instance.
 */
import { SchedulingInputError } from './errors.js';
import {
  type BilateralInstance,
  type BilateralSolution,
  INSTANCE_FORMAT,
  SOLUTION_FORMAT,
} from './types.js';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json =>
  v !== null && typeof v === 'object' && !Array.isArray(v);
const isId = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const quote = (v: unknown): string => JSON.stringify(v) ?? 'undefined';

function malformed(message: string): never {
  throw new SchedulingInputError('instance_malformed', message);
}

function checkIdList(where: string, value: unknown, known: Set<string>, kind: string): string[] {
  if (!Array.isArray(value)) malformed(`${where}: must be an array of ${kind} ids`);
  value.forEach((id: unknown, i) => {
    if (!isId(id)) malformed(`${where}[${i}]: must be a non-empty string`);
    if (!known.has(id)) malformed(`${where}[${i}]: ${quote(id)} is not a ${kind} id`);
  });
  return value as string[];
}

/** Returns the instance typed, or throws SchedulingInputError('instance_malformed'). */
export function validateInstance(raw: unknown): BilateralInstance {
  if (!isObject(raw)) malformed('instance: must be a JSON object');
  if (raw.format !== INSTANCE_FORMAT) {
    malformed(`instance: format must be ${quote(INSTANCE_FORMAT)}, got ${quote(raw.format)}`);
  }
  if (raw.name !== undefined && typeof raw.name !== 'string') {
    malformed('instance: name must be a string');
  }
  const transfer = raw.transferSlots;
  if (transfer !== undefined && (!isInt(transfer) || transfer < 0)) {
    malformed(`instance: transferSlots must be a non-negative integer, got ${quote(transfer)}`);
  }
  for (const key of ['slots', 'rooms', 'delegations', 'requests']) {
    if (!Array.isArray(raw[key])) malformed(`instance: ${key} must be an array`);
  }
  const slots = raw.slots as unknown[];
  const slotIds = new Set<string>();
  const slotOrder = new Map<string, number>();
  let previousDay = Number.NEGATIVE_INFINITY;
  slots.forEach((slot, i) => {
    const where = `instance: slots[${i}]`;
    if (!isObject(slot)) malformed(`${where}: must be an object`);
    if (!isId(slot.id)) malformed(`${where}: id must be a non-empty string`);
    if (slotIds.has(slot.id)) malformed(`${where}: duplicate slot id ${quote(slot.id)}`);
    const named = `${where} (${quote(slot.id)})`;
    if (!isInt(slot.day)) malformed(`${named}: day must be an integer, got ${quote(slot.day)}`);
    if (slot.day < previousDay) {
      malformed(
        `${named}: day ${slot.day} comes after day ${previousDay}; slots must be in time order`,
      );
    }
    if (slot.start !== undefined && typeof slot.start !== 'string') {
      malformed(`${named}: start must be a string`);
    }
    previousDay = slot.day;
    slotIds.add(slot.id);
    slotOrder.set(slot.id, i);
  });

  const roomIds = new Set<string>();
  (raw.rooms as unknown[]).forEach((room, i) => {
    const where = `instance: rooms[${i}]`;
    if (!isObject(room)) malformed(`${where}: must be an object`);
    if (!isId(room.id)) malformed(`${where}: id must be a non-empty string`);
    if (roomIds.has(room.id)) malformed(`${where}: duplicate room id ${quote(room.id)}`);
    const named = `${where} (${quote(room.id)})`;
    if (!isInt(room.capacity) || room.capacity < 0) {
      malformed(`${named}: capacity must be a non-negative integer, got ${quote(room.capacity)}`);
    }
    if (room.zone !== undefined && !isId(room.zone)) {
      malformed(`${named}: zone must be a non-empty string`);
    }
    if (room.unavailable !== undefined) {
      checkIdList(`${named}: unavailable`, room.unavailable, slotIds, 'slot');
    }
    roomIds.add(room.id);
  });

  const delegationIds = new Set<string>();
  (raw.delegations as unknown[]).forEach((delegation, i) => {
    const where = `instance: delegations[${i}]`;
    if (!isObject(delegation)) malformed(`${where}: must be an object`);
    if (!isId(delegation.id)) malformed(`${where}: id must be a non-empty string`);
    if (delegationIds.has(delegation.id)) {
      malformed(`${where}: duplicate delegation id ${quote(delegation.id)}`);
    }
    if (delegation.unavailable !== undefined) {
      const named = `${where} (${quote(delegation.id)}): unavailable`;
      checkIdList(named, delegation.unavailable, slotIds, 'slot');
    }
    delegationIds.add(delegation.id);
  });

  const requestIds = new Set<string>();
  (raw.requests as unknown[]).forEach((request, i) => {
    const where = `instance: requests[${i}]`;
    if (!isObject(request)) malformed(`${where}: must be an object`);
    if (!isId(request.id)) malformed(`${where}: id must be a non-empty string`);
    if (requestIds.has(request.id))
      malformed(`${where}: duplicate request id ${quote(request.id)}`);
    const named = `${where} (${quote(request.id)})`;
    if (!Array.isArray(request.parties) || request.parties.length < 2) {
      malformed(`${named}: parties must be an array of two or more delegation ids`);
    }
    const parties = checkIdList(`${named}: parties`, request.parties, delegationIds, 'delegation');
    if (new Set(parties).size !== parties.length) {
      malformed(`${named}: parties lists a delegation twice`);
    }
    if (!isInt(request.priority) || request.priority < 1) {
      malformed(`${named}: priority must be a positive integer, got ${quote(request.priority)}`);
    }
    const { length, size, window, pinned } = request;
    if (length !== undefined && (!isInt(length) || length < 1)) {
      malformed(`${named}: length must be a positive integer, got ${quote(length)}`);
    }
    if (size !== undefined && (!isInt(size) || size < 0)) {
      malformed(`${named}: size must be a non-negative integer, got ${quote(size)}`);
    }
    if (window !== undefined) {
      if (!Array.isArray(window) || window.length !== 2) {
        malformed(`${named}: window must be [firstSlotId, lastSlotId]`);
      }
      const [first, last] = checkIdList(`${named}: window`, window, slotIds, 'slot');
      if (slotOrder.get(first!)! > slotOrder.get(last!)!) {
        malformed(`${named}: window starts at ${quote(first)}, after its end ${quote(last)}`);
      }
    }
    if (pinned !== undefined) {
      if (!isObject(pinned)) malformed(`${named}: pinned must be an object {room, start}`);
      if (!isId(pinned.room) || !roomIds.has(pinned.room)) {
        malformed(`${named}: pinned.room ${quote(pinned.room)} is not a room id`);
      }
      if (!isId(pinned.start) || !slotIds.has(pinned.start)) {
        malformed(`${named}: pinned.start ${quote(pinned.start)} is not a slot id`);
      }
    }
    requestIds.add(request.id);
  });
  return raw as unknown as BilateralInstance;
}

/**
 * Returns the solution typed, or throws SchedulingInputError('solution_malformed'). With
 * `lenient`, meetings naming requests, rooms or slots that the instance no longer has are
 * accepted (re-planning reads a solution made for an earlier version of the instance).
 */
export function validateSolution(
  raw: unknown,
  instance: BilateralInstance,
  lenient = false,
): BilateralSolution {
  const fail = (message: string): never => {
    throw new SchedulingInputError('solution_malformed', message);
  };
  if (!isObject(raw)) fail('solution: must be a JSON object');
  const solution = raw as Json;
  if (solution.format !== SOLUTION_FORMAT) {
    fail(`solution: format must be ${quote(SOLUTION_FORMAT)}, got ${quote(solution.format)}`);
  }
  if (solution.instance !== undefined && typeof solution.instance !== 'string') {
    fail('solution: instance must be a string');
  }
  if (
    !lenient &&
    solution.instance !== undefined &&
    instance.name !== undefined &&
    solution.instance !== instance.name
  ) {
    fail(
      `solution: is for instance ${quote(solution.instance)}, ` +
        `but the instance is named ${quote(instance.name)}`,
    );
  }
  if (!Array.isArray(solution.meetings)) fail('solution: meetings must be an array');
  const requests = new Set(instance.requests.map((r) => r.id));
  const rooms = new Set(instance.rooms.map((r) => r.id));
  const slots = new Set(instance.slots.map((s) => s.id));
  const seen = new Map<string, number>();
  (solution.meetings as unknown[]).forEach((meeting, i) => {
    const where = `solution: meetings[${i}]`;
    if (!isObject(meeting)) fail(`${where}: must be an object {request, room, start}`);
    const m = meeting as Json;
    if (!isId(m.request)) fail(`${where}: request must be a non-empty string`);
    const id = m.request as string;
    if (!lenient && !requests.has(id)) {
      fail(`${where}: request ${quote(id)} is not a request id of the instance`);
    }
    if (seen.has(id)) {
      fail(`${where}: request ${quote(id)} appears twice (also meetings[${seen.get(id)}])`);
    }
    seen.set(id, i);
    if (!isId(m.room) || (!lenient && !rooms.has(m.room))) {
      fail(`${where} (request ${quote(id)}): room ${quote(m.room)} is not a room id`);
    }
    if (!isId(m.start) || (!lenient && !slots.has(m.start))) {
      fail(`${where} (request ${quote(id)}): start ${quote(m.start)} is not a slot id`);
    }
  });
  return raw as unknown as BilateralSolution;
}
