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
      errors: [{ messageId: "missing", data: { document: "founding protocol", fact: "the address of the founding meeting's place", key: "founding_meeting.address" },
        path: ["hub", "legal_entity", "founding_meeting", "address"], severity: "warning" }] },
    { name: "no board term: an error at submission", call: "BG-EDIH-PRESELECTION-2021", stage: "submission",
      patch: (a) => { le(a).management_board_term = null; },
      errors: [{ messageId: "missing", data: { document: "statute", key: "management_board_term" }, severity: "error" }] },
    { name: "no votes at all", call: "BG-EDIH-PRESELECTION-2021",
      patch: (a) => { delete meeting(a).votes; },
      errors: [{ messageId: "votesMissingAll",
        path: ["hub", "legal_entity", "founding_meeting", "votes"], severity: "warning", hint: /votes: \{ all: \{ for, against, abstained \} \}/ }] },
    { name: "votes for some items only: the others are named", call: "BG-EDIH-PRESELECTION-2021", stage: "submission",
      patch: (a) => {
        const v = { for: 4, against: 0, abstained: 0 };
        meeting(a).votes = Object.fromEntries(["officers", "agenda", "founding", "name", "seat", "benefit", "term", "goals", "statute", "board"].map((k) => [k, v]));
      },
      errors: [{ messageId: "votesMissing", data: { items: "representation, registration" }, severity: "error" }] },
    { name: "the vote on one item only is missing", call: "BG-EDIH-PRESELECTION-2021",
      patch: (a) => {
        const v = { for: 4, against: 0, abstained: 0 };
        meeting(a).votes = Object.fromEntries(["officers", "agenda", "founding", "name", "seat", "benefit", "term", "goals", "statute", "board", "representation"].map((k) => [k, v]));
      },
      errors: [{ messageId: "voteMissing", data: { item: "registration" }, path: ["hub", "legal_entity", "founding_meeting", "votes"] }] },
    { name: "more votes than founders", call: "BG-EDIH-PRESELECTION-2021",
      patch: (a) => { meeting(a).votes = { all: { for: 4, against: 0, abstained: 0 }, statute: { for: 4, against: 1, abstained: 0 } }; },
      errors: [{ messageId: "tooManyVotes", data: { item: "statute", count: 5, founders: 4 },
        path: ["hub", "legal_entity", "founding_meeting", "votes", "statute"] }] },
    { name: "no board members", call: "BG-EDIH-PRESELECTION-2021",
      patch: (a) => { delete le(a).management_board; },
      errors: [{ messageId: "missing", data: { document: "founding protocol", key: "management_board" },
        path: ["hub", "legal_entity", "management_board"] }] },
    { name: "board members disagree with the board size; one names no one; one represents a non-founder", call: "BG-EDIH-PRESELECTION-2021",
      patch: (a) => { le(a).management_board = [{ partner: "chamber" }, { name: "X", partner: "nobody" }]; },
      errors: [
        { messageId: "boardSize", data: { size: 3, listed: 2 } },
        { messageId: "boardMemberName", data: { number: 1, index: 0 }, path: ["hub", "legal_entity", "management_board", 0, "name"] },
        { messageId: "boardMemberNotFounder", data: { number: 2, partner: "nobody" }, path: ["hub", "legal_entity", "management_board", 1, "partner"] },
      ] },
    { name: "no economic activity", call: "BG-EDIH-PRESELECTION-2021",
      patch: (a) => { le(a).economic_activity = null; },
      errors: [{ messageId: "missing", data: { document: "statute", key: "economic_activity" }, path: ["hub", "legal_entity", "economic_activity"] }] },
    { name: "a founder's representative without a basis", call: "BG-EDIH-PRESELECTION-2021", stage: "submission",
      patch: (a) => { partner(a, "chamber").representative = { name: "Г. Лице", position: "председател" }; },
      errors: [{ messageId: "basisMissing", data: { partner: "chamber" },
        path: ["partners", 2, "representative", "basis"], severity: "error", hint: /power-of-attorney/ }] },
    { name: "a municipality represented by someone other than the mayor is not derived", call: "BG-EDIH-PRESELECTION-2021",
      patch: (a) => { partner(a, "town").representative = { position: "заместник-кмет" }; },
      errors: [{ messageId: "basisMissing", data: { partner: "town" }, path: ["partners", 0, "representative", "basis"] }] },
    { name: "a power of attorney without its date", call: "BG-EDIH-PRESELECTION-2021",
      patch: (a) => { partner(a, "firm").representative = { basis: { kind: "power-of-attorney", number: "7" } }; },
      errors: [{ messageId: "powerOfAttorneyDate", data: { partner: "firm" }, path: ["partners", 3, "representative", "basis"] }] },
  ],
});
