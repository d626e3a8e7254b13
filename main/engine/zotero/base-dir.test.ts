import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { tempDir } from '../../../test/helpers/shared.js';
import { findBaseDir, readPrefs } from './base-dir.js';

test('prefs.js lines are read, string values unescaped', () => {
  const p = readPrefs('// Mozilla\nuser_pref("extensions.zotero.baseAttachmentPath", "C:\\\\Users\\\\me\\\\Papers");\nuser_pref("extensions.zotero.sync.server.username", "x");\nuser_pref("a.number", 3);\n');
  assert.equal(p.get('extensions.zotero.baseAttachmentPath'), 'C:\\Users\\me\\Papers');
  assert.equal(p.get('a.number'), '3');
});

test('the base directory: the setting, else the profile whose dataDir is this library, else the default profile for ~/Zotero', () => {
  const home = tempDir('zhome-');
  const lib = join(home, 'Libraries', 'Work');
  const profiles = join(home, '.zotero', 'zotero');
  mkdirSync(join(profiles, 'a.default'), { recursive: true });
  mkdirSync(join(profiles, 'b.work'), { recursive: true });
  writeFileSync(join(profiles, 'a.default', 'prefs.js'), 'user_pref("extensions.zotero.baseAttachmentPath", "/papers/default");\n');
  writeFileSync(join(profiles, 'b.work', 'prefs.js'), `user_pref("extensions.zotero.baseAttachmentPath", "/papers/work");\nuser_pref("extensions.zotero.dataDir", ${JSON.stringify(lib)});\n`);
  assert.equal(findBaseDir(lib, { home }), '/papers/work');
  assert.equal(findBaseDir(join(home, 'Zotero'), { home }), '/papers/default', 'a profile naming no data folder uses ~/Zotero');
  assert.equal(findBaseDir(join(home, 'Other'), { home }), null);
  assert.equal(findBaseDir(lib, { home, baseDir: '/set/by/user' }), '/set/by/user');
});
