import { parentPort } from 'node:worker_threads';
import { processFile } from './process-file.js';
import type { FileTask } from './types.js';

/** Worker thread entry: lint the tasks it is sent, one at a time, and post each result back. */
parentPort?.on('message', (message: { index: number; task: FileTask }) => {
  void processFile(message.task).then((result) =>
    parentPort?.postMessage({ index: message.index, result }),
  );
});
