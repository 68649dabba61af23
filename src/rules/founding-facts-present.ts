import { z } from "zod";
import { defineRule } from "./types.js";
import { FOUNDING_VOTES } from "../schema/hub.js";
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
    source: { text: "ЗЮЛНЦ: the founding meeting adopts the statute and elects the first management body; its minutes and the statute are filed for registration (form А15) (B21, B22; research note §4)", confirmed: true },
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
      report({ message: `The ${f.doc} needs ${f.what}: hub.legal_entity.${f.key.join(".")} is not given`,
        path: [...where, ...f.key], hint: "add it to edih.yaml (docs/FORMAT.md); until then the document shows a marker to fill in", ...severity });
    }

    const founders = application.partners.map((p, i) => ({ p, i })).filter(({ p }) => p.roles.includes("founder"));
    const votesPath = [...where, "founding_meeting", "votes"];
    const votes = normVotes(entity.founding_meeting?.votes);
    const noVote = Object.entries(votes).filter(([, v]) => v === null).map(([id]) => id);
    if (noVote.length > 0) {
      report({ message: `The founding protocol needs the vote on ${noVote.length === FOUNDING_VOTES.length - 1 ? "every item" : noVote.join(", ")}: hub.legal_entity.founding_meeting.votes does not give ${noVote.length > 1 ? "them" : "it"}`,
        path: votesPath, hint: "add votes: { all: { for, against, abstained } } and an entry per item voted otherwise (officers, agenda, founding, name, seat, benefit, term, goals, statute, board, representation, registration)", ...severity });
    }
    for (const [id, v] of Object.entries(entity.founding_meeting?.votes ?? {})) {
      if (v && v.for + v.against + v.abstained > founders.length) {
        report({ message: `The vote "${id}" of the founding meeting counts ${v.for + v.against + v.abstained} votes, but the association has ${founders.length} founders`,
          path: [...votesPath, id], hint: "each founder present has one vote: check the figures against the protocol", ...severity });
      }
    }

    const board = entity.management_board ?? [];
    if (board.length > 0 && entity.management_board_size != null && board.length !== entity.management_board_size) {
      report({ message: `The founding meeting elects a management board of ${entity.management_board_size} members, but ${board.length} are listed in hub.legal_entity.management_board`,
        path: [...where, "management_board"], hint: "make management_board_size and the list agree", ...severity });
    }
    board.forEach((m, j) => {
      if (m.name == null) {
        report({ message: `The founding protocol needs the name of management board member ${j + 1}: hub.legal_entity.management_board[${j}].name is not given`,
          path: [...where, "management_board", j, "name"], hint: "add the member's name (the person, or the person representing the founder)", ...severity });
      }
      if (m.partner != null && !founders.some(({ p }) => p.id === m.partner)) {
        report({ message: `Management board member ${j + 1} represents "${m.partner}", which is not a founder`,
          path: [...where, "management_board", j, "partner"], hint: "use the id of a partner with the founder role", ...severity });
      }
    });

    for (const { p, i } of founders) {
      const basis = normBasis(p.representative?.basis);
      const statutory = ref.legalForms.get(p.legal_form)?.representation;
      const derived = statutory !== undefined && isStatutoryPosition(p.representative?.position, [statutory.position_bg, statutory.position_en]);
      if (basis === null && !derived) {
        report({ message: `The founding protocol needs the basis on which the representative of "${p.id}" acts: representative.basis is not given`,
          path: ["partners", i, "representative", "basis"], hint: "add representative.basis: law (the statutory representative), statute, or { kind: power-of-attorney, number, date }", ...severity });
      } else if (basis?.kind === "power-of-attorney" && basis.date === null && basis.text === null) {
        report({ message: `The founding protocol needs the date of the power of attorney of "${p.id}"'s representative`,
          path: ["partners", i, "representative", "basis"], hint: "write basis: { kind: power-of-attorney, number, date }", ...severity });
      }
    }
  },
});
