/**
 * Names AREA[…] and TILT[…] know: the 19 search areas of ClinicalTrials.gov's "Search Areas" page
 * (with the request parameter each one backs), the data fields those areas list, and fields the
 * syntax page uses in its examples. Any field of the study structure is searchable, so a name not
 * here is a warning, not an error.
 */

/** Search area → the `query.*` parameter that searches it (where the page names one). */
export const SEARCH_AREAS: Readonly<Record<string, string | null>> = {
  BasicSearch: 'query.term', ConditionSearch: 'query.cond', InterventionSearch: 'query.intr',
  InterventionNameSearch: null, ObsoleteConditionSearch: null, ExternalIdsSearch: null, ExternalIdTypesSearch: null,
  EligibilitySearch: null, OutcomeSearch: 'query.outc', OutcomeNameSearch: null, TitleSearch: 'query.titles',
  LocationSearch: 'query.locn', ContactSearch: null, NCTIdSearch: null, IdSearch: 'query.id', SponsorSearch: 'query.spons',
  FunderTypeSearch: null, ResponsiblePartySearch: null, PatientSearch: 'query.patient',
};

const FIELDS = `Acronym ArmGroupDescription ArmGroupLabel ArmGroupType BioSpecDescription BriefSummary BriefTitle
  CentralContactName CollaboratorClass CollaboratorName Condition ConditionAncestorTerm ConditionMeshTerm DesignAllocation
  DesignInterventionModel DesignMasking DesignObservationalModel DesignPrimaryPurpose DesignTimePerspective DesignWhoMasked
  EligibilityCriteria InterventionAncestorTerm InterventionDescription InterventionMeshTerm InterventionName
  InterventionOtherName InterventionType Keyword LeadSponsorClass LeadSponsorName LocationCity LocationContactName
  LocationCountry LocationFacility LocationState LocationStatus LocationZip LocationGeoPoint NCTId NCTIdAlias OfficialTitle
  OrgFullName OrgStudyId OrgStudyIdType OtherOutcomeDescription OtherOutcomeMeasure OutcomeMeasureDescription
  OutcomeMeasurePopulationDescription OutcomeMeasureTitle OverallOfficialAffiliation OverallOfficialName OverallOfficialRole
  Phase PrimaryOutcomeDescription PrimaryOutcomeMeasure ResponsiblePartyInvestigatorAffiliation
  ResponsiblePartyInvestigatorFullName ResponsiblePartyInvestigatorTitle ResponsiblePartyOldNameTitle
  ResponsiblePartyOldOrganization SecondaryId SecondaryIdType SecondaryOutcomeDescription SecondaryOutcomeMeasure StdAge
  StudyPopulation StudyType ResultsFirstPostDate StudyFirstPostDate LastUpdatePostDate StartDate PrimaryCompletionDate
  CompletionDate OverallStatus MinimumAge MaximumAge Sex HealthyVolunteers EnrollmentCount EnrollmentType`.split(/\s+/);

const KNOWN = new Map([...Object.keys(SEARCH_AREAS), ...FIELDS].map((n) => [n.toLowerCase(), n]));

/** The canonical spelling of a known area or field (case-insensitive), else null. */
export function knownArea(name: string): string | null {
  return KNOWN.get(name.trim().toLowerCase()) ?? null;
}

/** The parameter choices of the operators that take one of a fixed set. */
export const CHOICES = {
  SEARCH: ['Study', 'Location'],
  EXPANSION: ['None', 'Term', 'Concept', 'Relaxation', 'Lossy'],
  COVERAGE: ['FullMatch', 'StartsWith', 'EndsWith', 'Contains'],
} as const;
