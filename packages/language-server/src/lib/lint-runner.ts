/**
 * Linting off the main thread. `lint` is synchronous and a large document can take seconds; in a
 * worker it never blocks hovers, code actions or the protocol, and a lint that a newer edit has
 * made pointless can be abandoned by terminating the worker.
 */
import type { Format } from '@luxlint/lint';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { lintText, type Finding, type PluginOptions } from './findings.js';

interface LintJob {
  id: number;
  text: string;
  format: Format;
  options: PluginOptions;
  path: string | undefined;
}

type LintReply = { id: number; findings: Finding[] } | { id: number; error: string };

const workerMarker = 'luxlintLintWorker';

/** Thrown (as a rejection) when a newer edit made a queued or running lint pointless. */
export class LintCancelled extends Error {
  constructor() {
    super('lint cancelled by a newer edit');
    this.name = 'LintCancelled';
  }
}

/** Whether this thread was started by a LintRunner; the entry script then calls `runLintWorker`. */
export function isLintWorker(): boolean {
  return (
    !isMainThread &&
    typeof workerData === 'object' &&
    workerData !== null &&
    (workerData as Record<string, unknown>)[workerMarker] === true
  );
}

/** The worker side: lint each job it is sent and reply with the findings or the error. */
export function runLintWorker(): void {
  parentPort?.on('message', (job: LintJob) => {
    let reply: LintReply;
    try {
      reply = { id: job.id, findings: lintText(job.text, job.format, job.options, job.path) };
    } catch (error) {
      reply = {
        id: job.id,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      };
    }
    parentPort?.postMessage(reply);
  });
}

interface PendingJob {
  job: LintJob;
  key: string;
  resolve: (findings: Finding[]) => void;
  reject: (error: Error) => void;
  startedAt: number;
}

export interface LintRunnerOptions {
  /** Script to start the worker from (it must call `runLintWorker` when `isLintWorker()`); none ⇒ lint in-process. */
  workerScript?: string | undefined;
  /** A running lint older than this is abandoned (the worker restarted) when its document changes. */
  abandonAfterMs?: number;
  log?: (message: string) => void;
}

/** Runs lints one at a time in a worker; per document only the newest request waits in the queue. */
export class LintRunner {
  #workerScript: string | undefined;
  #failures = 0;
  readonly #abandonAfterMs: number;
  readonly #log: (message: string) => void;
  #worker: Worker | undefined;
  #running: PendingJob | undefined;
  readonly #queue: PendingJob[] = [];
  #nextId = 1;

  constructor(options: LintRunnerOptions = {}) {
    this.#workerScript = options.workerScript;
    this.#abandonAfterMs = options.abandonAfterMs ?? 1000;
    this.#log = options.log ?? (() => undefined);
  }

  /** Lint `text`; `key` (the document URI) groups requests so a newer one replaces an older queued one. */
  lint(
    key: string,
    text: string,
    format: Format,
    options: PluginOptions,
    path: string | undefined,
  ): Promise<Finding[]> {
    const job: LintJob = { id: this.#nextId++, text, format, options, path };
    if (!this.#workerScript) {
      try {
        return Promise.resolve(lintText(text, format, options, path));
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    }
    return new Promise<Finding[]>((resolve, reject) => {
      for (let index = this.#queue.length - 1; index >= 0; index--) {
        const queued = this.#queue[index]!;
        if (queued.key === key) {
          this.#queue.splice(index, 1);
          queued.reject(new LintCancelled());
        }
      }
      this.#queue.push({ job, key, resolve, reject, startedAt: 0 });
      this.#pump();
    });
  }

  /**
   * A document changed or closed: drop its queued lint and abandon its running one. A running
   * lint is abandoned (the worker restarted, which costs a few hundred milliseconds) only once
   * it has run `abandonAfterMs`, so short lints simply finish; `immediately` skips the wait.
   */
  cancel(key: string, immediately = false): void {
    for (let index = this.#queue.length - 1; index >= 0; index--) {
      const queued = this.#queue[index]!;
      if (queued.key === key) {
        this.#queue.splice(index, 1);
        queued.reject(new LintCancelled());
      }
    }
    const running = this.#running;
    if (running?.key !== key) return;
    const wait = immediately ? 0 : this.#abandonAfterMs - (performance.now() - running.startedAt);
    if (wait <= 0) {
      this.#abandon(running);
      return;
    }
    const timer = setTimeout(() => this.#abandon(running), wait);
    timer.unref();
  }

  #abandon(job: PendingJob): void {
    if (this.#running !== job) return;
    this.#running = undefined;
    this.#stopWorker();
    job.reject(new LintCancelled());
    this.#pump();
  }

  dispose(): void {
    for (const queued of this.#queue.splice(0)) queued.reject(new LintCancelled());
    this.#running?.reject(new LintCancelled());
    this.#running = undefined;
    this.#stopWorker();
  }

  #stopWorker(): void {
    const worker = this.#worker;
    this.#worker = undefined;
    if (worker) void worker.terminate().catch(() => undefined);
  }

  /** Start the worker ahead of the first document, so loading and compiling the matcher is not on its clock. */
  warmUp(): void {
    if (!this.#workerScript || this.#worker) return;
    try {
      this.#worker = this.#startWorker(this.#workerScript);
    } catch (error) {
      this.#log(`luxlint: cannot start the lint worker: ${String(error)}`);
    }
  }

  #startWorker(script: string): Worker {
    const worker = new Worker(script, { workerData: { [workerMarker]: true } });
    // The worker must never keep the server alive after the editor has gone.
    worker.unref();
    // Job 0 compiles the matcher; its reply matches no running job and is dropped.
    const warmUp: LintJob = {
      id: 0,
      text: 'child pornography',
      format: 'text',
      options: {},
      path: undefined,
    };
    worker.postMessage(warmUp);
    worker.on('message', (reply: LintReply) => {
      if (worker !== this.#worker) return;
      const running = this.#running;
      if (!running || running.job.id !== reply.id) return;
      this.#running = undefined;
      this.#failures = 0;
      if ('error' in reply) running.reject(new Error(reply.error));
      else running.resolve(reply.findings);
      this.#pump();
    });
    const fail = (error: Error): void => {
      if (worker !== this.#worker) return;
      this.#worker = undefined;
      this.#log(`luxlint: the lint worker stopped: ${error.stack ?? error.message}`);
      const running = this.#running;
      this.#running = undefined;
      running?.reject(error);
      // A worker that cannot even start would fail every lint; lint on the main thread instead.
      if (++this.#failures >= 3) {
        this.#log(
          'luxlint: the lint worker failed three times in a row; linting on the main thread from now on',
        );
        this.#workerScript = undefined;
        for (const queued of this.#queue.splice(0)) {
          try {
            queued.resolve(
              lintText(queued.job.text, queued.job.format, queued.job.options, queued.job.path),
            );
          } catch (lintError) {
            queued.reject(lintError instanceof Error ? lintError : new Error(String(lintError)));
          }
        }
        return;
      }
      this.#pump();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`exit code ${code}`)));
    return worker;
  }

  #pump(): void {
    if (this.#running || this.#queue.length === 0 || !this.#workerScript) return;
    const next = this.#queue.shift()!;
    try {
      this.#worker ??= this.#startWorker(this.#workerScript);
      next.startedAt = performance.now();
      this.#running = next;
      this.#worker.postMessage(next.job);
    } catch (error) {
      this.#running = undefined;
      next.reject(error instanceof Error ? error : new Error(String(error)));
      this.#pump();
    }
  }
}
