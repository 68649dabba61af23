import { z } from "zod";
import { defineRule } from "./types.js";
import { FOUNDING_VOTES } from "../schema/vocabulary.js";
import { isStatutoryPosition, normBasis, normVotes } from "../schema/founding.js";

/** Facts the founding documents print; each was an inline blank in the templates before. */
const FACTS = [
  { key: ["founding_meeting", "date"], what: "the date of the founding meeting", doc: "founding protocol" },
  { key: ["founding_meeting", "address"], what: "the address of the founding meeting's place", doc: "founding protocol" },
  { key: ["founding_meeting", "opened_by"], what: "who opened the founding meeting", doc: "founding protocol" },
  { key: ["founding_meeting", "chair"], what: "the chair of the founding meeting", doc: "founding protocol" },
  { key: ["founding_meeting", "secretary"], what: "the secretary of the founding meeting", doc: "founding protocol" },
  { key: ["management_board_size"], what: "the number of management board members", doc: "statute and founding protocol" },
  { key: ["management_board_term"], what: "the management board's term of office", doc: "statute" },
  { key: ["management_board"], what: "the members of the first management board", doc: "founding protocol" },
  { key: ["economic_activity"], what: "the subject of the ancillary economic activity (or none)", doc: "statute" },
] as const;

export default defineRule({
  meta: {
    id: "founding-facts-present",
    description: "The facts the founding documents print (founding meeting and its votes, management board, economic activity, each founder's basis of representation) are given and agree (warning in a draft, error at --stage submission).",
    defaultSeverity: "warning",
    source: { text: "Закон за юридическите лица с нестопанска цел, as amended in 2016 (registration at the Registry Agency since 01.01.2018): the founding meeting adopts the statute and elects the first management body; its minutes and the statute are filed with application form А15 (БЦНП/BCNL FAQ “Учредяване на сдружение”, https://bcnl.org/faq/uchredyavane-na-sdruzhenie.html, read 11.2025)", confirmed: true },
    messages: {
      missing: "The {{document}} needs {{fact}}: hub.legal_entity.{{key}} is not given",
      votesMissingAll: "The founding protocol needs the vote on every item: hub.legal_entity.founding_meeting.votes does not give them",
      voteMissing: "The founding protocol needs the vote on {{item}}: hub.legal_entity.founding_meeting.votes does not give it",
      votesMissing: "The founding protocol needs the vote on {{items}}: hub.legal_entity.founding_meeting.votes does not give them",
      tooManyVotes: "The vote \"{{item}}\" of the founding meeting counts {{count}} votes, but the association has {{founders}} founders",
      boardSize: "The founding meeting elects a management board of {{size}} members, but {{listed}} are listed in hub.legal_entity.management_board",
      boardMemberName: "The founding protocol needs the name of management board member {{number}}: hub.legal_entity.management_board[{{index}}].name is not given",
      boardMemberNotFounder: "Management board member {{number}} represents \"{{partner}}\", which is not a founder",
      basisMissing: "The founding protocol needs the basis on which the representative of \"{{partner}}\" acts: representative.basis is not given",
      powerOfAttorneyDate: "The founding protocol needs the date of the power of attorney of \"{{partner}}\"'s representative",
    },
    docs: "A draft may leave them blank (the documents show a marker to fill in); a submission may not.",
  },
  options: z.strictObject({}),
  check({ application, stage, callPack, ref }, _o, report) {
    // Only a package with founding documents prints these facts.
    if (!callPack.documents.some((d) => d.id === "founding-protocol" || d.id === "statute")) return;
    const severity = stage === "submission" ? { severity: "error" as const } : {};
    const entity = application.hub.legal_entity;
    const le = entity as unknown as Record<string, unknown>;
    const where = ["hub", "legal_entity"] as const;
    for (const f of FACTS) {
      let v: unknown = le;
      for (const k of f.key) v = v && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined;
      if (v !== undefined && v !== null && v !== "" && !(Array.isArray(v) && v.length === 0)) continue;
      report({ messageId: "missing", data: { document: f.doc, fact: f.what, key: f.key.join(".") },
        path: [...where, ...f.key], hint: "add it to edih.yaml (docs/FORMAT.md); until then the document shows a marker to fill in", ...severity });
    }

    const founders = application.partners.map((p, i) => ({ p, i })).filter(({ p }) => p.roles.includes("founder"));
    const votesPath = [...where, "founding_meeting", "votes"];
    const votes = normVotes(entity.founding_meeting?.votes);
    const noVote = Object.entries(votes).filter(([, v]) => v === null).map(([id]) => id);
    const votesHint = "add votes: { all: { for, against, abstained } } and an entry per item voted otherwise (officers, agenda, founding, name, seat, benefit, term, goals, statute, board, representation, registration)";
    if (noVote.length === FOUNDING_VOTES.length - 1) {
      report({ messageId: "votesMissingAll", path: votesPath, hint: votesHint, ...severity });
    } else if (noVote.length === 1) {
      report({ messageId: "voteMissing", data: { item: noVote[0]! }, path: votesPath, hint: votesHint, ...severity });
    } else if (noVote.length > 1) {
      report({ messageId: "votesMissing", data: { items: noVote.join(", ") }, path: votesPath, hint: votesHint, ...severity });
    }
    for (const [id, v] of Object.entries(entity.founding_meeting?.votes ?? {})) {
      if (v && v.for + v.against + v.abstained > founders.length) {
        report({ messageId: "tooManyVotes", data: { item: id, count: v.for + v.against + v.abstained, founders: founders.length },
          path: [...votesPath, id], hint: "each founder present has one vote: check the figures against the protocol", ...severity });
      }
    }

    const board = entity.management_board ?? [];
    if (board.length > 0 && entity.management_board_size != null && board.length !== entity.management_board_size) {
      report({ messageId: "boardSize", data: { size: entity.management_board_size, listed: board.length },
        path: [...where, "management_board"], hint: "make management_board_size and the list agree", ...severity });
    }
    board.forEach((m, j) => {
      if (m.name == null) {
        report({ messageId: "boardMemberName", data: { number: j + 1, index: j },
          path: [...where, "management_board", j, "name"], hint: "add the member's name (the person, or the person representing the founder)", ...severity });
      }
      if (m.partner != null && !founders.some(({ p }) => p.id === m.partner)) {
        report({ messageId: "boardMemberNotFounder", data: { number: j + 1, partner: m.partner },
          path: [...where, "management_board", j, "partner"], hint: "use the id of a partner with the founder role", ...severity });
      }
    });

    for (const { p, i } of founders) {
      const basis = normBasis(p.representative?.basis);
      const statutory = ref.legalForms.get(p.legal_form)?.representation;
      const derived = statutory !== undefined && isStatutoryPosition(p.representative?.position, [statutory.position_bg, statutory.position_en]);
      if (basis === null && !derived) {
        report({ messageId: "basisMissing", data: { partner: p.id },
          path: ["partners", i, "representative", "basis"], hint: "add representative.basis: law (the statutory representative), statute, or { kind: power-of-attorney, number, date }", ...severity });
      } else if (basis?.kind === "power-of-attorney" && basis.date === null && basis.text === null) {
        report({ messageId: "powerOfAttorneyDate", data: { partner: p.id },
          path: ["partners", i, "representative", "basis"], hint: "write basis: { kind: power-of-attorney, number, date }", ...severity });
      }
    }
  },
});
