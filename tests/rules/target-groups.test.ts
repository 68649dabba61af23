import rule from "../../src/rules/target-groups.js";
import { ruleTester } from "./tester.js";

ruleTester(rule, {
  valid: [{ name: "sme and public-sector" }, { name: "small-midcap only", patch: (a) => { a.hub.target_groups = ["small-midcap"]; a.services[0].target_groups = ["small-midcap"]; } }],
  invalid: [
    { name: "none of the core groups", patch: (a) => { a.hub.target_groups = ["large-companies"]; a.services[0].target_groups = undefined; },
      errors: [{ messageId: "noCoreGroup", data: { groups: "large-companies", core: "sme, small-midcap, public-sector" }, path: ["hub", "target_groups"] }] },
    { name: "a service targets a group the hub does not serve", patch: (a) => { a.services[0].target_groups = ["sme", "citizens"]; },
      errors: [{ messageId: "serviceGroup", data: { service: "tbi", group: "citizens" }, path: ["services", 0, "target_groups", 1], severity: "warning" }] },
  ],
});
