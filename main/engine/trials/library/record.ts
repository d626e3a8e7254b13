/**
 * A ClinicalTrials.gov study (API v2 JSON) read into the fields the library keeps: title, acronym,
 * conditions, interventions, phases, status, enrollment, dates, sponsor, brief summary, eligibility,
 * outcomes, the number of locations and the references (with the DOI their citation gives).
 * Missing sections give empty values, never an error.
 */
import type { Study } from '../api/types.js';

export interface TrialReference { pmid: string | null; type: string | null; citation: string; doi: string | null }

export interface TrialRecord {
  nctId: string;
  title: string;
  officialTitle: string | null;
  acronym: string | null;
  conditions: string[];
  keywords: string[];
  interventions: Array<{ type: string | null; name: string }>;
  phases: string[];
  studyType: string | null;
  status: string | null;
  enrollment: { count: number; type: string | null } | null;
  startDate: string | null;
  primaryCompletionDate: string | null;
  completionDate: string | null;
  sponsor: string | null;
  collaborators: string[];
  briefSummary: string | null;
  eligibility: { criteria: string | null; sex: string | null; minimumAge: string | null; maximumAge: string | null; healthyVolunteers: boolean | null };
  outcomes: { primary: Array<{ measure: string; timeFrame: string | null }>; secondary: Array<{ measure: string; timeFrame: string | null }> };
  locationsCount: number;
  references: TrialReference[];
  hasResults: boolean;
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
const strs = (v: unknown): string[] => arr(v).map(str).filter((s): s is string => s !== null);

/** The DOI a citation ends with ("… doi: 10.1200/JCO.21.01918. Epub …"), lower-case, or null. */
export function citationDoi(citation: string): string | null {
  const m = /\bdoi:\s*(10\.\d{4,9}\/[^\s]+)/i.exec(citation);
  return m ? m[1]!.replace(/[.,;]+$/, '').toLowerCase() : null;
}

function outcomes(v: unknown): Array<{ measure: string; timeFrame: string | null }> {
  return arr(v).map((o) => ({ measure: str(obj(o).measure) ?? '', timeFrame: str(obj(o).timeFrame) })).filter((o) => o.measure !== '');
}

export function trialRecord(s: Study): TrialRecord {
  const p = obj(s.protocolSection);
  const id = obj(p.identificationModule);
  const status = obj(p.statusModule);
  const design = obj(p.designModule);
  const elig = obj(p.eligibilityModule);
  const enrol = obj(design.enrollmentInfo);
  const sponsors = obj(p.sponsorCollaboratorsModule);
  const nctId = str(id.nctId);
  if (!nctId) throw new Error('a study without an NCT id');
  return {
    nctId,
    title: str(id.briefTitle) ?? str(id.officialTitle) ?? nctId,
    officialTitle: str(id.officialTitle),
    acronym: str(id.acronym),
    conditions: strs(obj(p.conditionsModule).conditions),
    keywords: strs(obj(p.conditionsModule).keywords),
    interventions: arr(obj(p.armsInterventionsModule).interventions).map((i) => ({ type: str(obj(i).type), name: str(obj(i).name) ?? '' })).filter((i) => i.name !== ''),
    phases: strs(design.phases),
    studyType: str(design.studyType),
    status: str(status.overallStatus),
    enrollment: typeof enrol.count === 'number' ? { count: enrol.count, type: str(enrol.type) } : null,
    startDate: str(obj(status.startDateStruct).date),
    primaryCompletionDate: str(obj(status.primaryCompletionDateStruct).date),
    completionDate: str(obj(status.completionDateStruct).date),
    sponsor: str(obj(sponsors.leadSponsor).name),
    collaborators: arr(sponsors.collaborators).map((c) => str(obj(c).name)).filter((c): c is string => c !== null),
    briefSummary: str(obj(p.descriptionModule).briefSummary),
    eligibility: {
      criteria: str(elig.eligibilityCriteria), sex: str(elig.sex), minimumAge: str(elig.minimumAge), maximumAge: str(elig.maximumAge),
      healthyVolunteers: typeof elig.healthyVolunteers === 'boolean' ? elig.healthyVolunteers : null,
    },
    outcomes: { primary: outcomes(obj(p.outcomesModule).primaryOutcomes), secondary: outcomes(obj(p.outcomesModule).secondaryOutcomes) },
    locationsCount: arr(obj(p.contactsLocationsModule).locations).length,
    references: arr(obj(p.referencesModule).references).map((r) => {
      const citation = str(obj(r).citation) ?? '';
      const pmid = str(obj(r).pmid);
      return { pmid: pmid && /^\d{1,9}$/.test(pmid) ? pmid : null, type: str(obj(r).type), citation, doi: citationDoi(citation) };
    }).filter((r) => r.pmid !== null || r.citation !== ''),
    hasResults: s.hasResults === true,
  };
}
