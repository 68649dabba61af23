import rule from "../../src/rules/identifiers-present.js";
import { ruleTester } from "./tester.js";

ruleTester(rule, {
  valid: [
    { name: "all given (a founder-only municipality needs no PIC)" },
    { name: "PIC not asked in the national stage", call: "BG-EDIH-PRESELECTION-2021", patch: (a) => { a.partners[1].pic = null; } },
    { name: "a foreign partner needs no ЕИК", patch: (a) => { a.partners[3].eik = null; a.partners[3].vat = null; a.partners[3].seat = { city: "Wien", country: "AT" }; } },
    { name: "a partner seated by NUTS code abroad needs no ЕИК", patch: (a) => { a.partners[3].eik = null; a.partners[3].vat = null; a.partners[3].seat = { city: "Porto", nuts3: "PT11A" }; } },
    { name: "a registered hub entity in Italy is not asked for an ЕИК", patch: (a) => {
      a.hub.region = "ITC4"; a.hub.legal_entity.status = "registered"; a.hub.legal_entity.seat = { city: "Milano", nuts3: "ITC4C" };
    } },
  ],
  invalid: [
    { name: "missing ЕИК in a draft: warning", patch: (a) => { a.partners[0].eik = null; },
      errors: [{ messageId: "partnerEik", data: { partner: "town" }, severity: "warning", path: ["partners", 0, "eik"] }] },
    { name: "missing ЕИК at submission: error", stage: "submission", patch: (a) => { a.partners[0].eik = null; }, errors: [{ messageId: "partnerEik", severity: "error" }] },
    { name: "missing PIC of a beneficiary", patch: (a) => { a.partners[1].pic = null; }, errors: [{ messageId: "partnerPic", data: { partner: "uni" }, path: ["partners", 1, "pic"] }] },
    { name: "registered association without ЕИК", patch: (a) => { a.hub.legal_entity.status = "registered"; }, errors: [{ messageId: "hubEik", path: ["hub", "legal_entity", "eik"] }] },
  ],
});
