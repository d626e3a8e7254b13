/**
 * `delve pubmed export <PMID…> --format ris|bib|csv [--out file]`: fetches the records with efetch
 * and writes them for a reference manager or a spreadsheet (stdout without --out).
 */
import { writeFileSync } from 'node:fs';
import { createEutils } from '../pubmed/eutils/client.js';
import { exportRecords, type ExportFormat } from '../pubmed/library/export.js';
import { ncbiSettings, pmidList, UsageError } from './args.js';

type Out = (s: string) => void;

const FORMATS: Record<string, ExportFormat> = { ris: 'ris', bib: 'bibtex', bibtex: 'bibtex', csv: 'csv' };

export interface PubmedExportArgs { pmids: string[]; format?: string; out?: string; eutils?: string; apiKey?: string; email?: string }

export async function pubmedExport(a: PubmedExportArgs, out: Out, err: Out): Promise<number> {
  const format = FORMATS[a.format ?? ''];
  if (!format) throw new UsageError('pubmed export needs --format ris, bib or csv');
  const pmids = pmidList(a.pmids, 'pubmed export');
  if (pmids.length === 0) throw new UsageError('pubmed export needs one or more PMIDs');
  const records = await createEutils(ncbiSettings(a)).efetch(pmids);
  const text = exportRecords(format, records);
  const missing = pmids.filter((p) => !records.some((r) => r.pmid === p));
  if (a.out) {
    writeFileSync(a.out, text);
    err(`delve: ${records.length} records written to ${a.out}`);
  } else out(text.replace(/\n$/, ''));
  if (missing.length) err(`delve: PubMed has no record for ${missing.join(', ')}`);
  return missing.length ? 1 : 0;
}
