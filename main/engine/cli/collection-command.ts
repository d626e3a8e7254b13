/**
 * `delve collection create|add|list|export` (evidence collections; the editing commands are in
 * collection-edit-command.ts) and `delve history` (past
 * searches). Collections are named; evidence is added by chunk id (as `delve search --json` shows it).
 */
import { writeFileSync } from 'node:fs';
import type { CollectionExportFormat, EvidenceSort, Stance } from '../api.js';
import type { DelveEngine } from '../index.js';
import { EXPORT_FORMATS, pageRef } from '../review/export.js';
import { SORTS } from '../review/table.js';
import { UsageError, type Parsed } from './args.js';
import { collectionEditCommand, EDIT_SUBCOMMANDS } from './collection-edit-command.js';

type Out = (s: string) => void;
const STANCES = ['supports', 'contradicts', 'background'];

export async function collectionCommand(engine: DelveEngine, a: Parsed, out: Out): Promise<void> {
  const [sub, name, ...extra] = a.positionals;
  if (sub !== undefined && EDIT_SUBCOMMANDS.includes(sub)) return collectionEditCommand(engine, a, out);
  if (extra.length > 0) throw new UsageError(`collection ${sub ?? ''}: unexpected "${extra[0]}" (quote a name with spaces)`);
  const needName = () => {
    if (!name) throw new UsageError(`collection ${sub} needs a collection name`);
    return name;
  };
  switch (sub) {
    case 'create': {
      const c = engine.createCollection(needName());
      out(a.json ? JSON.stringify(c) : `created collection "${c.name}"`);
      return;
    }
    case 'add': {
      const n = needName();
      if (a.chunk === undefined) throw new UsageError('collection add needs --chunk <id> (the chunkId of a search result)');
      if (a.stance !== undefined && !STANCES.includes(a.stance)) throw new UsageError(`--stance must be one of ${STANCES.join(', ')}`);
      const row = engine.addEvidence(n, { chunkId: a.chunk }, {
        note: a.note, tags: a.tags, stance: a.stance as Stance | undefined,
        query: a.query === undefined ? null : { text: a.query, mode: a.mode ?? null, settings: {} },
      });
      out(a.json ? JSON.stringify(row) : `added evidence #${row.id} to "${n}": ${row.title ?? row.path}${pageRef(row) ? `, ${pageRef(row)}` : ''}`);
      return;
    }
    case 'list': {
      if (!name) {
        const list = engine.collections();
        if (a.json) out(JSON.stringify(list));
        else if (list.length === 0) out('no collections');
        else for (const c of list) out(`${c.name}  (${c.evidence} evidence)`);
        return;
      }
      if (a.sort !== undefined && !(SORTS as readonly string[]).includes(a.sort)) throw new UsageError(`--sort must be one of ${SORTS.join(', ')}`);
      const rows = engine.evidence(name, a.sort as EvidenceSort | undefined);
      if (a.json) { out(JSON.stringify(rows)); return; }
      if (rows.length === 0) out('no evidence');
      for (const r of rows) {
        const where = [r.title ?? r.path, r.year, pageRef(r)].filter((x) => x !== null && x !== '').join(', ');
        const meta = [r.stance, r.tags.length ? `#${r.tags.join(' #')}` : ''].filter(Boolean).join(' ');
        out(`#${r.id} ${where}${meta ? `  [${meta}]` : ''}\n   "${r.quote.replace(/\s+/g, ' ').slice(0, 300)}"${r.note ? `\n   note: ${r.note}` : ''}`);
      }
      return;
    }
    case 'export': {
      const n = needName();
      if (a.format === undefined || !(EXPORT_FORMATS as readonly string[]).includes(a.format)) {
        throw new UsageError(`collection export needs --format ${EXPORT_FORMATS.join('|')}`);
      }
      const text = engine.exportCollection(n, a.format as CollectionExportFormat);
      if (a.out === undefined) { process.stdout.write(text); return; }
      writeFileSync(a.out, text);
      out(a.json ? JSON.stringify({ path: a.out, bytes: Buffer.byteLength(text) }) : `wrote ${a.out}`);
      return;
    }
    default:
      throw new UsageError(sub ? `unknown collection command "${sub}" (create, add, list, export, ${EDIT_SUBCOMMANDS.join(', ')})`
        : `collection needs a command: create, add, list, export, ${EDIT_SUBCOMMANDS.join(', ')}`);
  }
}

export async function historyCommand(engine: DelveEngine, a: Parsed, out: Out): Promise<void> {
  if (a.positionals.length > 0) throw new UsageError('history takes no arguments');
  const list = engine.history(a.limit ?? 50);
  if (a.json) { out(JSON.stringify(list)); return; }
  if (list.length === 0) out('no searches yet');
  for (const h of list) out(`#${h.id}  ${new Date(h.at).toISOString()}  ${h.mode}  ${h.results} results  ${h.ms} ms  "${h.query}"`);
}
