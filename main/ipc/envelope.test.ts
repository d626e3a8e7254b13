import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EngineError } from '../engine/errors.js';
import { CodedError, fail, isIpcCode, ok, toIpcError } from './envelope.js';

test('ok and fail build the two Result shapes', () => {
  assert.deepEqual(ok(3), { ok: true, data: 3 });
  assert.deepEqual(fail('FORBIDDEN', 'no'), { ok: false, error: { code: 'FORBIDDEN', message: 'no' } });
});

test('engine and host codes are kept', () => {
  assert.deepEqual(toIpcError(new EngineError('PDF_ENCRYPTED', 'locked')), { code: 'PDF_ENCRYPTED', message: 'locked' });
  assert.deepEqual(toIpcError(new CodedError('ENGINE_UNAVAILABLE', 'gone')), { code: 'ENGINE_UNAVAILABLE', message: 'gone' });
  assert.deepEqual(toIpcError({ code: 'DB_BUSY', message: 'locked' }), { code: 'DB_BUSY', message: 'locked' });
});

test('unknown codes and non-errors become INTERNAL', () => {
  assert.deepEqual(toIpcError(Object.assign(new Error('boom'), { code: 'ENOENT' })), { code: 'INTERNAL', message: 'boom' });
  assert.deepEqual(toIpcError('text'), { code: 'INTERNAL', message: 'text' });
  assert.deepEqual(toIpcError(undefined), { code: 'INTERNAL', message: 'undefined' });
  assert.equal(isIpcCode('NOPE'), false);
  assert.equal(isIpcCode('FORBIDDEN'), true);
});
