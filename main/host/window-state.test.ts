import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { DEFAULT_STATE, FILE_NAME, fitToDisplays, loadWindowState, parseWindowState, saveWindowState } from './window-state.js';

const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }];

test('parse accepts saved state and rejects junk', () => {
  assert.deepEqual(parseWindowState('{"x":10,"y":20,"width":900,"height":700,"maximized":true}'), { x: 10, y: 20, width: 900, height: 700, maximized: true });
  assert.deepEqual(parseWindowState('{"width":900,"height":700}'), { width: 900, height: 700, maximized: false });
  assert.equal(parseWindowState('{"width":-1,"height":700}'), null);
  assert.equal(parseWindowState('{"width":"big"}'), null);
  assert.equal(parseWindowState('not json'), null);
});

test('bounds on a connected display are kept, size clamped', () => {
  assert.deepEqual(fitToDisplays({ x: 100, y: 100, width: 5000, height: 300, maximized: false }, screen), { x: 100, y: 100, width: 1920, height: 480, maximized: false });
});

test('a position on a display that is gone is dropped', () => {
  const s = fitToDisplays({ x: 3000, y: 100, width: 800, height: 600, maximized: true }, screen);
  assert.deepEqual(s, { width: 800, height: 600, maximized: true });
  const second = [...screen, { x: 1920, y: 0, width: 1920, height: 1080 }];
  assert.equal(fitToDisplays({ x: 3000, y: 100, width: 800, height: 600, maximized: false }, second).x, 3000);
});

test('save then load round-trips; a missing or broken file gives the default', () => {
  const dir = mkdtempSync(join(tmpdir(), 'delve-ws-'));
  try {
    assert.deepEqual(loadWindowState(dir, screen), DEFAULT_STATE);
    assert.equal(saveWindowState(dir, { x: 10.4, y: 20, width: 900.6, height: 700, maximized: false }), true);
    assert.deepEqual(JSON.parse(readFileSync(join(dir, FILE_NAME), 'utf8')), { x: 10, y: 20, width: 901, height: 700, maximized: false });
    assert.deepEqual(loadWindowState(dir, screen), { x: 10, y: 20, width: 901, height: 700, maximized: false });
    writeFileSync(join(dir, FILE_NAME), '{oops');
    assert.deepEqual(loadWindowState(dir, screen), DEFAULT_STATE);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
