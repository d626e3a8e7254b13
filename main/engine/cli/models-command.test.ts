/**
 * `delve models …` as a real process against a local stand-in for the hub: list, pull (through
 * $DELVE_HF_BASE, with the catalog from $DELVE_MODEL_CATALOG), `embed --model <id>` using the pulled
 * model, import, remove, and the usage and error exits (2 for usage, 1 with a code on stderr).
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { delve } from '../../../test/helpers/cli.js';
import { startHub, type Hub } from '../../../test/helpers/hub-server.js';
import { sharedDir } from '../../../test/helpers/shared.js';

const tiny = join(sharedDir(), 'models', 'bert-tiny-random');
const root = mkdtempSync(join(tmpdir(), 'delve-models-cli-'));
const catalog = join(root, 'catalog');
let hub: Hub;
let env: NodeJS.ProcessEnv;

before(async () => {
  hub = await startHub({ 'org/tiny': tiny });
  mkdirSync(catalog);
  const files = ['model.onnx', 'tokenizer.json', 'config.json'].map((p) => ({
    path: p, url: `{base}/org/tiny/resolve/main/${p}`, bytes: statSync(join(tiny, p)).size,
    sha256: createHash('sha256').update(readFileSync(join(tiny, p))).digest('hex'),
  }));
  writeFileSync(join(catalog, 'tiny.json'), JSON.stringify({
    id: 'tiny', name: 'Tiny test BERT', license: 'test', default: true, source: { repo: 'org/tiny', revision: 'main' },
    files, onnx: 'model.onnx', dims: 32, pooling: 'mean', normalize: true, maxTokens: 128,
  }));
  env = { ...process.env, DELVE_HOME: join(root, 'home'), DELVE_MODEL_CATALOG: catalog, DELVE_HF_BASE: hub.base, HTTPS_PROXY: '', HTTP_PROXY: '', https_proxy: '', http_proxy: '' };
});
after(async () => { await hub.close(); rmSync(root, { recursive: true, force: true }); });

test('list → pull → embed --model <id> → import → remove, with --json', async () => {
  let r = await delve(['models', 'list', '--json'], { env });
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual((JSON.parse(r.stdout) as Array<{ id: string; installed: boolean }>).map((m) => [m.id, m.installed]), [['tiny', false]]);

  r = await delve(['models', 'pull', 'tiny', '--json'], { env });
  assert.equal(r.code, 0, r.stderr);
  const pulled = JSON.parse(r.stdout) as { id: string; dir: string; alreadyInstalled: boolean };
  assert.deepEqual([pulled.id, pulled.alreadyInstalled, pulled.dir], ['tiny', false, join(root, 'home', 'models', 'tiny')]);
  r = await delve(['models', 'pull', 'tiny'], { env });
  assert.match(r.stdout, /already installed/);

  r = await delve(['models', 'list'], { env });
  assert.match(r.stdout, /\* tiny\s+installed/);

  const notes = join(root, 'notes');
  mkdirSync(notes);
  writeFileSync(join(notes, 'a.md'), '# A\n\nSome words about glaciers.\n');
  const db = join(root, 'x.db');
  r = await delve(['index', notes, '--db', db, '--json'], { env });
  assert.equal(r.code, 0, r.stderr);
  r = await delve(['embed', '--db', db, '--model', 'tiny', '--json'], { env });
  assert.equal(r.code, 0, r.stderr);

  r = await delve(['models', 'import', tiny, '--id', 'local-tiny', '--json'], { env });
  assert.equal(r.code, 0, r.stderr);
  assert.equal((JSON.parse(r.stdout) as { id: string }).id, 'local-tiny');
  r = await delve(['models', 'remove', 'local-tiny'], { env });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /removed local-tiny/);
});

test('usage errors exit 2; engine errors exit 1 with the code', async () => {
  for (const args of [['models'], ['models', 'frob'], ['models', 'pull'], ['models', 'remove', 'a', 'b']]) {
    const r = await delve(args, { env });
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
  }
  let r = await delve(['models', 'pull', 'nope'], { env });
  assert.equal(r.code, 1);
  assert.match(r.stderr, /^delve: MODEL_NOT_FOUND: /);
  r = await delve(['models', 'remove', 'tiny-never'], { env });
  assert.match(r.stderr, /^delve: MODEL_NOT_FOUND: /);
});
