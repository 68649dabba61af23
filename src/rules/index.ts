// The registry: every rule, in the order `edih rules` lists them. A rule missing here fails the
// consistency test (tests/rules/consistency.test.ts).
import type { Rule } from "./types.js";
import budgetAmounts from "./budget-amounts.js";
import budgetEuShare from "./budget-eu-share.js";
import budgetLines from "./budget-lines.js";
import councilDecisionBeforeFounding from "./council-decision-before-founding.js";
import councilDecisionPresent from "./council-decision-present.js";
import depTechnology from "./dep-technology.js";
import durationMatchesCall from "./duration-matches-call.js";
import eikChecksum from "./eik-checksum.js";
import foundersMinimum from "./founders-minimum.js";
import hubPublicBenefitAssociation from "./hub-public-benefit-association.js";
import hubRegionNuts2 from "./hub-region-nuts2.js";
import identifiersPresent from "./identifiers-present.js";
import legalFormOtherNamed from "./legal-form-other-named.js";
import legalFormPersonality from "./legal-form-personality.js";
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
import vatBg from "./vat-bg.js";
import vatMatchesEik from "./vat-matches-eik.js";
import workplanIdsUnique from "./workplan-ids-unique.js";
import workplanMonths from "./workplan-months.js";

export const RULES: readonly Rule[] = [
  budgetAmounts as unknown as Rule,
  budgetEuShare as unknown as Rule,
  budgetLines as unknown as Rule,
  councilDecisionBeforeFounding as unknown as Rule,
  councilDecisionPresent as unknown as Rule,
  depTechnology as unknown as Rule,
  durationMatchesCall as unknown as Rule,
  eikChecksum as unknown as Rule,
  foundersMinimum as unknown as Rule,
  hubPublicBenefitAssociation as unknown as Rule,
  hubRegionNuts2 as unknown as Rule,
  identifiersPresent as unknown as Rule,
  legalFormOtherNamed as unknown as Rule,
  legalFormPersonality as unknown as Rule,
  nuts3Valid as unknown as Rule,
  partaLimits as unknown as Rule,
  partnerIdsUnique as unknown as Rule,
  partnerInRegion as unknown as Rule,
  partnerMix as unknown as Rule,
  picFormat as unknown as Rule,
  referencesResolve as unknown as Rule,
  serviceFamilies as unknown as Rule,
  singleCoordinator as unknown as Rule,
  targetGroups as unknown as Rule,
  vatBg as unknown as Rule,
  vatMatchesEik as unknown as Rule,
  workplanIdsUnique as unknown as Rule,
  workplanMonths as unknown as Rule,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.meta.id, r]));

export type { Rule, RuleContext, RuleMeta, Report, ReportFn, Stage } from "./types.js";
