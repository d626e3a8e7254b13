/**
 * `delve models list|pull|import|remove`: the model manager from the command line. It never opens
 * the database. Ctrl-C during a pull cancels it and keeps the partial files, so pulling again resumes.
 */
import { EngineError } from '../errors.js';
import { importModel, listModels, pullModel, removeModel, type ModelListing, type ModelManagerOptions } from '../models/manager.js';
import { UsageError, type Parsed } from './args.js';
import { downloadBar, formatBytes } from './download-bar.js';
import { onInterrupt } from './interrupt.js';

type Out = (s: string) => void;

function status(m: ModelListing): string {
  if (m.installed) return 'installed';
  if (m.partial) return 'partial (pull resumes)';
  if (m.pullable) return 'available';
  return m.conversion ? 'convert + import' : 'not pinned (import)';
}

function listCommand(o: ModelManagerOptions, json: boolean, out: Out): void {
  const rows = listModels(o);
  if (json) { out(JSON.stringify(rows, null, 2)); return; }
  for (const m of rows) {
    const size = m.installedBytes ?? m.downloadBytes;
    out(`${m.default ? '*' : ' '} ${m.id.padEnd(24)} ${status(m).padEnd(22)} ${(size === null ? '-' : formatBytes(size)).padStart(9)}  ${String(m.dims).padStart(4)}d  ${m.name}`);
  }
  out('(* = default model; "delve models pull <id>" installs one)');
}

async function pullCommand(id: string, o: ModelManagerOptions, json: boolean, out: Out, err: Out): Promise<void> {
  const interrupt = onInterrupt({ secondExits: true }); // a second Ctrl-C does not wait
  const bar = downloadBar();
  try {
    const onRetry = (r: { file: string; attempt: number; delayMs: number; error: string }) => {
      bar?.end();
      err(`delve: ${r.file}: ${r.error}; retry ${r.attempt} in ${Math.round(r.delayMs / 100) / 10}s`);
    };
    const r = await pullModel(id, { ...o, signal: interrupt.signal, onProgress: (p) => bar?.update(p), onRetry });
    bar?.end();
    if (json) out(JSON.stringify(r, null, 2));
    else if (r.alreadyInstalled) out(`${id} is already installed in ${r.dir}`);
    else out(`installed ${id} (${formatBytes(r.bytes)}, ${r.files} files${r.resumed ? ', resumed' : ''}) in ${r.dir}`);
  } catch (e) {
    bar?.end();
    if (e instanceof EngineError && e.code === 'CANCELLED') {
      throw new EngineError('CANCELLED', `download of ${id} cancelled; the partial files are kept and "delve models pull ${id}" resumes it`);
    }
    if (e instanceof EngineError && e.code === 'DOWNLOAD_FAILED') err(`delve: run "delve models pull ${id}" again to resume`);
    throw e;
  } finally {
    interrupt.release();
  }
}

export async function modelsCommand(a: Parsed, dataDir: string, out: Out, err: Out): Promise<void> {
  const [sub, arg, ...extra] = a.positionals;
  const o: ModelManagerOptions = { dataDir };
  const one = (what: string) => {
    if (!arg || extra.length) throw new UsageError(`delve models ${sub} takes one ${what}`);
    return arg;
  };
  switch (sub) {
    case 'list':
      if (arg) throw new UsageError('delve models list takes no arguments');
      listCommand(o, a.json, out);
      return;
    case 'pull':
      await pullCommand(one('model id'), o, a.json, out, err);
      return;
    case 'import': {
      const r = await importModel(one('folder'), { id: a.id }, o);
      out(a.json ? JSON.stringify(r, null, 2) : `imported ${r.id} (${formatBytes(r.bytes)}, ${r.files} files) into ${r.dir}`);
      return;
    }
    case 'remove': {
      const r = removeModel(one('model id'), o);
      out(a.json ? JSON.stringify(r, null, 2) : `removed ${r.id}${r.bytes ? ` (${formatBytes(r.bytes)})` : ''}${r.hadPartial ? ' and its partial download' : ''}`);
      return;
    }
    default:
      throw new UsageError(sub ? `unknown models command "${sub}" (list, pull, import, remove)` : 'delve models needs list, pull, import or remove');
  }
}
