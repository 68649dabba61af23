import { z } from "zod";
import { defineRule } from "./types.js";
import type { MessageData } from "../diagnostics.js";
import { countryOf, isMunicipality } from "./lib/partners.js";
import { approvalDecision, councilDecisions, type CouncilDecisionN } from "../schema/council-decisions.js";

/** Documents that present the council's approval of the agreement and statute (and print its number and date). */
const APPROVAL_DOCUMENTS = ["cooperation-agreement", "council-decision"];

/**
 * Which message says what a decision lacks: the single `council_decision:` form names no kind; an
 * entry of `council_decisions:` says which decision (its kind, and its date when known) lacks what.
 */
type MissingId = "missingField" | "missingNumberAndDate" | "entryMissingNumber" | "entryMissingDate" | "entryMissingNumberAndDate";

function missingIn(d: CouncilDecisionN, partner: string, missing: readonly string[]): { messageId: MissingId; data: MessageData } {
  if (!d.path.includes("council_decisions")) {
    return missing.length > 1
      ? { messageId: "missingNumberAndDate" as const, data: { partner } }
      : { messageId: "missingField" as const, data: { partner, field: missing[0]! } };
  }
  if (missing.length > 1) return { messageId: "entryMissingNumberAndDate" as const, data: { partner, kind: d.kind } };
  return d.date === null
    ? { messageId: "entryMissingDate" as const, data: { partner, kind: d.kind } }
    : { messageId: "entryMissingNumber" as const, data: { partner, kind: d.kind, date: d.date } };
}

export default defineRule({
  meta: {
    id: "council-decision-present",
    description: "Bulgarian law (ЗМСМА), under a call pack that turns it on (BG-EDIH-PRESELECTION-2021): every Bulgarian municipality among the founders has a municipal council decision with its number and date, and an approval decision where a document presents one.",
    defaultSeverity: "error",
    source: { text: "Закон за местното самоуправление и местната администрация, чл. 21, ал. 1, т. 15 и ал. 2: the council consents to the municipality founding an association (practice: Stara Zagora council, 28.01.2021, TV Stara Zagora 19.02.2021; Ruse council decision No 27/16.12.2019, https://obs.ruse-bg.eu/)", confirmed: true },
    messages: {
      missing: "Municipality \"{{partner}}\" is a founder but no council decision is given",
      missingField: "Municipality \"{{partner}}\": the council decision's {{field}} is not given",
      missingNumberAndDate: "Municipality \"{{partner}}\": the council decision's number and date are not given",
      entryMissingNumber: "Municipality \"{{partner}}\": the number of the council decision ({{kind}} of {{date}}) is not given",
      entryMissingDate: "Municipality \"{{partner}}\": the date of the council decision ({{kind}}) is not given",
      entryMissingNumberAndDate: "Municipality \"{{partner}}\": the number and date of the council decision ({{kind}}) are not given",
      noApproval: "Municipality \"{{partner}}\": the documents {{documents}} present the council's approval of the agreement and statute, but none of its council decisions ({{decisions}}) is an approval",
    },
  },
  options: z.strictObject({}),
  check({ application, stage, callPack }, _options, report) {
    // Known to follow; a draft may lack it, a submission may not.
    const known = stage === "submission" ? "error" as const : "warning" as const;
    const presentsApproval = callPack.documents.filter((d) => APPROVAL_DOCUMENTS.includes(d.id)).map((d) => d.id);
    application.partners.forEach((p, i) => {
      if (!isMunicipality(p) || !p.roles.includes("founder") || countryOf(p.seat, application) !== "BG") return;
      const decisions = councilDecisions(p, i);
      if (decisions.length === 0) {
        report({ messageId: "missing", data: { partner: p.id }, path: ["partners", i], hint: "add council_decisions: [{ kind, number, date, protocol }] (docs/FORMAT.md)" });
        return;
      }
      for (const d of decisions) {
        const missing = [d.number == null ? "number" : undefined, d.date == null ? "date" : undefined].filter((m) => m !== undefined);
        if (missing.length === 0) continue;
        report({
          ...missingIn(d, p.id, missing),
          path: d.path,
          severity: known,
          hint: `copy ${missing.length > 1 ? "them" : "it"} from the council's decision or protocol`,
        });
      }
      if (presentsApproval.length > 0 && approvalDecision(decisions) === null) {
        report({
          messageId: "noApproval",
          data: { partner: p.id, documents: presentsApproval.join(", "), decisions: decisions.map((d) => (d.date ? `${d.kind} (${d.date})` : d.kind)).join(", ") },
          path: decisions[decisions.length - 1]!.path,
          severity: known,
          hint: "add the approving decision to council_decisions with kind: approval (number and date once the council has decided); until then the documents show a box in its place",
        });
      }
    });
  },
});
