import { z } from "zod";
import { defineRule } from "./types.js";
import { countryOf, isMunicipality } from "./lib/partners.js";
import { approvalDecision, councilDecisions } from "../schema/council-decisions.js";

/** Documents that present the council's approval of the agreement and statute (and print its number and date). */
const APPROVAL_DOCUMENTS = ["cooperation-agreement", "council-decision"];

export default defineRule({
  meta: {
    id: "council-decision-present",
    description: "Bulgarian law (ЗМСМА), under a call pack that turns it on (BG-EDIH-PRESELECTION-2021): every Bulgarian municipality among the founders has a municipal council decision with its number and date, and an approval decision where a document presents one.",
    defaultSeverity: "error",
    source: { text: "Закон за местното самоуправление и местната администрация, чл. 21, ал. 1, т. 15 и ал. 2: the council consents to the municipality founding an association (practice: Stara Zagora council, 28.01.2021, TV Stara Zagora 19.02.2021; Ruse council decision No 27/16.12.2019)", confirmed: true },
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
        report({ message: `Municipality "${p.id}" is a founder but no council decision is given`, path: ["partners", i], hint: "add council_decisions: [{ kind, number, date, protocol }] (docs/FORMAT.md)" });
        return;
      }
      for (const d of decisions) {
        const missing = [d.number == null ? "number" : undefined, d.date == null ? "date" : undefined].filter(Boolean);
        if (missing.length === 0) continue;
        // The single-decision form names no kind; a list entry says which decision lacks what.
        const what = d.path.includes("council_decisions")
          ? `the ${missing.join(" and ")} of the council decision (${d.kind}${d.date ? ` of ${d.date}` : ""})`
          : `the council decision's ${missing.join(" and ")}`;
        report({
          message: `Municipality "${p.id}": ${what} ${missing.length > 1 ? "are" : "is"} not given`,
          path: d.path,
          severity: known,
          hint: `copy ${missing.length > 1 ? "them" : "it"} from the council's decision or protocol`,
        });
      }
      if (presentsApproval.length > 0 && approvalDecision(decisions) === null) {
        const earlier = decisions.map((d) => `${d.kind}${d.date ? ` of ${d.date}` : ""}`).join(", ");
        report({
          message: `Municipality "${p.id}": the ${presentsApproval.join(" and ")} present the council's approval of the agreement and statute, but its decisions are ${earlier}, none an approval`,
          path: decisions[decisions.length - 1]!.path,
          severity: known,
          hint: "add the approving decision to council_decisions with kind: approval (number and date once the council has decided); until then the documents show a box in its place",
        });
      }
    });
  },
});
