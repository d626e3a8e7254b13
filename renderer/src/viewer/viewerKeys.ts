/**
 * The viewer's keys, as a decision on one key press: Ctrl/Cmd+F opens find, n/p step through the
 * search query's matches, and the scrolling keys (PageDown/PageUp, arrows, Space, Home/End) pressed
 * while the dialog itself has focus scroll the pages (and hand focus to them, so the next press is
 * the browser's own scrolling). Typing in a field is never taken.
 */

export type ViewerKeyAction = 'find' | 'next' | 'previous' | { scroll: number | 'start' | 'end' } | null;

interface KeyLike { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }

const typing = (el: EventTarget | null): boolean =>
  el instanceof HTMLElement && (/^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName) || el.isContentEditable);

/** `onDialog`: the key was pressed with the dialog element itself focused; `page`: the scroller's height. */
export function viewerKey(e: KeyLike, target: EventTarget | null, onDialog: boolean, page: number): ViewerKeyAction {
  if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'f') return 'find';
  if (e.ctrlKey || e.metaKey || e.altKey || typing(target)) return null;
  if (e.key === 'n') return 'next';
  if (e.key === 'p') return 'previous';
  if (!onDialog) return null;
  const line = 40;
  switch (e.key) {
    case 'PageDown': return { scroll: page * 0.9 };
    case 'PageUp': return { scroll: -page * 0.9 };
    case ' ': return { scroll: (e.shiftKey ? -1 : 1) * page * 0.9 };
    case 'ArrowDown': return { scroll: line };
    case 'ArrowUp': return { scroll: -line };
    case 'Home': return { scroll: 'start' };
    case 'End': return { scroll: 'end' };
    default: return null;
  }
}
