import rule from "../../src/rules/founding-facts-present.js";
import { ruleTester } from "./tester.js";
import type { Fixture } from "./base.js";

// The base application gives every founding fact; each invalid case takes one away or contradicts one.
const le = (a: Fixture) => a.hub.legal_entity as Record<string, unknown>;
const meeting = (a: Fixture) => le(a).founding_meeting as Record<string, unknown>;
const partner = (a: Fixture, id: string) => a.partners.find((p) => p.id === id) as Record<string, unknown>;

ruleTester(rule, {
  valid: [
    { name: "every founding fact given", call: "BG-EDIH-PRESELECTION-2021" },
    { name: "the EU package has no founding documents", call: "DIGITAL-2021-EDIH-01", patch: (a) => { delete meeting(a).votes; } },
    { name: "votes per item without `all`, when every item is listed", call: "BG-EDIH-PRESELECTION-2021",
      patch: (a) => {
        const v = { for: 4, against: 0, abstained: 0 };
        meeting(a).votes = Object.fromEntries(["officers", "agenda", "founding", "name", "seat", "benefit", "term", "goals", "statute", "board", "representation", "registration"].map((k) => [k, v]));
      } },
    { name: "a mayor represents the municipality by law: derived, not asked", call: "BG-EDIH-PRESELECTION-2021",
      patch: (a) => { partner(a, "town").representative = { name: "И. Иванов", position: "кмет" }; } },
    { name: "a power of attorney worded in full needs no separate date", call: "BG-EDIH-PRESELECTION-2021",
      patch: (a) => { partner(a, "firm").representative = { basis: { kind: "power-of-attorney", text: "нотариално заверено пълномощно рег. № 1234/25.03.2021" } }; } },
    { name: "economic activity with a subject", call: "BG-EDIH-PRESELECTION-2021",
      patch: (a) => { le(a).economic_activity = { bg: "обучения и консултации", en: "training and consultancy" }; } },
  ],
  invalid: [
    { name: "no address of the meeting: a warning in a draft", call: "BG-EDIH-PRESELECTION-2021",
      patch: (a) => { delete meeting(a).address; },
      errors: [{ message: "The founding protocol needs the address of the founding meeting's place: hub.legal_entity.founding_meeting.address is not given",
        path: ["hub", "legal_entity", "founding_meeting", "address"], severity: "warning" }] },
    { name: "no board term: an error at submission", call: "BG-EDIH-PRESELECTION-2021", stage: "submission",
      patch: (a) => { le(a).management_board_term = null; },
      errors: [{ message: /statute needs the management board's term of office/, severity: "error" }] },
    { name: "no votes at all", call: "BG-EDIH-PRESELECTION-2021",
      patch: (a) => { delete meeting(a).votes; },
      errors: [{ message: "The founding protocol needs the vote on every item: hub.legal_entity.founding_meeting.votes does not give them",
        path: ["hub", "legal_entity", "founding_meeting", "votes"], severity: "warning", hint: /votes: \{ all: \{ for, against, abstained \} \}/ }] },
    { name: "votes for some items only: the others are named", call: "BG-EDIH-PRESELECTION-2021", stage: "submission",
      patch: (a) => {
        const v = { for: 4, against: 0, abstained: 0 };
        meeting(a).votes = Object.fromEntries(["officers", "agenda", "founding", "name", "seat", "benefit", "term", "goals", "statute", "board"].map((k) => [k, v]));
      },
      errors: [{ message: /needs the vote on representation, registration:/, severity: "error" }] },
    { name: "more votes than founders", call: "BG-EDIH-PRESELECTION-2021",
      patch: (a) => { meeting(a).votes = { all: { for: 4, against: 0, abstained: 0 }, statute: { for: 4, against: 1, abstained: 0 } }; },
      errors: [{ message: 'The vote "statute" of the founding meeting counts 5 votes, but the association has 4 founders',
        path: ["hub", "legal_entity", "founding_meeting", "votes", "statute"] }] },
    { name: "no board members", call: "BG-EDIH-PRESELECTION-2021",
      patch: (a) => { delete le(a).management_board; },
      errors: [{ message: /founding protocol needs the members of the first management board: hub\.legal_entity\.management_board is not given/,
        path: ["hub", "legal_entity", "management_board"] }] },
    { name: "board members disagree with the board size; one names no one; one represents a non-founder", call: "BG-EDIH-PRESELECTION-2021",
      patch: (a) => { le(a).management_board = [{ partner: "chamber" }, { name: "X", partner: "nobody" }]; },
      errors: [
        { message: "The founding meeting elects a management board of 3 members, but 2 are listed in hub.legal_entity.management_board" },
        { message: /name of management board member 1/, path: ["hub", "legal_entity", "management_board", 0, "name"] },
        { message: 'Management board member 2 represents "nobody", which is not a founder', path: ["hub", "legal_entity", "management_board", 1, "partner"] },
      ] },
    { name: "no economic activity", call: "BG-EDIH-PRESELECTION-2021",
      patch: (a) => { le(a).economic_activity = null; },
      errors: [{ message: /statute needs the subject of the ancillary economic activity \(or none\)/, path: ["hub", "legal_entity", "economic_activity"] }] },
    { name: "a founder's representative without a basis", call: "BG-EDIH-PRESELECTION-2021", stage: "submission",
      patch: (a) => { partner(a, "chamber").representative = { name: "Г. Лице", position: "председател" }; },
      errors: [{ message: 'The founding protocol needs the basis on which the representative of "chamber" acts: representative.basis is not given',
        path: ["partners", 2, "representative", "basis"], severity: "error", hint: /power-of-attorney/ }] },
    { name: "a municipality represented by someone other than the mayor is not derived", call: "BG-EDIH-PRESELECTION-2021",
      patch: (a) => { partner(a, "town").representative = { position: "заместник-кмет" }; },
      errors: [{ message: /representative of "town" acts/, path: ["partners", 0, "representative", "basis"] }] },
    { name: "a power of attorney without its date", call: "BG-EDIH-PRESELECTION-2021",
      patch: (a) => { partner(a, "firm").representative = { basis: { kind: "power-of-attorney", number: "7" } }; },
      errors: [{ message: 'The founding protocol needs the date of the power of attorney of "firm"\'s representative', path: ["partners", 3, "representative", "basis"] }] },
  ],
});
