/**
 * The MeSH check against a db=mesh stand-in: which terms are headings, a heading that exists (also
 * as an entry term), one that does not and its suggestion (the first descriptor, not a
 * supplementary concept), memoised lookups, and a refused lookup.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { realClock } from '../eutils/clock.js';
import { RateLimiter } from '../eutils/rate-limit.js';
import { checkQuery, type Node } from '../query/index.js';
import { createMeshClient } from './mesh-client.js';
import { checkMesh, meshHeadings } from './mesh.js';
import { MESH_RECORDS, SEARCHED } from '../../../../test/helpers/pubmed-draft-fixtures.js';
import { startMeshServer, type MeshTestServer } from '../../../../test/helpers/mesh-server.js';

let server: MeshTestServer;
before(async () => { server = await startMeshServer(MESH_RECORDS); });
after(() => server.close());

const client = () => createMeshClient({ baseUrl: server.url, email: 'me@example.org', limiter: new RateLimiter(1000, 1000, realClock, { minIntervalMs: 0 }) });
const tree = (q: string): Node => {
  const r = checkQuery(q);
  assert.ok(r.ok, q);
  return r.tree;
};

test('the headings of a query: [mh] and [majr] (also :noexp), subheadings cut, truncated and other fields left out', () => {
  assert.deepEqual(meshHeadings(tree('"Thyroid Neoplasms/surgery"[mh] OR thyroid neoplasms[majr:noexp] OR "Autopsy"[MeSH Terms:noexp] OR neoplasm*[mh] OR prevalence[tiab] OR Autopsy[majr]')),
    ['Thyroid Neoplasms', 'Autopsy']);
});

test('a heading that does not exist, with the nearest descriptor as its suggestion', async () => {
  const mesh = client();
  const r = await checkMesh(mesh, tree(SEARCHED.A));
  assert.deepEqual(r, [{ heading: 'Occult Thyroid Cancer', exists: false, suggestion: 'Thyroid Neoplasms' }]);
  assert.deepEqual(server.requests.map((q) => [q.endpoint, q.params.term ?? q.params.id]), [
    ['esearch.fcgi', '"Occult Thyroid Cancer"[MeSH Terms]'],
    ['esearch.fcgi', 'Occult Thyroid Cancer'],
    ['esummary.fcgi', '67999001,68013964'],
  ], 'the supplementary concept ranked first is passed over');
  assert.ok(server.requests.every((q) => q.params.db === 'mesh' && q.params.tool === 'delve' && q.params.email === 'me@example.org'));

  server.requests.length = 0;
  const ok = await checkMesh(mesh, tree('("Thyroid Neoplasms"[mh] OR "Thyroid Cancer"[mh]) AND autopsies[mh] AND "Occult Thyroid Cancer"[majr]'));
  assert.deepEqual(ok, [
    { heading: 'Thyroid Neoplasms', exists: true, suggestion: null },
    { heading: 'Thyroid Cancer', exists: true, suggestion: null },
    { heading: 'autopsies', exists: true, suggestion: null },
    { heading: 'Occult Thyroid Cancer', exists: false, suggestion: 'Thyroid Neoplasms' },
  ]);
  assert.equal(server.requests.length, 3, 'the heading looked up before is not asked again');
});

test('no suggestion when nothing is near; a refused lookup is reported, not thrown; NCBI down is thrown', async () => {
  const mesh = client();
  assert.deepEqual(await checkMesh(mesh, tree('"Zzyzx Quux"[mh]')), [{ heading: 'Zzyzx Quux', exists: false, suggestion: null }]);
  server.failNext('{"esearchresult":{"ERROR":"Invalid query"}}');
  const [refused] = await checkMesh(mesh, tree('"Prevalence"[mh]'));
  assert.equal(refused!.exists, null);
  assert.match(refused!.error!, /Invalid query/);
  assert.deepEqual(await checkMesh(mesh, tree('"Prevalence"[mh]')), [{ heading: 'Prevalence', exists: true, suggestion: null }], 'a failed lookup is not memoised');
  const dead = createMeshClient({ baseUrl: 'http://127.0.0.1:1/entrez/eutils/', retries: 0, limiter: new RateLimiter(1000, 1000, realClock, { minIntervalMs: 0 }) });
  await assert.rejects(checkMesh(dead, tree('"Autopsy"[mh]')), (e: unknown) => (e as { code?: string }).code === 'PUBMED_UNREACHABLE');
});
