/** Worker-thread entry: parses the group of files posted by the indexer's pool, in order. */
import { parentPort } from 'node:worker_threads';
import { toErrorData } from '../errors.js';
import { parseFile, type ParseOutcome, type ParseTask } from './parse.js';

parentPort?.on('message', async (tasks: ParseTask[]) => {
  try {
    const outcomes: ParseOutcome[] = [];
    for (const task of tasks) outcomes.push(await parseFile(task));
    parentPort!.postMessage({ ok: true, value: outcomes });
  } catch (err) {
    parentPort!.postMessage({ ok: false, error: toErrorData(err, tasks[0]?.path) });
  }
});
