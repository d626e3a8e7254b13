/**
 * `delve` command-line entry. Exit codes: 0 success, 2 usage error, 1 failure; failures print one
 * line on stderr. Uses the same engine facade as the desktop app.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { DelveEngine } from '../index.js';
import { defaultDataDir, resolveConfig } from '../config.js';
import { toErrorData } from '../errors.js';
import { parse, USAGE, UsageError } from './args.js';
import { embeddingFromArgs } from './embedding-config.js';

// Each command's module is loaded when that command runs: `delve search` does not load PubMed, MCP or Zotero code.
const commands = () => import('./commands.js');

export async function main(argv: string[]): Promise<number> {
  const out = (s: string) => void process.stdout.write(s + '\n');
  const err = (s: string) => void process.stderr.write(s + '\n');
  let engine: DelveEngine | undefined;
  let parsers: Promise<typeof import('../indexing/parser-pool.js') | undefined> | undefined;
  try {
    const a = parse(argv);
    if (a.help || a.command === 'help') { out(USAGE); return 0; }
    if (a.command === 'llm') return await (await import('./llm-command.js')).llmCommand(a, out, err); // no database needed
    if (a.command === 'pubmed') return await (await import('./pubmed-command.js')).pubmedCommand(a, defaultDataDir(), out, err); // no database needed
    if (a.command === 'trials') return await (await import('./trials-command.js')).trialsCommand(a, defaultDataDir(), out, err);
    if (a.command === 'models') { await (await import('./models-command.js')).modelsCommand(a, defaultDataDir(), out, err); return 0; } // no database needed
    if (!['index', 'status', 'search', 'watch', 'embed', 'eval', 'zotero', 'collection', 'history', 'import', 'mcp', 'backup', 'restore'].includes(a.command)) {
      throw new UsageError(a.command ? `unknown command "${a.command}"` : 'no command given');
    }
    const dataDir = defaultDataDir();
    if (a.command === 'eval') { await (await import('./eval-command.js')).evalCommand(a, dataDir, out); return 0; }
    const dbPath = a.db ?? process.env.DELVE_DB ?? join(dataDir, 'delve.db');
    if (a.command === 'restore') { await (await import('./backup-command.js')).restoreCommand(dbPath, a, dataDir, out); return 0; } // the library may be damaged: not opened first
    // Indexing parses PDFs: pdfium's WebAssembly compiles on V8's background threads while the engine's modules
    // load, and `delve index` starts its parser workers with it, so they are ready when the scan is done.
    if (a.command === 'index' && a.positionals.length > 0) {
      const cfg = resolveConfig({ dbPath, workers: a.workers });
      // Files named one by one need no more workers than there are files.
      const files = a.positionals.every((p) => statSync(p, { throwIfNoEntry: false })?.isFile()) ? a.positionals.length : cfg.workers;
      parsers = import('../indexing/parser-pool.js').then((m) => { m.prestartParsers(Math.min(m.startingWorkers(cfg.workers), files), cfg.taskTimeoutMs); return m; }, () => undefined);
    }
    if (a.command === 'watch') void import('../ingest/pdf/pdfium/module.js').then((m) => m.compiledPdfium()).catch(() => undefined);
    const { createEngine } = await import('../index.js');
    engine = await createEngine({
      dbPath, workers: a.workers, embedding: embeddingFromArgs(a, dataDir),
      ...(a.llmModel ? { llm: { model: a.llmModel } } : {}),
      bm25: { k1: a.k1, b: a.b, rm3: a.rm3 },
      ...(a.noWait ? { writerWaitMs: 0 } : {}),
      ocr: { ...(a.noOcr ? { enabled: false } : {}), ...(a.ocrLangs ? { languages: a.ocrLangs } : {}), ...(a.ocrData ? { data: a.ocrData } : {}), ...(a.ocrGarbage ? { garbageText: true } : {}) },
      chunk: { ...(a.chunkSize ? { targetChars: a.chunkSize } : {}), ...(a.chunkOverlap !== undefined ? { overlapChars: a.chunkOverlap } : {}) },
    });
    switch (a.command) {
      case 'index': await (await commands()).indexCommand(engine, a, out, err); break;
      case 'status': await (await commands()).statusCommand(engine, a, out); break;
      case 'embed': await (await import('./embed-command.js')).embedCommand(engine, a, out); break;
      case 'search': await (await import('./search-command.js')).searchCommand(engine, a, out, err); break;
      case 'watch': await (await commands()).watchCommand(engine, a, out, err); break;
      case 'collection': await (await import('./collection-command.js')).collectionCommand(engine, a, out); break;
      case 'history': await (await import('./collection-command.js')).historyCommand(engine, a, out); break;
      case 'zotero': await (await import('./zotero-command.js')).zoteroCommand(engine, a, out); break;
      case 'import': await (await commands()).importCommand(engine, a, out); break;
      case 'mcp': await (await import('./mcp-command.js')).mcpCommand(engine, a, err); break;
      case 'backup': await (await import('./backup-command.js')).backupCommand(engine, a, dataDir, out); break;
    }
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      err(`delve: ${e.message} (see "delve --help")`);
      return 2;
    }
    const data = toErrorData(e);
    err(`delve: ${data.code}: ${data.message.split('\n')[0]}`);
    return 1;
  } finally {
    engine?.close();
    await (await parsers)?.releaseParsers(); // started workers no index run took (it failed first)
  }
}
