import rule from "../../src/rules/founding-facts-present.js";
import { ruleTester } from "./tester.js";

const complete = (a: Parameters<NonNullable<Parameters<typeof ruleTester>[1]["valid"][number]["patch"]>>[0]) => {
  const le = a.hub.legal_entity as Record<string, unknown>;
  le.founding_meeting = { date: "2021-03-30", place: "Stara Zagora", address: { bg: "ул. Пример 1", en: "1 Example St" },
    opened_by: "A. Person", chair: "B. Person", secretary: "C. Person" };
  le.management_board_size = 5;
  le.management_board_term = { bg: "три години", en: "three years" };
};

ruleTester(rule, {
  valid: [
    { name: "every founding fact given", call: "BG-EDIH-PRESELECTION-2021", patch: complete },
    { name: "the EU package has no founding documents", call: "DIGITAL-2021-EDIH-01" },
  ],
  invalid: [
    { name: "no address of the meeting: a warning in a draft", call: "BG-EDIH-PRESELECTION-2021",
      patch: (a) => { complete(a); delete (a.hub.legal_entity as { founding_meeting: Record<string, unknown> }).founding_meeting.address; },
      errors: [{ messageId: "missing", data: { document: "founding protocol", key: "founding_meeting.address" },
        path: ["hub", "legal_entity", "founding_meeting", "address"], severity: "warning" }] },
    { name: "no board term: an error at submission", call: "BG-EDIH-PRESELECTION-2021", stage: "submission",
      patch: (a) => { complete(a); (a.hub.legal_entity as Record<string, unknown>).management_board_term = null; },
      errors: [{ messageId: "missing", data: { document: "statute", key: "management_board_term" }, severity: "error" }] },
  ],
});
