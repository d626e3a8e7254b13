import { describe, expect, it } from 'vitest';
import { viewerKey } from './viewerKeys.js';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }> = {}) =>
  ({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });

describe('viewer keys', () => {
  it('Ctrl/Cmd+F finds, even from a field; n/p only outside fields', () => {
    const input = document.createElement('input');
    expect(viewerKey(key('f', { ctrlKey: true }), input, false, 500)).toBe('find');
    expect(viewerKey(key('F', { metaKey: true }), null, true, 500)).toBe('find');
    expect(viewerKey(key('n'), input, false, 500)).toBeNull();
    expect(viewerKey(key('n'), document.body, false, 500)).toBe('next');
    expect(viewerKey(key('p'), null, true, 500)).toBe('previous');
    expect(viewerKey(key('n', { ctrlKey: true }), null, true, 500)).toBeNull();
  });

  it('the scrolling keys scroll only when the dialog itself has focus', () => {
    expect(viewerKey(key('PageDown'), null, true, 500)).toEqual({ scroll: 450 });
    expect(viewerKey(key(' ', { shiftKey: true }), null, true, 500)).toEqual({ scroll: -450 });
    expect(viewerKey(key('ArrowDown'), null, true, 500)).toEqual({ scroll: 40 });
    expect(viewerKey(key('End'), null, true, 500)).toEqual({ scroll: 'end' });
    expect(viewerKey(key('PageDown'), null, false, 500)).toBeNull();
  });
});
