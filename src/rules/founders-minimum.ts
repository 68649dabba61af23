import { z } from "zod";
import { defineRule } from "./types.js";
import { countryOf } from "./lib/partners.js";

export default defineRule({
  meta: {
    id: "founders-minimum",
    description: "Bulgarian law (ЗЮЛНЦ), for a hub entity seated in Bulgaria under a call pack that turns it on (BG-EDIH-PRESELECTION-2021): the association has the founders ЗЮЛНЦ requires: public benefit ≥ 3 legal or ≥ 7 natural persons, private benefit ≥ 3.",
    defaultSeverity: "error",
    source: { text: "Закон за юридическите лица с нестопанска цел, as amended in 2016 (registration at the Registry Agency since 01.01.2018): a public-benefit association is founded by at least 7 natural or 3 legal persons, a private-benefit one by at least 3 (БЦНП/BCNL FAQ “Учредяване на сдружение”, https://bcnl.org/faq/uchredyavane-na-sdruzhenie.html, read 11.2025)", confirmed: true },
    messages: {
      publicBenefit: "The public-benefit association has {{legal}} founder(s) that are legal persons and {{natural}} natural person(s); ЗЮЛНЦ needs at least {{minLegal}} legal persons or {{minNatural}} natural persons",
      privateBenefit: "The association has {{count}} founder(s); ЗЮЛНЦ needs at least {{min}}",
    },
  },
  options: z.strictObject({
    min_legal_persons: z.number().int().positive().default(3),
    min_natural_persons: z.number().int().positive().default(7),
    min_private_benefit: z.number().int().positive().default(3),
  }),
  check({ application, ref }, o, report) {
    const le = application.hub.legal_entity;
    if (le.legal_form !== "association") return; // foundations and others have other rules
    if (countryOf(le.seat, application) !== "BG") return; // ЗЮЛНЦ governs associations seated in Bulgaria
    const founders = application.partners.filter((p) => p.roles.includes("founder"));
    let legal = 0;
    let natural = 0;
    for (const f of founders) {
      const form = ref.legalForms.get(f.legal_form);
      if (form?.natural_person) natural++;
      // Unknown personality (other, state-body) counts: the rule must not invent a shortfall.
      else if (form?.legal_personality !== false) legal++;
    }
    const path = ["hub", "legal_entity"];
    if (le.public_benefit) {
      if (legal < o.min_legal_persons && natural < o.min_natural_persons) {
        report({
          messageId: "publicBenefit", data: { legal, natural, minLegal: o.min_legal_persons, minNatural: o.min_natural_persons },
          path, hint: "give the role founder to the partners that found the association",
        });
      }
    } else if (legal + natural < o.min_private_benefit) {
      report({ messageId: "privateBenefit", data: { count: legal + natural, min: o.min_private_benefit }, path });
    }
  },
});
