/**
 * A trial's text in the library after its title (chunk/record.ts): one paragraph per part (acronym
 * and official title, conditions, interventions, design, dates, sponsor, summary, eligibility,
 * outcomes, locations),
 * so BM25 finds a trial by any of them and a hit cites the part it came from.
 */
import type { TrialRecord } from './record.js';

const list = (xs: readonly string[]) => xs.join('; ');

export function trialParagraphs(r: TrialRecord): string[] {
  const design = [
    r.phases.length ? `Phase: ${r.phases.join(', ')}` : null,
    r.studyType ? `Study type: ${r.studyType}` : null,
    r.status ? `Status: ${r.status}` : null,
    r.enrollment ? `Enrollment: ${r.enrollment.count}${r.enrollment.type ? ` (${r.enrollment.type.toLowerCase()})` : ''}` : null,
  ].filter(Boolean).join('. ');
  const dates = [r.startDate ? `start ${r.startDate}` : null, r.primaryCompletionDate ? `primary completion ${r.primaryCompletionDate}` : null,
    r.completionDate ? `completion ${r.completionDate}` : null].filter(Boolean).join(', ');
  const e = r.eligibility;
  const who = [e.sex ? `Sex: ${e.sex}` : null, e.minimumAge ? `minimum age ${e.minimumAge}` : null, e.maximumAge ? `maximum age ${e.maximumAge}` : null].filter(Boolean).join(', ');
  const out = (label: string, xs: TrialRecord['outcomes']['primary']) => (xs.length ? `${label}: ${xs.map((o) => o.measure + (o.timeFrame ? ` (${o.timeFrame})` : '')).join('; ')}` : null);
  return [
    [r.acronym ? `Acronym: ${r.acronym}` : null, r.officialTitle && r.officialTitle !== r.title ? `Official title: ${r.officialTitle}` : null, `${r.nctId}`].filter(Boolean).join('. '),
    r.conditions.length ? `Conditions: ${list(r.conditions)}` : null,
    r.keywords.length ? `Keywords: ${list(r.keywords)}` : null,
    r.interventions.length ? `Interventions: ${list(r.interventions.map((i) => (i.type ? `${i.type.toLowerCase()}: ${i.name}` : i.name)))}` : null,
    design || null,
    dates ? `Dates: ${dates}` : null,
    r.sponsor ? `Sponsor: ${r.sponsor}${r.collaborators.length ? `; collaborators: ${list(r.collaborators)}` : ''}` : null,
    r.briefSummary ? `Summary: ${r.briefSummary}` : null,
    e.criteria || who ? `Eligibility: ${[who, e.criteria].filter(Boolean).join('. ')}` : null,
    out('Primary outcomes', r.outcomes.primary),
    out('Secondary outcomes', r.outcomes.secondary),
    `Locations: ${r.locationsCount}`,
  ].filter((p): p is string => p !== null && p.trim() !== '');
}
