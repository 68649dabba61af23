// Reads a zod schema's structure at a JSON path, so diagnostics can list the keys or values that
// ARE allowed there (for "did you mean" and for hints). Only the parts of zod's definition tree
// that our schemas use are followed; anything else answers "unknown" (an empty list).
import type { z } from "zod";
import type { JsonPath } from "../diagnostics.js";

type AnySchema = z.core.$ZodType;
interface Def {
  type: string;
  shape?: Record<string, AnySchema>;
  innerType?: AnySchema;
  in?: AnySchema;
  element?: AnySchema;
  valueType?: AnySchema;
  options?: AnySchema[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  getter?: () => AnySchema;
}

const def = (s: AnySchema): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Strips wrappers that do not change the shape: optional, nullable, default, pipe input, ... */
function unwrap(s: AnySchema): AnySchema[] {
  const d = def(s);
  switch (d.type) {
    case "optional": case "nullable": case "default": case "prefault": case "catch": case "readonly": case "nonoptional":
      return unwrap(d.innerType!);
    case "pipe": return unwrap(d.in!);
    case "lazy": return unwrap(d.getter!());
    case "union": return d.options!.flatMap(unwrap);
    default: return [s];
  }
}

/** All schemas that could apply at `path` (several when a union is on the way). */
export function schemasAt(root: AnySchema, path: JsonPath): AnySchema[] {
  let current = unwrap(root);
  for (const seg of path) {
    const next: AnySchema[] = [];
    for (const s of current) {
      const d = def(s);
      if (d.type === "object" && typeof seg === "string" && d.shape![seg]) next.push(...unwrap(d.shape![seg]!));
      else if (d.type === "array" && typeof seg === "number") next.push(...unwrap(d.element!));
      else if (d.type === "record") next.push(...unwrap(d.valueType!));
    }
    current = next;
  }
  return current;
}

/** Keys an object at `path` may have, in schema order. */
export function allowedKeys(root: AnySchema, path: JsonPath): string[] {
  const keys = new Set<string>();
  for (const s of schemasAt(root, path)) {
    const d = def(s);
    if (d.type === "object") Object.keys(d.shape!).forEach((k) => keys.add(k));
  }
  return [...keys];
}

/** Values an enum or literal at `path` accepts (aliases included). */
export function allowedValues(root: AnySchema, path: JsonPath): string[] {
  const values: string[] = [];
  for (const s of schemasAt(root, path)) {
    const d = def(s);
    if (d.type === "enum") values.push(...Object.values(d.entries!).map(String));
    if (d.type === "literal") values.push(...d.values!.map(String));
  }
  return [...new Set(values)];
}

/** The `description` given with `.meta()` at `path`, if any. */
export function describeAt(root: AnySchema, path: JsonPath, registry: z.core.$ZodRegistry<{ description?: string }>): string | undefined {
  let s: AnySchema | undefined = root;
  for (const seg of path) {
    const candidates: AnySchema[] = s ? unwrap(s) : [];
    s = undefined;
    for (const c of candidates) {
      const d = def(c);
      if (d.type === "object" && typeof seg === "string" && d.shape![seg]) { s = d.shape![seg]; break; }
      if (d.type === "array" && typeof seg === "number") { s = d.element; break; }
      if (d.type === "record") { s = d.valueType; break; }
    }
    if (!s) return undefined;
  }
  // .meta() may sit on a wrapper (e.g. `.optional().meta()`) or on the inner schema.
  let cursor: AnySchema | undefined = s;
  while (cursor) {
    const meta = registry.get(cursor);
    if (meta?.description) return meta.description;
    const d = def(cursor);
    cursor = d.innerType ?? (d.type === "pipe" ? d.in : undefined);
  }
  return undefined;
}

