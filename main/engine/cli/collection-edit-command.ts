/**
 * `delve collection rename|duplicate|delete|deleted|restore` (collections) and
 * `delve collection edit|remove|unremove|move` (a piece of evidence, by the id `collection list`
 * shows). Deleting and removing are undone by `restore` and `unremove`; both print the undo command.
 */
import type { Stance } from '../api.js';
import type { DelveEngine } from '../index.js';
import { UsageError, type Parsed } from './args.js';

type Out = (s: string) => void;
const STANCES = ['supports', 'contradicts', 'background', 'none'];

export const EDIT_SUBCOMMANDS = ['rename', 'duplicate', 'delete', 'deleted', 'restore', 'edit', 'remove', 'unremove', 'move'];

const count = (a: Parsed, sub: string, n: number, what: string) => {
  if (a.positionals.length - 1 !== n) throw new UsageError(`collection ${sub} needs ${what} (quote a name with spaces)`);
  return a.positionals.slice(1);
};
const id = (s: string, what: string) => {
  const n = Number(s);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`${what} must be a whole number`);
  return n;
};

export async function collectionEditCommand(engine: DelveEngine, a: Parsed, out: Out): Promise<void> {
  const sub = a.positionals[0]!;
  const say = (json: unknown, text: string) => out(a.json ? JSON.stringify(json) : text);
  switch (sub) {
    case 'rename': {
      const [name, to] = count(a, sub, 2, '<name> <new name>');
      const c = engine.renameCollection(name!, to!);
      return say(c, `renamed "${name}" to "${c.name}"`);
    }
    case 'duplicate': {
      const [name, to] = count(a, sub, 2, '<name> <name of the copy>');
      const c = engine.duplicateCollection(name!, to!);
      return say(c, `copied "${name}" to "${c.name}" (${c.evidence} evidence)`);
    }
    case 'delete': {
      const [name] = count(a, sub, 1, '<name>');
      const d = engine.deleteCollection(name!);
      return say(d, `deleted collection "${d.name}" (${d.evidence} evidence); undo: delve collection restore ${d.id}`);
    }
    case 'deleted': {
      count(a, sub, 0, 'no arguments');
      const list = engine.deletedCollections();
      if (a.json) return out(JSON.stringify(list));
      if (list.length === 0) return out('no deleted collections');
      for (const d of list) out(`${d.id}  "${d.name}"  (${d.evidence} evidence, deleted ${new Date(d.deletedAt).toISOString()})`);
      return;
    }
    case 'restore': {
      const [cid] = count(a, sub, 1, '<id> (as delete or deleted print it)');
      const c = engine.restoreCollection(id(cid!, 'the collection id'));
      return say(c, `restored collection "${c.name}" (${c.evidence} evidence)`);
    }
    case 'edit': {
      const [eid] = count(a, sub, 1, '<evidence id>');
      if (a.stance !== undefined && !STANCES.includes(a.stance)) throw new UsageError(`--stance must be one of ${STANCES.join(', ')}`);
      if (a.note === undefined && a.tags === undefined && a.stance === undefined && a.quote === undefined) {
        throw new UsageError('collection edit needs --note, --tag, --stance or --quote');
      }
      const r = engine.updateEvidence(id(eid!, 'the evidence id'), {
        note: a.note, tags: a.tags, quote: a.quote,
        ...(a.stance === undefined ? {} : { stance: a.stance === 'none' ? null : a.stance as Stance }),
      });
      return say(r, `edited evidence #${r.id}: "${r.quote.replace(/\s+/g, ' ').slice(0, 200)}"`);
    }
    case 'remove': {
      const [eid] = count(a, sub, 1, '<evidence id>');
      const r = engine.removeEvidence(id(eid!, 'the evidence id'));
      return say(r, `removed evidence #${r.id} from "${r.collection}"; undo: delve collection unremove ${r.id}`);
    }
    case 'unremove': {
      const [eid] = count(a, sub, 1, '<evidence id>');
      const r = engine.restoreEvidence(id(eid!, 'the evidence id'));
      return say(r, `restored evidence #${r.id} to "${r.collection}"`);
    }
    case 'move': {
      const [eid, place] = count(a, sub, 2, '<evidence id> <place, from 1>');
      const p = id(place!, 'the place');
      if (p < 1) throw new UsageError('the place counts from 1');
      const order = engine.moveEvidence(id(eid!, 'the evidence id'), p - 1);
      return say(order, `order: ${order.map((x) => `#${x}`).join(' ')}`);
    }
  }
}
