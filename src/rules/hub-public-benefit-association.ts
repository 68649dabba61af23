import { z } from "zod";
import { defineRule } from "./types.js";

export default defineRule({
  meta: {
    id: "hub-public-benefit-association",
    description: "Bulgarian national pre-selection, under a call pack that turns it on (BG-EDIH-PRESELECTION-2021): the hub's legal entity is an association (ЗЮЛНЦ) for public benefit.",
    defaultSeverity: "error",
    source: { text: "Bulgarian pre-selection 2021: applicants are public-benefit associations under the Закон за юридическите лица с нестопанска цел (TV Stara Zagora, 19.02.2021, https://tvstz.com/2021/02/19/evropejski-tsifrov-inovatsionen-hab-zagore/; Made in Varna, 2021, read 11.2025: founding an association is a condition of the procedure)", confirmed: true },
    messages: {
      notAssociation: "The hub's legal entity is \"{{form}}\"; the national pre-selection accepts an association (сдружение, ЗЮЛНЦ)",
      notPublicBenefit: "The hub's association is not for public benefit (в обществена полза); the national pre-selection requires it",
    },
  },
  options: z.strictObject({}),
  check({ application }, _options, report) {
    const le = application.hub.legal_entity;
    if (le.legal_form !== "association") {
      report({
        messageId: "notAssociation", data: { form: le.legal_form },
        path: ["hub", "legal_entity", "legal_form"], hint: "set legal_form: association",
      });
    }
    if (!le.public_benefit) {
      report({
        messageId: "notPublicBenefit",
        path: ["hub", "legal_entity", "public_benefit"], hint: "set public_benefit: true",
      });
    }
  },
});
