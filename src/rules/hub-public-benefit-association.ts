import { z } from "zod";
import { defineRule } from "./types.js";

export default defineRule({
  meta: {
    id: "hub-public-benefit-association",
    description: "Bulgarian national pre-selection, under a call pack that turns it on (BG-EDIH-PRESELECTION-2021): the hub's legal entity is an association (ЗЮЛНЦ) for public benefit.",
    defaultSeverity: "error",
    source: { text: "Bulgarian pre-selection 2021: applicants are public-benefit associations under the Закон за юридическите лица с нестопанска цел (TV Stara Zagora, 19.02.2021; Made in Varna, 2021: founding an association is a condition of the procedure)", confirmed: true },
  },
  options: z.strictObject({}),
  check({ application }, _options, report) {
    const le = application.hub.legal_entity;
    if (le.legal_form !== "association") {
      report({
        message: `The hub's legal entity is "${le.legal_form}"; the national pre-selection accepts an association (сдружение, ЗЮЛНЦ)`,
        path: ["hub", "legal_entity", "legal_form"], hint: "set legal_form: association",
      });
    }
    if (!le.public_benefit) {
      report({
        message: "The hub's association is not for public benefit (в обществена полза); the national pre-selection requires it",
        path: ["hub", "legal_entity", "public_benefit"], hint: "set public_benefit: true",
      });
    }
  },
});
