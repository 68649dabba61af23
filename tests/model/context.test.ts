import { beforeAll, describe, expect, it } from "vitest";
import { buildContext, documentInputs, NO_REFDATA, type CallFacts, type DocumentContext } from "../../src/model/index.js";
import type { Application } from "../../src/schema/index.js";
import { loadExample, readCallPack } from "./load-example.js";

let EU: CallFacts;
let app: Application;
let en: DocumentContext;
let bg: DocumentContext;

beforeAll(async () => {
  app = await loadExample();
  EU = await readCallPack("DIGITAL-2021-EDIH-01");
  en = buildContext(app, { callPack: EU, lang: "en" });
  bg = buildContext(app, { callPack: EU, lang: "bg" });
});

const close = (a: number, b: number, cents = 1) => expect(Math.abs(a - b)).toBeLessThanOrEqual(cents * 0.01 + 1e-9);

describe("buildContext on the Zagore example", () => {
  it("carries the call's facts", () => {
    expect(en.call.id).toBe("DIGITAL-2021-EDIH-01");
    expect(en.call.stage).toBe("eu");
    expect(en.call.rates).toEqual({ eu_funding: 0.5, indirect: 0.07 });
    expect(en.call.duration_months).toBe(36);
    expect(en.call.limits.title_chars).toBe(200);
    expect(en.draft).toBeNull();
    expect(en.partner).toBeNull();
  });

  it("lists every partner, numbered, with names in the document's language", () => {
    expect(en.partners.map((p) => p.id).sort()).toEqual(app.partners.map((p) => p.id).sort());
    expect(en.partners.map((p) => p.n)).toEqual(app.partners.map((_, i) => i + 1));
    // The coordinator comes first, then the other EU participants, then founders only; each in data order.
    const has = (roles: string[]) => app.partners.filter((p) => p.roles.some((r) => roles.includes(r))).map((p) => p.id);
    const coord = has(["coordinator"]);
    const eu = has(["beneficiary", "affiliated-entity", "associated-partner"]).filter((id) => !coord.includes(id));
    const rest = app.partners.map((p) => p.id).filter((id) => !coord.includes(id) && !eu.includes(id));
    expect(en.partners.map((p) => p.id)).toEqual([...coord, ...eu, ...rest]);
    expect(en.participants.map((p) => p.n)).toEqual(en.participants.map((_, i) => i + 1));
    for (const p of app.partners) {
      const i = en.partners.findIndex((x) => x.id === p.id);
      const name = p.name as { bg?: string; en?: string } | string;
      const want = (lang: "bg" | "en") => (typeof name === "string" ? name : (name[lang] ?? name.bg ?? name.en));
      expect(en.partners[i]!.name_text).toBe(want("en"));
      expect(bg.partners[i]!.name_text).toBe(want("bg"));
    }
    expect(bg.partners.some((p) => /[А-я]/.test(p.name_text))).toBe(true);
  });

  it("names legal forms and regions from the reference data", () => {
    const uni = en.partners.find((p) => p.id === "trakia-university")!;
    expect(uni.legal_form_name).not.toBe("state-university");
    expect(uni.seat_region_name).toBe("Stara Zagora");
    expect(bg.partners.find((p) => p.id === "trakia-university")!.seat_region_name).toBe("Стара Загора");
    expect(en.region).toMatchObject({ code: "BG34", name: "South-East" });
    expect(bg.region.name).toBe("Югоизточен");
    expect(en.region.nuts3.map((r) => r.code)).toEqual(["BG341", "BG342", "BG343", "BG344"]);
    expect(bg.entity.legal_form_name).toMatch(/[Сс]дружение/);
    expect(en.entity.seat_city).toBe("Stara Zagora");
  });

  it("derives the subsets and the coordinator from roles and legal forms", () => {
    expect(en.founders.length).toBe(app.partners.filter((p) => p.roles.includes("founder")).length);
    expect(en.municipalities.every((p) => p.legal_form === "municipality")).toBe(true);
    expect(en.municipalities.length).toBeGreaterThan(0);
    const coord = app.partners.find((p) => p.roles.includes("coordinator"));
    expect(en.coordinator?.id ?? null).toBe(coord?.id ?? null);
    for (const b of en.beneficiaries) expect(b.roles.some((r) => r === "coordinator" || r === "beneficiary")).toBe(true);
  });

  it("gives every optional field a value so strict templates can read it", () => {
    for (const p of en.partners) {
      expect(p).toHaveProperty("pic");
      expect(p).toHaveProperty("eik");
      expect(p).toHaveProperty("vat");
      expect(p.representative).toHaveProperty("name");
      expect(p.seat).toHaveProperty("address");
    }
    expect(en.hub.legal_entity).toHaveProperty("eik", null);
  });

  it("keeps every work package, deliverable and milestone", () => {
    expect(en.work_packages.map((w) => w.id)).toEqual(app.work_packages.map((w) => w.id));
    const dIds = app.work_packages.flatMap((w) => w.deliverables.map((d) => d.id));
    expect(en.deliverables.map((d) => d.id)).toEqual(dIds);
    expect(en.milestones.map((m) => m.id)).toEqual(app.work_packages.flatMap((w) => w.milestones.map((m) => m.id)));
    for (const d of en.deliverables) {
      const wp = app.work_packages.find((w) => w.deliverables.some((x) => x.id === d.id))!;
      expect(d.wp).toBe(wp.id);
      expect(d.lead_name).toBe(en.partners.find((p) => p.id === (d.lead ?? wp.lead))!.name_text);
    }
    expect(en.work_packages[0]!.months_text).toBe(`M${app.work_packages[0]!.start_month}–M${app.work_packages[0]!.end_month}`);
  });

  it("adds up effort by partner and by work package", () => {
    const all = app.work_packages.flatMap((w) => Object.values(w.effort));
    const total = all.reduce((a, b) => a + b, 0);
    expect(en.effort.total).toBe(total);
    expect(en.effort.wps).toEqual(app.work_packages.map((w) => w.id));
    expect(en.effort.rows.reduce((a, r) => a + r.total, 0)).toBe(total);
    en.effort.wps.forEach((_, j) => {
      expect(en.effort.rows.reduce((a, r) => a + r.cells[j]!, 0)).toBe(en.effort.totals[j]);
      expect(en.work_packages[j]!.effort_total).toBe(en.effort.totals[j]);
    });
    for (const p of en.partners) {
      const row = en.effort.rows.find((r) => r.id === p.id);
      expect(p.effort_total).toBe(row?.total ?? 0);
    }
  });

  it("draws the Gantt chart from the WP months", () => {
    expect(en.gantt.columns).toEqual(Array.from({ length: 12 }, (_, i) => `Q${i + 1}`));
    for (const [i, wp] of app.work_packages.entries()) {
      const row = en.gantt.rows[i]!;
      expect(row.id).toBe(wp.id);
      row.cells.forEach((on, q) => {
        const runs = [1, 2, 3].some((k) => { const m = 3 * q + k; return m >= wp.start_month && m <= wp.end_month; });
        expect(on).toBe(runs);
      });
    }
  });

  it("computes the budget: totals are sums of lines, EU = rate × eligible, national = eligible − EU", () => {
    const b = en.budget;
    expect(b.currency).toBe(app.budget.currency);
    expect(b.illustrative).toBe(app.budget.illustrative ?? false);
    expect(b.lines.map((l) => l.partner)).toEqual(app.budget.lines.map((l) => l.partner));
    for (const [i, l] of b.lines.entries()) {
      const src = app.budget.lines[i]!;
      const direct = src.personnel + src.subcontracting + src.travel + src.equipment + src.other_goods_and_services;
      close(l.direct, direct);
      close(l.indirect, 0.07 * (direct - src.subcontracting));
      close(l.eligible, l.direct + l.indirect);
      close(l.eu, 0.5 * l.eligible);
      close(l.national, l.eligible - l.eu, 0);
    }
    for (const f of ["personnel", "subcontracting", "travel", "equipment", "other_goods_and_services", "direct", "indirect", "eligible", "eu", "national"] as const) {
      close(b.totals[f], b.lines.reduce((a, l) => a + l[f], 0), 0);
    }
    close(b.totals.eu, 0.5 * b.totals.eligible, b.lines.length);
    close(b.totals.national + b.totals.eu, b.totals.eligible, 0);
    const withLine = en.partners.filter((p) => p.budget !== null).map((p) => p.id);
    expect(withLine.sort()).toEqual(app.budget.lines.map((l) => l.partner).sort());
  });

  it("groups services by the four families and names their providers", () => {
    expect(en.service_families.map((f) => f.id)).toEqual([
      "test-before-invest", "skills-and-training", "support-to-find-investments", "ecosystem-and-networking",
    ]);
    expect(en.service_families.flatMap((f) => f.services.map((s) => s.id)).sort()).toEqual(app.services.map((s) => s.id).sort());
    for (const s of en.services) {
      expect(s.provider_names).toEqual(s.providers.map((id) => en.partners.find((p) => p.id === id)!.name_text));
    }
    const uni = en.partners.find((p) => p.id === "trakia-university")!;
    expect(uni.services.length).toBe(app.services.filter((s) => s.providers.includes("trakia-university")).length);
  });

  it("names KPIs the call asks for", () => {
    expect(en.kpis.map((k) => k.id)).toEqual(app.kpis.map((k) => k.id));
    expect(en.kpis.every((k) => k.title_text.length > 0)).toBe(true);
    expect(en.kpis[0]!.title_text).not.toBe(bg.kpis[0]!.title_text);
  });

  it("selects the partner of a per-partner document and passes the draft mark", () => {
    const ctx = buildContext(app, { callPack: EU, lang: "bg", partnerId: "trakia-university", draft: { errors: 3 } });
    expect(ctx.partner?.id).toBe("trakia-university");
    expect(ctx.draft).toEqual({ errors: 3 });
    expect(() => buildContext(app, { callPack: EU, lang: "bg", partnerId: "nobody" })).toThrow(/nobody/);
  });

  it("is deterministic and does not touch its input", () => {
    const before = JSON.stringify(app);
    const a = JSON.stringify(buildContext(app, { callPack: EU, lang: "en" }));
    const b = JSON.stringify(buildContext(app, { callPack: EU, lang: "en" }));
    expect(a).toBe(b);
    expect(JSON.stringify(app)).toBe(before);
  });

  it("falls back to codes without reference data", () => {
    const ctx = buildContext(app, { callPack: EU, lang: "en", refdata: NO_REFDATA });
    expect(ctx.region.name).toBe("BG34");
    expect(ctx.partners[0]!.legal_form_name).toBe(ctx.partners[0]!.legal_form);
  });
});

describe("documentInputs", () => {
  it("gives a per-partner document the hub, that partner and the coordinator only", () => {
    const slice = documentInputs(app, "declaration", "trakia-university");
    const ids = slice.partners!.map((p) => p.id);
    expect(ids).toContain("trakia-university");
    expect(ids.every((id) => id === "trakia-university" || app.partners.find((p) => p.id === id)!.roles.includes("coordinator"))).toBe(true);
    expect(slice.hub).toEqual(app.hub);
    expect(slice.budget).toBeUndefined();
    expect(slice.work_packages).toBeUndefined();
  });

  it("changes for a partner's own data but not for another partner's", () => {
    const other = app.partners.find((p) => p.id !== "trakia-university" && !p.roles.includes("coordinator"))!;
    const changed = { ...app, partners: app.partners.map((p) => (p.id === other.id ? { ...p, short_name: "CHANGED" } : p)) };
    expect(JSON.stringify(documentInputs(changed, "declaration", "trakia-university")))
      .toBe(JSON.stringify(documentInputs(app, "declaration", "trakia-university")));
    expect(JSON.stringify(documentInputs(changed, "declaration", other.id)))
      .not.toBe(JSON.stringify(documentInputs(app, "declaration", other.id)));
  });

  it("makes Part B depend on everything and the budget table on the budget", () => {
    expect(documentInputs(app, "part-b")).toEqual(app);
    expect(documentInputs(app, "budget-table").budget).toEqual(app.budget);
    expect(documentInputs(app, "statute").budget).toBeUndefined();
  });
});

describe("call facts", () => {
  it("reads a raw call pack file the same as a loaded CallPack", async () => {
    const { readFileSync } = await import("node:fs");
    const { parse } = await import("yaml");
    const { join } = await import("node:path");
    const { ROOT } = await import("./load-example.js");
    const raw = parse(readFileSync(join(ROOT, "data", "calls", "DIGITAL-2021-EDIH-01.yaml"), "utf8"));
    expect(buildContext(app, { callPack: raw, lang: "en" }).call).toEqual(en.call);
  });
});
