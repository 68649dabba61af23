import rule from "../../src/rules/dep-technology.js";
import { ruleTester } from "./tester.js";

ruleTester(rule, {
  valid: [{ name: "ai" }, { name: "advanced-digital-skills", patch: (a) => { a.hub.technologies = ["advanced-digital-skills", "iot"]; } }],
  invalid: [
    { name: "only other technologies", patch: (a) => { a.hub.technologies = ["data", "iot"]; },
      errors: [{ messageId: "noCapacity", data: { technologies: "data, iot", capacities: "ai, hpc, cybersecurity, advanced-digital-skills" }, path: ["hub", "technologies"] }] },
  ],
});
