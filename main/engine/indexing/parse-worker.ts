/** Worker-thread entry: parses the group of files posted by the indexer's pool, in order. */
import { parentPort, workerData } from 'node:worker_threads';
import { toErrorData } from '../errors.js';
import { loadPdfium, usePdfiumModule } from '../ingest/pdf/pdfium/module.js';
import { parseFile, type ParseOutcome, type ParseTask } from './parse.js';

// The indexer hands its compiled pdfium module over when there are PDFs, so the workers share its
// machine code; it is instantiated at once, before the first PDF arrives (a failure is retried then).
const pdfium = (workerData as { pdfium?: unknown } | null)?.pdfium;
usePdfiumModule(pdfium);
if (pdfium) void loadPdfium().catch(() => undefined);

parentPort?.on('message', async (tasks: ParseTask[]) => {
  try {
    const outcomes: ParseOutcome[] = [];
    for (const task of tasks) outcomes.push(await parseFile(task));
    parentPort!.postMessage({ ok: true, value: outcomes });
  } catch (err) {
    parentPort!.postMessage({ ok: false, error: toErrorData(err, tasks[0]?.path) });
  }
});
