import { Worker } from 'node:worker_threads';
import { processFile } from './process-file.js';
import type { FileResult, FileTask } from './types.js';

/** At most this many results wait for an earlier, slower file; bounds memory on huge runs. */
const maxAhead = 256;

/**
 * Lint tasks and hand results to `onResult` in input order. With `jobs` ≤ 1 everything runs in
 * this thread; otherwise `jobs` worker threads share the files.
 */
export async function runTasks(
  tasks: readonly FileTask[],
  jobs: number,
  onResult: (result: FileResult, index: number) => Promise<void> | void,
): Promise<void> {
  if (jobs <= 1 || tasks.length < 2) {
    for (const [index, task] of tasks.entries()) await onResult(await processFile(task), index);
    return;
  }
  const workers = Array.from(
    { length: Math.min(jobs, tasks.length) },
    () => new Worker(new URL('./worker.js', import.meta.url)),
  );
  const pending = new Map<number, FileResult>();
  let nextToSend = 0;
  let nextToEmit = 0;
  let emitting = Promise.resolve();
  try {
    await new Promise<void>((resolve, reject) => {
      const idle: Worker[] = [];
      const send = (worker: Worker): void => {
        if (nextToSend < tasks.length && nextToSend < nextToEmit + maxAhead) {
          const index = nextToSend++;
          worker.postMessage({ index, task: tasks[index] });
        } else {
          idle.push(worker);
        }
      };
      const drain = (): void => {
        while (pending.has(nextToEmit)) {
          const result = pending.get(nextToEmit) as FileResult;
          pending.delete(nextToEmit);
          const index = nextToEmit++;
          emitting = emitting.then(() => onResult(result, index));
        }
        while (idle.length > 0 && nextToSend < tasks.length && nextToSend < nextToEmit + maxAhead)
          send(idle.pop() as Worker);
        if (nextToEmit === tasks.length) emitting.then(resolve, reject);
      };
      for (const worker of workers) {
        worker.on('message', (message: { index: number; result: FileResult }) => {
          pending.set(message.index, message.result);
          send(worker);
          drain();
        });
        worker.on('error', reject);
        // Two messages in flight per worker keep it busy while the main thread prints.
        send(worker);
        send(worker);
      }
    });
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
