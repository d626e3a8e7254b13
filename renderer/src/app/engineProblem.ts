/**
 * What the window says when the engine cannot start or cannot open the library database: a title,
 * what the user can do about it, from the error's code (and, for a failed open, whether the
 * message is about the native binding). Other codes are not startup problems: null.
 */
import type { IpcError } from '../api.js';
import { STATUS_POLL_MS } from './appStatusStore.js';

export interface EngineProblemText { title: string; advice: string }

/** How often a busy library is checked again: the window's appStatus poll (appStatusStore.ts). */
export const BUSY_RETRY_MS = STATUS_POLL_MS;

/** Who holds a busy library, from the engine's DB_BUSY message (store/writer-lock.ts describeHolder); null when it does not say. */
export function busyHolder(message: string): { job: string; who: string; since: number } | null {
  const m = /another Delve process is (.+?) this library \((pid \d+(?: on [^,]+)?), started ([^)]+)\)/.exec(message);
  const since = m ? Date.parse(m[3]!) : NaN;
  return m && Number.isFinite(since) ? { job: m[1]!, who: m[2]!, since } : null;
}

const BINDING = /better-sqlite3|better_sqlite3|NODE_MODULE_VERSION|compiled against a different|rebuild:electron/i;

export function engineProblem(error: IpcError): EngineProblemText | null {
  switch (error.code) {
    case 'DB_OPEN_FAILED':
      return BINDING.test(error.message)
        ? {
          title: 'Delve’s database library is missing',
          advice: 'The SQLite binding (better-sqlite3) for this version of Electron is not installed. In a development checkout run “npm run rebuild:electron” (it needs the network), then restart Delve; an installed Delve needs reinstalling.',
        }
        : {
          title: 'The library database cannot be opened',
          advice: 'Check that Delve’s data folder exists and that you may read and write it, then try again.',
        };
    case 'DB_BUSY':
      return {
        title: 'The library database is in use by another program',
        advice: `Another Delve window or a “delve” command is writing the same library. Delve checks again every ${BUSY_RETRY_MS / 1000} seconds; ` +
          'to go on sooner, let it finish or stop it (Ctrl+C in its terminal, or close the other window). Nothing is lost by waiting.',
      };
    case 'DB_CORRUPT':
      return {
        title: 'The library database is damaged',
        advice: 'Your documents are not touched, and Delve keeps your own work in backups beside the library: restore from one below. ' +
          'Or quit Delve, move delve.db out of Delve’s data folder (keep it if you want to report the problem) and index your folders again.',
      };
    case 'DISK_FULL':
      return { title: 'The disk is full', advice: 'Free some space on the disk that holds Delve’s data folder, then try again.' };
    case 'ENGINE_UNAVAILABLE':
      return {
        title: 'Delve’s engine did not start',
        advice: 'Try again. If it keeps failing, start Delve from a terminal to see the engine’s log; reinstalling restores missing files.',
      };
    default:
      return null;
  }
}
