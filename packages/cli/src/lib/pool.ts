import type { Worker } from 'node:worker_threads';
import { isGone, startWorkers, workerScript, type WarmUp } from './early-start.js';
import { processFile } from './process-file.js';
import type { FileResult, FileTask } from './types.js';

export type { WarmUp } from './early-start.js';

/** At most this many results wait for an earlier, slower file; bounds memory on huge runs. */
const maxAhead = 256;
/**
 * Tasks go to a worker in batches, and a worker answers a batch in one message: on small files
 * one message per file cost as much as linting them. A worker holds at most `batchesInHand`
 * batches, enough to stay busy while the main thread is linting a long file of its own (it hands
 * out work only between files). Near the end of a run batches shrink, so that no thread sits
 * idle while another still holds several files.
 */
const batchSize = 8;
const batchesInHand = 3;
/** The main thread lets the workers' answers in at least this often (milliseconds). */
const yieldEvery = 4;

/** Messages between the main thread and a worker (worker.ts). */
export type ToWorker = { readonly tasks: ReadonlyArray<{ index: number; task: FileTask }> };
export type FromWorker = { readonly results: ReadonlyArray<{ index: number; result: FileResult }> };

interface PooledWorker {
  readonly worker: Worker;
  /** Indices of the tasks sent and not answered yet, oldest first. */
  readonly inFlight: number[];
  dead: boolean;
}

/**
 * Worker threads that share a run's files with the main thread. Started before the files are
 * known (their start-up — loading the bundle, compiling the dataset — then overlaps discovery),
 * and closed unused when there turn out to be too few files for them to pay.
 */
export class LintPool {
  readonly #workers: PooledWorker[];
  #closed: Promise<void> | undefined;

  /**
   * `workers`: how many to start (running `script`, worker.ts unless a test passes its own), or
   * workers already started with `startWorkers` (bin.ts starts them before anything else).
   */
  constructor(workers: number | readonly Worker[], warmUp?: WarmUp, script: URL = workerScript) {
    const started =
      typeof workers === 'number'
        ? startWorkers(workers, warmUp ?? { settings: {}, format: 'markdown' }, script)
        : workers;
    this.#workers = started.map((worker) => ({ worker, inFlight: [], dead: false }));
  }

  get size(): number {
    return this.#workers.length;
  }

  /**
   * Lint `tasks`: the main thread takes the next file whenever it is free, each worker keeps a
   * few in hand; results go to `onResult` in input order. A worker that dies hands its files
   * back to the main thread.
   */
  async run(
    tasks: readonly FileTask[],
    onResult: (result: FileResult, index: number) => Promise<void> | void,
  ): Promise<void> {
    const results = new Map<number, FileResult>();
    /** Tasks of dead workers, done by the main thread before new ones. */
    const returned: number[] = [];
    let nextToHandOut = 0;
    let nextToEmit = 0;
    let emitting = Promise.resolve();
    /** Results handed to `emitting` and not written yet. */
    let unwritten = 0;
    let wake: (() => void) | undefined;

    const takeNext = (): number | undefined => {
      if (returned.length > 0) return returned.shift();
      if (nextToHandOut >= tasks.length || nextToHandOut >= nextToEmit + maxAhead) return undefined;
      return nextToHandOut++;
    };
    const emit = (): void => {
      while (results.has(nextToEmit)) {
        const result = results.get(nextToEmit) as FileResult;
        results.delete(nextToEmit);
        const index = nextToEmit++;
        unwritten++;
        emitting = emitting.then(async () => {
          await onResult(result, index);
          unwritten--;
        });
      }
    };
    const threads = this.#workers.length + 1;
    const feed = (pooled: PooledWorker): void => {
      // Returned tasks go to the main thread only: whatever killed one worker may kill another.
      for (;;) {
        const left = Math.min(tasks.length, nextToEmit + maxAhead) - nextToHandOut;
        const size = Math.max(1, Math.min(batchSize, Math.floor(left / (batchesInHand * threads))));
        if (pooled.dead || left <= 0 || pooled.inFlight.length + size > batchesInHand * size)
          return;
        const batch: Array<{ index: number; task: FileTask }> = [];
        while (batch.length < size) {
          const index = nextToHandOut++;
          batch.push({ index, task: tasks[index] as FileTask });
          pooled.inFlight.push(index);
        }
        pooled.worker.postMessage({ tasks: batch } satisfies ToWorker);
      }
    };
    const settle = (): void => {
      emit();
      for (const pooled of this.#workers) feed(pooled);
      wake?.();
    };

    const listeners = this.#workers.map((pooled) => {
      const onMessage = (message: FromWorker): void => {
        for (const { index, result } of message.results) {
          const at = pooled.inFlight.indexOf(index);
          if (at !== -1) pooled.inFlight.splice(at, 1);
          results.set(index, result);
        }
        settle();
      };
      const onGone = (): void => {
        if (pooled.dead) return;
        pooled.dead = true;
        returned.push(...pooled.inFlight.splice(0));
        returned.sort((a, b) => a - b);
        settle();
      };
      pooled.worker.on('message', onMessage);
      pooled.worker.on('error', onGone);
      pooled.worker.on('exit', onGone);
      return { pooled, onMessage, onGone };
    });

    // A worker that failed or exited before this run (while the files were being found) gets
    // nothing; its 'error' and 'exit' events have been and gone.
    for (const pooled of this.#workers) if (isGone(pooled.worker)) pooled.dead = true;
    for (const pooled of this.#workers) pooled.worker.ref();
    let lastYield = performance.now();
    try {
      for (const pooled of this.#workers) feed(pooled);
      while (nextToEmit < tasks.length) {
        const index = takeNext();
        if (index === undefined) {
          // Everything left is in a worker's hands, or waits for an earlier file that is: sleep
          // until a worker answers or dies.
          if (!this.#workers.some((pooled) => pooled.inFlight.length > 0))
            throw new Error('luxlint: no file in progress, but not all results are in');
          await new Promise<void>((resolve) => (wake = resolve));
          wake = undefined;
          continue;
        }
        results.set(index, await processFile(tasks[index] as FileTask));
        settle();
        // Output is slower than linting (a pipe, a terminal): wait for it rather than queue.
        if (unwritten > maxAhead) await emitting;
        // Let workers' answers in now and then (not after every file: small files lint in less
        // time than a turn of the event loop takes).
        if (performance.now() - lastYield >= yieldEvery) {
          await new Promise<void>((resolve) => setImmediate(resolve));
          lastYield = performance.now();
        }
      }
      await emitting;
    } finally {
      for (const { pooled, onMessage, onGone } of listeners) {
        pooled.worker.unref();
        pooled.worker.off('message', onMessage);
        pooled.worker.off('error', onGone);
        pooled.worker.off('exit', onGone);
      }
    }
  }

  /** Stop the workers (once; later calls wait for the same). */
  close(): Promise<void> {
    this.#closed ??= Promise.all(this.#workers.map((pooled) => pooled.worker.terminate())).then(
      () => undefined,
    );
    return this.#closed;
  }
}

/**
 * Lint tasks and hand results to `onResult` in input order. With `jobs` ≤ 1 (or one task)
 * everything runs in this thread; otherwise the main thread and `jobs - 1` workers share the
 * files (`pool`, when given, is used and closed; else one is started).
 */
export async function runTasks(
  tasks: readonly FileTask[],
  jobs: number,
  onResult: (result: FileResult, index: number) => Promise<void> | void,
  pool?: LintPool,
): Promise<void> {
  if (jobs <= 1 || tasks.length < 2) {
    await pool?.close();
    for (const [index, task] of tasks.entries()) await onResult(await processFile(task), index);
    return;
  }
  const first = tasks[0] as FileTask;
  const workers =
    pool ??
    new LintPool(Math.min(jobs, tasks.length) - 1, {
      settings: first.settings,
      format: first.format ?? 'markdown',
    });
  try {
    await workers.run(tasks, onResult);
  } finally {
    await workers.close();
  }
}
