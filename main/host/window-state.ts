/**
 * The main window's bounds, kept across runs as JSON in userData/window-state.json. Saved bounds
 * are only reused when they still land on a connected display. No electron import: the caller
 * passes userData and the displays' work areas (screen.getAllDisplays()); tested under plain Node.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  /** Absent: let the system place the window. */
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const FILE_NAME = 'window-state.json';
export const DEFAULT_STATE: WindowState = { width: 1200, height: 800, maximized: false };
export const MIN_SIZE = { width: 640, height: 480 };

const stateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  maximized: z.boolean().default(false),
});

export function parseWindowState(json: string): WindowState | null {
  try {
    const parsed = stateSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Clamps the size to the largest display and drops a position whose title bar is on no display. */
export function fitToDisplays(state: WindowState, workAreas: readonly Rect[]): WindowState {
  if (workAreas.length === 0) return state;
  const maxW = Math.max(...workAreas.map((a) => a.width));
  const maxH = Math.max(...workAreas.map((a) => a.height));
  const width = Math.max(MIN_SIZE.width, Math.min(state.width, maxW));
  const height = Math.max(MIN_SIZE.height, Math.min(state.height, maxH));
  const { x, y } = state;
  if (x === undefined || y === undefined) return { width, height, maximized: state.maximized };
  // A grab point in the title bar (20px down, up to 100px in) must be on some display.
  const gx = x + Math.min(100, width / 2);
  const gy = y + 20;
  const visible = workAreas.some((a) => gx >= a.x && gx < a.x + a.width && gy >= a.y && gy < a.y + a.height);
  return visible ? { x, y, width, height, maximized: state.maximized } : { width, height, maximized: state.maximized };
}

export function loadWindowState(userData: string, workAreas: readonly Rect[]): WindowState {
  let json: string;
  try {
    json = readFileSync(join(userData, FILE_NAME), 'utf8');
  } catch {
    return { ...DEFAULT_STATE };
  }
  return fitToDisplays(parseWindowState(json) ?? DEFAULT_STATE, workAreas);
}

/** Writes atomically (temp file + rename); a failure to save is not worth crashing for. */
export function saveWindowState(userData: string, state: WindowState): boolean {
  const file = join(userData, FILE_NAME);
  const clean: WindowState = {
    ...(state.x !== undefined && state.y !== undefined ? { x: Math.round(state.x), y: Math.round(state.y) } : {}),
    width: Math.round(state.width),
    height: Math.round(state.height),
    maximized: state.maximized,
  };
  try {
    mkdirSync(userData, { recursive: true });
    writeFileSync(file + '.tmp', JSON.stringify(clean) + '\n');
    renameSync(file + '.tmp', file);
    return true;
  } catch {
    return false;
  }
}
