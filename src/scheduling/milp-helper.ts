/**
 * A second thread for the scheduler's MILPs (exact.ts, MilpHelper). solve() stays pure: the
 * caller (CLI, service, benchmark) starts the helper, passes it in and closes it. The solver
 * is synchronous, so results are read with receiveMessageOnPort, waiting with Atomics.wait.
 */
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { ModelData } from 'highs';
import type { MilpHelper, MilpRun } from './exact.js';

export interface MilpHelperThread extends MilpHelper {
  /** Stops the thread (an unfinished MILP with it). */
  close(): Promise<void>;
}

interface Reply {
  id: number;
  status?: number;
  colValue?: Float64Array | null;
  error?: string;
}

/** Starts the helper thread; null when no thread can be started. */
export function startMilpHelper(): MilpHelperThread | null {
  let worker: Worker;
  const { port1, port2 } = new MessageChannel();
  try {
    worker = new Worker(new URL('./milp-worker.mjs', import.meta.url), {
      workerData: { port: port2 },
      transferList: [port2],
    });
  } catch {
    port1.close();
    return null;
  }
  // Neither keeps the process alive: a caller that forgets close() still exits.
  worker.unref();
  port1.unref();
  worker.on('error', () => {});
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  let last = 0;
  let wanted = -1;
  return {
    start(data: ModelData, options: Record<string, string | number | boolean>): void {
      last += 1;
      wanted = last;
      port1.postMessage({ id: wanted, data, options });
    },
    result(now: () => number, until: number): MilpRun | null {
      if (wanted < 0) return null;
      for (;;) {
        for (let got = receiveMessageOnPort(port1); got; got = receiveMessageOnPort(port1)) {
          const reply = got.message as Reply;
          if (reply.id !== wanted) continue;
          wanted = -1;
          if (reply.error !== undefined || reply.status === undefined) return null;
          return { status: reply.status, colValue: reply.colValue ?? null };
        }
        if (now() >= until) return null;
        Atomics.wait(sleeper, 0, 0, 2);
      }
    },
    async close(): Promise<void> {
      port1.close();
      await worker.terminate();
    },
  };
}
