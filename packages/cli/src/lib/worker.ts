import { parentPort, workerData } from 'node:worker_threads';
import type { FromWorker, ToWorker, WarmUp } from './pool.js';
import type { FileResult } from './types.js';
import { loadLintModule, processFile } from './process-file.js';

/**
 * Worker thread entry: lint the batches of tasks it is sent, in the order sent, one file at a
 * time, and post each batch's results back in one message. It starts compiling at once, so that it is ready by the time the main
 * thread has found the files.
 */
const warmUp = workerData as WarmUp | undefined;
let queue: Promise<void> = loadLintModule()
  .then(async (lint) => {
    if (!warmUp) return;
    const lintFormat = await lint.loadLint([warmUp.format]);
    // Compiles the configuration's engine (an empty text stops right after).
    lintFormat('', { ...warmUp.settings, format: warmUp.format });
  })
  .catch(() => {
    // A real task reports whatever failed here.
  });

parentPort?.on('message', (message: ToWorker) => {
  queue = queue.then(async () => {
    const results: Array<{ index: number; result: FileResult }> = [];
    for (const { index, task } of message.tasks) {
      results.push({ index, result: await processFile(task) });
    }
    parentPort?.postMessage({ results } satisfies FromWorker);
  });
});
