/**
 * `delve` command-line entry. Exit codes: 0 success, 2 usage error, 1 failure; failures print one
 * line on stderr. Uses the same engine facade as the desktop app.
 */
import { join } from 'node:path';
import { createEngine } from '../index.js';
import { defaultDataDir } from '../config.js';
import { toErrorData } from '../errors.js';
import { parse, USAGE, UsageError } from './args.js';
import { importCommand, indexCommand, statusCommand, watchCommand } from './commands.js';
import { searchCommand } from './search-command.js';
import { llmCommand } from './llm-command.js';
import { pubmedCommand } from './pubmed-command.js';
import { trialsCommand } from './trials-command.js';
import { embedCommand } from './embed-command.js';
import { evalCommand } from './eval-command.js';
import { embeddingFromArgs } from './embedding-config.js';
import { modelsCommand } from './models-command.js';
import { collectionCommand, historyCommand } from './collection-command.js';
import { zoteroCommand } from './zotero-command.js';
import { mcpCommand } from './mcp-command.js';
import { backupCommand, restoreCommand } from './backup-command.js';

export async function main(argv: string[]): Promise<number> {
  const out = (s: string) => void process.stdout.write(s + '\n');
  const err = (s: string) => void process.stderr.write(s + '\n');
  let engine;
  try {
    const a = parse(argv);
    if (a.help || a.command === 'help') { out(USAGE); return 0; }
    if (a.command === 'llm') return await llmCommand(a, out, err); // no database needed
    if (a.command === 'pubmed') return await pubmedCommand(a, defaultDataDir(), out, err); // no database needed
    if (a.command === 'trials') return await trialsCommand(a, defaultDataDir(), out, err);
    if (a.command === 'models') { await modelsCommand(a, defaultDataDir(), out, err); return 0; } // no database needed
    if (!['index', 'status', 'search', 'watch', 'embed', 'eval', 'zotero', 'collection', 'history', 'import', 'mcp', 'backup', 'restore'].includes(a.command)) {
      throw new UsageError(a.command ? `unknown command "${a.command}"` : 'no command given');
    }
    const dataDir = defaultDataDir();
    if (a.command === 'eval') { await evalCommand(a, dataDir, out); return 0; }
    const dbPath = a.db ?? process.env.DELVE_DB ?? join(dataDir, 'delve.db');
    if (a.command === 'restore') { await restoreCommand(dbPath, a, dataDir, out); return 0; } // the library may be damaged: not opened first
    engine = await createEngine({
      dbPath, workers: a.workers, embedding: embeddingFromArgs(a, dataDir),
      ...(a.llmModel ? { llm: { model: a.llmModel } } : {}),
      bm25: { k1: a.k1, b: a.b, rm3: a.rm3 },
      ...(a.noWait ? { writerWaitMs: 0 } : {}),
      ocr: { ...(a.noOcr ? { enabled: false } : {}), ...(a.ocrLangs ? { languages: a.ocrLangs } : {}) },
      chunk: { ...(a.chunkSize ? { targetChars: a.chunkSize } : {}), ...(a.chunkOverlap !== undefined ? { overlapChars: a.chunkOverlap } : {}) },
    });
    switch (a.command) {
      case 'index': await indexCommand(engine, a, out, err); break;
      case 'status': await statusCommand(engine, a, out); break;
      case 'embed': await embedCommand(engine, a, out); break;
      case 'search': await searchCommand(engine, a, out, err); break;
      case 'watch': await watchCommand(engine, a, out, err); break;
      case 'collection': await collectionCommand(engine, a, out); break;
      case 'history': await historyCommand(engine, a, out); break;
      case 'zotero': await zoteroCommand(engine, a, out); break;
      case 'import': await importCommand(engine, a, out); break;
      case 'mcp': await mcpCommand(engine, a, err); break;
      case 'backup': await backupCommand(engine, a, dataDir, out); break;
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
  }
}
