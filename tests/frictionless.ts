// Validates a Frictionless Data Package v2 descriptor: the JSON Schema of the v2 profiles
// (pipeline/publish/profiles/datapackage-2.0.schema.json), the normative rules a JSON Schema cannot state,
// and, given the package folder, every file's bytes and hash and every CSV cell against its field.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv } from "ajv";
import { parse } from "csv-parse/sync";

const PROFILE = join(import.meta.dirname, "..", "pipeline", "publish", "profiles", "datapackage-2.0.schema.json");

interface Field {
  name: string;
  type?: string;
  format?: string;
  constraints?: { required?: boolean; enum?: unknown[]; pattern?: string; minLength?: number; maxLength?: number };
}
interface Schema {
  fields: Field[];
  missingValues?: (string | { value: string })[];
  primaryKey?: string | string[];
  foreignKeys?: { fields: string | string[]; reference: { resource?: string; fields: string | string[] } }[];
}
interface Resource {
  name: string;
  path?: string | string[];
  format?: string;
  bytes?: number;
  hash?: string;
  schema?: Schema | string;
  dialect?: { header?: boolean; delimiter?: string; quoteChar?: string } | string;
}

let compiled: ReturnType<Ajv["compile"]> | null = null;
function profile() {
  if (compiled) return compiled;
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addFormat("uri", /^[a-z][a-z0-9+.-]*:[^\s]+$/i);
  ajv.addFormat("email", /^[^\s@]+@[^\s@]+\.[^\s@]+$/);
  ajv.addFormat("date-time", /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
  compiled = ajv.compile(JSON.parse(readFileSync(PROFILE, "utf8")) as object);
  return compiled;
}

const list = (x: string | string[]) => (Array.isArray(x) ? x : [x]);

/** Checks one cell (null = missing) against its field; returns what is wrong, or null. */
export function cellIssue(f: Field, v: string | null): string | null {
  const c = f.constraints ?? {};
  if (v === null) return c.required ? "missing, but required" : null;
  switch (f.type ?? "string") {
    case "integer":
      if (!/^[+-]?\d+$/.test(v)) return `not an integer: ${JSON.stringify(v)}`;
      break;
    case "number":
      if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$|^(NaN|INF|-INF)$/.test(v)) return `not a number: ${JSON.stringify(v)}`;
      break;
    case "boolean":
      if (!["true", "false", "True", "False", "TRUE", "FALSE", "1", "0"].includes(v)) return `not a boolean: ${JSON.stringify(v)}`;
      break;
    case "date": {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
      const d = m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)) : null;
      if (!m || !d || d.getUTCMonth() !== +m[2]! - 1 || d.getUTCDate() !== +m[3]!) return `not a date: ${JSON.stringify(v)}`;
      break;
    }
    case "array": {
      let a: unknown;
      try {
        a = JSON.parse(v);
      } catch {
        a = null;
      }
      if (!Array.isArray(a)) return `not a JSON array: ${JSON.stringify(v)}`;
      break;
    }
  }
  if (c.enum && !c.enum.includes(v)) return `${JSON.stringify(v)} is not one of ${JSON.stringify(c.enum)}`;
  if (c.pattern && !new RegExp(`^(?:${c.pattern})$`, "u").test(v)) return `${JSON.stringify(v)} does not match ${c.pattern}`;
  const len = [...v].length;
  if (c.minLength !== undefined && len < c.minLength) return `shorter than ${c.minLength}`;
  if (c.maxLength !== undefined && len > c.maxLength) return `longer than ${c.maxLength}`;
  return null;
}

/** Every issue of a descriptor (and, with `root`, of its files); empty when valid. */
export function validateDataPackage(descriptor: unknown, root?: string): string[] {
  const issues: string[] = [];
  const validate = profile();
  if (!validate(descriptor)) for (const e of validate.errors ?? []) issues.push(`profile: ${e.instancePath || "/"} ${e.message ?? ""}`);
  if (issues.length) return issues;
  const pkg = descriptor as { resources: Resource[] };
  const byName = new Map<string, Resource>();
  for (const r of pkg.resources) {
    if (byName.has(r.name)) issues.push(`resources: the name ${r.name} is used twice`);
    byName.set(r.name, r);
  }
  const schemaOf = (r: Resource): Schema | null => (typeof r.schema === "object" ? r.schema : null);
  for (const r of pkg.resources) {
    const s = schemaOf(r);
    if (!s) continue;
    const names = s.fields.map((f) => f.name);
    const dup = names.filter((n, i) => names.indexOf(n) !== i);
    if (dup.length) issues.push(`${r.name}: field names used twice: ${dup.join(", ")}`);
    for (const k of s.primaryKey ? list(s.primaryKey) : []) if (!names.includes(k)) issues.push(`${r.name}: primaryKey names no field: ${k}`);
    for (const fk of s.foreignKeys ?? []) {
      const fields = list(fk.fields);
      for (const f of fields) if (!names.includes(f)) issues.push(`${r.name}: foreign key names no field: ${f}`);
      const target = fk.reference.resource ? byName.get(fk.reference.resource) : r;
      if (!target) {
        issues.push(`${r.name}: foreign key references no resource: ${fk.reference.resource}`);
        continue;
      }
      const refs = list(fk.reference.fields);
      if (refs.length !== fields.length) issues.push(`${r.name}: foreign key has ${fields.length} field(s) but references ${refs.length}`);
      const targetNames = schemaOf(target)?.fields.map((f) => f.name) ?? [];
      for (const f of refs) if (!targetNames.includes(f)) issues.push(`${r.name}: foreign key references no field ${target.name}.${f}`);
    }
    for (const f of s.fields)
      for (const e of f.constraints?.enum ?? [])
        if (cellIssue({ ...f, constraints: {} }, String(e))) issues.push(`${r.name}.${f.name}: enum value ${JSON.stringify(e)} is not a ${f.type}`);
  }
  if (root === undefined) return issues;
  for (const r of pkg.resources) {
    for (const p of r.path === undefined ? [] : list(r.path)) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(join(root, p));
      } catch {
        issues.push(`${r.name}: ${p} does not exist`);
        continue;
      }
      if (r.bytes !== undefined && r.bytes !== bytes.length) issues.push(`${r.name}: bytes ${r.bytes}, but ${p} has ${bytes.length}`);
      if (r.hash !== undefined) {
        const m = /^(?:([^:]+):)?([a-fA-F0-9]*)$/.exec(r.hash);
        const algo = (m?.[1] ?? "md5").toLowerCase();
        const actual = createHash(algo).update(bytes).digest("hex");
        if (actual !== m?.[2]?.toLowerCase()) issues.push(`${r.name}: hash ${r.hash}, but ${p} hashes to ${algo}:${actual}`);
      }
      const s = schemaOf(r);
      if (r.format === "csv" && s) issues.push(...csvIssues(r, s, bytes.toString("utf8")));
    }
  }
  return issues;
}

function csvIssues(r: Resource, s: Schema, text: string): string[] {
  const issues: string[] = [];
  const d = typeof r.dialect === "object" ? r.dialect : {};
  const missing = new Set((s.missingValues ?? [""]).map((m) => (typeof m === "string" ? m : m.value)));
  // a quoted field is a value even when it looks like a missing value
  const rows = parse(text, {
    delimiter: d.delimiter ?? ",",
    quote: d.quoteChar ?? '"',
    relax_column_count: true,
    cast: (v: string, ctx: { quoting: boolean }) => (!ctx.quoting && missing.has(v) ? null : v),
  }) as (string | null)[][];
  const header = d.header === false ? null : rows.shift();
  const names = s.fields.map((f) => f.name);
  if (header && JSON.stringify(header) !== JSON.stringify(names)) issues.push(`${r.name}: header ${JSON.stringify(header)} is not the fields ${JSON.stringify(names)}`);
  rows.forEach((row, i) => {
    if (row.length !== names.length) issues.push(`${r.name} row ${i + 1}: ${row.length} cells for ${names.length} fields`);
    s.fields.forEach((f, j) => {
      const issue = cellIssue(f, row[j] ?? null);
      if (issue) issues.push(`${r.name} row ${i + 1} ${f.name}: ${issue}`);
    });
  });
  return issues.slice(0, 50);
}
