// The registry: every rule, in the order `edih rules` lists them. A rule missing here fails the
// consistency test (tests/rules/consistency.test.ts).
import type { Rule } from "./types.js";
import budgetAmounts from "./budget-amounts.js";
import budgetEuShare from "./budget-eu-share.js";
import budgetLines from "./budget-lines.js";
import contentComplete from "./content-complete.js";
import councilDecisionBeforeFounding from "./council-decision-before-founding.js";
import councilDecisionFinancialCommitment from "./council-decision-financial-commitment.js";
import councilDecisionPresent from "./council-decision-present.js";
import depTechnology from "./dep-technology.js";
import durationMatchesCall from "./duration-matches-call.js";
import eikChecksum from "./eik-checksum.js";
import foundersMinimum from "./founders-minimum.js";
import foundingFactsPresent from "./founding-facts-present.js";
import hubPublicBenefitAssociation from "./hub-public-benefit-association.js";
import hubRegionNuts2 from "./hub-region-nuts2.js";
import identifiersPresent from "./identifiers-present.js";
import identifiersUnique from "./identifiers-unique.js";
import legalFormOtherNamed from "./legal-form-other-named.js";
import placesTransliterated from "./places-transliterated.js";
import legalFormPersonality from "./legal-form-personality.js";
import narrativeComplete from "./narrative-complete.js";
import narrativeLimits from "./narrative-limits.js";
import nuts3Valid from "./nuts3-valid.js";
import partaLimits from "./parta-limits.js";
import partnerIdsUnique from "./partner-ids-unique.js";
import partnerInRegion from "./partner-in-region.js";
import partnerMix from "./partner-mix.js";
import picFormat from "./pic-format.js";
import referencesResolve from "./references-resolve.js";
import serviceFamilies from "./service-families.js";
import singleCoordinator from "./single-coordinator.js";
import targetGroups from "./target-groups.js";
import vatValid from "./vat-valid.js";
import vatMatchesEik from "./vat-matches-eik.js";
import workplanIdsUnique from "./workplan-ids-unique.js";
import workplanMonths from "./workplan-months.js";

// Each module keeps its own options type; the registry sees them all as Rule (check() takes the
// options parsed by that rule's own schema, so the widening is safe).
export const RULES = [
  budgetAmounts,
  budgetEuShare,
  budgetLines,
  contentComplete,
  councilDecisionBeforeFounding,
  councilDecisionFinancialCommitment,
  councilDecisionPresent,
  depTechnology,
  durationMatchesCall,
  eikChecksum,
  foundersMinimum,
  foundingFactsPresent,
  hubPublicBenefitAssociation,
  hubRegionNuts2,
  identifiersPresent,
  identifiersUnique,
  legalFormOtherNamed,
  placesTransliterated,
  legalFormPersonality,
  narrativeComplete,
  narrativeLimits,
  nuts3Valid,
  partaLimits,
  partnerIdsUnique,
  partnerInRegion,
  partnerMix,
  picFormat,
  referencesResolve,
  serviceFamilies,
  singleCoordinator,
  targetGroups,
  vatValid,
  vatMatchesEik,
  workplanIdsUnique,
  workplanMonths,
] as unknown as readonly Rule[];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.meta.id, r]));

export type { Rule, RuleContext, RuleMeta, Report, ReportFn, Stage } from "./types.js";
