import { setFlagsFromString } from 'node:v8';

/**
 * Let V8 wait eight times longer before optimising a function. A one-draft run is over before
 * the optimising compiler earns back what it costs: it compiled optimised code (on the two cores
 * that also run the lint) for functions called only a few dozen times, about a quarter of the
 * run. Measured: ~130 ms less on a 5 KB draft of ~550 ms. Folder runs keep it too: with two
 * threads each one compiles its own optimised code on the same two cores, and on this 2-core
 * machine, shared, V8's default pace cost more CPU than it saved (clean folder, 2 threads:
 * 0.93–1.10 s of CPU with this flag, 1.15–1.45 s without; realistic: no difference beyond the
 * noise). Call it before the linting code first runs and before worker threads start (the flag
 * is process-wide, and read when a function's budget is set).
 */
export function preferShortRuns(): void {
  setFlagsFromString(`--interrupt-budget=${8 * 67_584}`);
}
