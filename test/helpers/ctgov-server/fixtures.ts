/**
 * The real ClinicalTrials.gov API v2 responses in ../shared/clinicaltrials/api-v2/fixtures (see its
 * README): every study they hold, by NCT id (a full record wins over a trimmed one), and the raw
 * search pages.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedDir } from '../shared.js';

export type StudyJson = { protocolSection?: Record<string, unknown>; [k: string]: unknown };

export function fixturesDir(): string {
  return join(sharedDir(), 'clinicaltrials', 'api-v2', 'fixtures');
}

export function readFixture(rel: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(fixturesDir(), rel), 'utf8')) as Record<string, unknown>;
}

export const nctOf = (s: StudyJson): string => String((s.protocolSection?.identificationModule as { nctId?: string } | undefined)?.nctId ?? '');

const size = (s: StudyJson) => JSON.stringify(s).length;

/** Every study in the fixtures, the fullest record of each NCT id, in NCT order. */
export function fixtureStudies(): StudyJson[] {
  const byId = new Map<string, StudyJson>();
  const add = (s: StudyJson) => {
    const id = nctOf(s);
    const had = byId.get(id);
    if (id && (!had || size(s) > size(had))) byId.set(id, s);
  };
  for (const dir of ['biomcp', 'xiaoyibao', 'mcode']) {
    for (const f of readdirSync(join(fixturesDir(), dir)).filter((n) => n.endsWith('.json') && n !== 'capture-receipts.json')) {
      const j = readFixture(join(dir, f)) as { studies?: StudyJson[] } & StudyJson;
      if (Array.isArray(j.studies)) j.studies.forEach(add);
      else if (j.protocolSection) add(j);
    }
  }
  return [...byId.values()].sort((a, b) => nctOf(a).localeCompare(nctOf(b)));
}
