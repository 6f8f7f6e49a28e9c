// The helper thread of milp-helper.ts: runs HiGHS MILPs sent over its port and replies with
// the model status and, when HiGHS holds a feasible solution, the columns' values. Plain
// JavaScript, so that it starts the same under tsx, vitest and plain Node.
import { workerData } from 'node:worker_threads';

const PRIMAL_FEASIBLE = 2;
const port = workerData.port;

let highs = null;
let failure = null;
try {
  const load = (await import('highs')).default;
  highs = await load();
} catch (error) {
  failure = String(error);
}

port.on('message', (job) => {
  if (!highs) {
    port.postMessage({ id: job.id, error: failure ?? 'HiGHS is not available' });
    return;
  }
  let model = null;
  try {
    model = highs.createModel(job.data);
    model.options.set(job.options);
    model.run();
    const feasible = model.info.get('primal_solution_status') === PRIMAL_FEASIBLE;
    const colValue = feasible ? Float64Array.from(model.getSolution().colValue) : null;
    port.postMessage({ id: job.id, status: model.getModelStatus(), colValue });
  } catch (error) {
    port.postMessage({ id: job.id, error: String(error) });
  } finally {
    model?.dispose();
  }
});
