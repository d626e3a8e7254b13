/**
 * What the window says when the engine cannot start or cannot open the library database: a title,
 * what the user can do about it, from the error's code (and, for a failed open, whether the
 * message is about the native binding). Other codes are not startup problems: null.
 */
import type { IpcError } from '../api.js';

export interface EngineProblemText { title: string; advice: string }

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
        advice: 'Another Delve window or a “delve” command is using the same library. Close it or let it finish, then try again.',
      };
    case 'DB_CORRUPT':
      return {
        title: 'The library database is damaged',
        advice: 'Quit Delve and move delve.db out of Delve’s data folder (keep it if you want to report the problem); Delve then starts a new, empty library. Your documents are not touched.',
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
