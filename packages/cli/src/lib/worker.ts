import { parentPort, workerData } from 'node:worker_threads';
import type { FromWorker, ToWorker, WarmUp } from './pool.js';
import { loadLintModule, processFile } from './process-file.js';

/**
 * Worker thread entry: lint the tasks it is sent, in the order sent, one at a time, and post
 * each result back. It starts compiling at once, so that it is ready by the time the main
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
    const result = await processFile(message.task);
    parentPort?.postMessage({ index: message.index, result } satisfies FromWorker);
  });
});
