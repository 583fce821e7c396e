// The one place where JavaScript (UTF-16) offsets become the published code-point offsets,
// and where each table's columns (DuckDB and Frictionless types) are read off the Zod schemas.
// The files themselves are written by pipeline/publish/.
import { z } from "zod";
import { TABLES, type TableDef } from "../../schemas/tables.ts";
import type { Stage } from "../stage.ts";
import { codePointMapper, SAME_OFFSETS } from "../text.ts";
import { ArticleRows } from "./07-validate.ts";

export function toCodePoints(r: ArticleRows): ArticleRows {
  const b = codePointMapper(r.article.body);
  const raw = codePointMapper(r.article.raw_text);
  const bn = (n: number | null) => (n === null ? null : b(n));
  // rows whose offsets do not change are kept as they are (so they are not parsed again: see runStage)
  const bodySame = b === SAME_OFFSETS;
  return {
    article: r.article,
    boilerplate: raw === SAME_OFFSETS ? r.boilerplate : r.boilerplate.map((x) => ({ ...x, start: raw(x.start), end: raw(x.end) })),
    dates: bodySame ? r.dates : r.dates.map((x) => ({ ...x, start: b(x.start), end: b(x.end), sentence_start: b(x.sentence_start), sentence_end: b(x.sentence_end) })),
    mentions: bodySame ? r.mentions : r.mentions.map((x) => ({ ...x, start: b(x.start), end: b(x.end) })),
    quotes: bodySame ? r.quotes : r.quotes.map((x) => ({
      ...x,
      start: b(x.start),
      end: b(x.end),
      speaker_start: bn(x.speaker_start),
      speaker_end: bn(x.speaker_end),
      fragments: x.fragments.map(([s, e]): [number, number] => [b(s), b(e)]),
    })),
  };
}

export const publish: Stage<typeof ArticleRows, typeof ArticleRows> = {
  name: "publish",
  version: 1,
  input: ArticleRows,
  output: ArticleRows,
  run: toCodePoints,
};

export interface Column {
  name: string;
  /** DuckDB type */
  duck: "VARCHAR" | "INTEGER" | "DATE" | "VARCHAR[]";
  /** Frictionless v2 field type */
  type: "string" | "integer" | "date" | "array";
  nullable: boolean;
  description: string;
  enum: string[] | null;
  pattern: string | null;
}

type JsonSchema = { type?: string; format?: string; anyOf?: JsonSchema[]; description?: string; enum?: string[]; pattern?: string; items?: JsonSchema };

export function columns(t: TableDef): Column[] {
  const js = z.toJSONSchema(t.schema, { io: "input" }) as { properties: Record<string, JsonSchema> };
  return Object.entries(js.properties).map(([name, p]) => {
    const nonNull = p.anyOf ? p.anyOf.find((x) => x.type !== "null")! : p;
    const nullable = !!p.anyOf?.some((x) => x.type === "null");
    const duck: Column["duck"] =
      nonNull.type === "integer" ? "INTEGER" : nonNull.type === "array" ? "VARCHAR[]" : nonNull.format === "date" ? "DATE" : "VARCHAR";
    const type: Column["type"] = duck === "INTEGER" ? "integer" : duck === "DATE" ? "date" : duck === "VARCHAR[]" ? "array" : "string";
    return {
      name,
      duck,
      type,
      nullable,
      description: p.description ?? nonNull.description ?? "",
      enum: nonNull.enum ?? null,
      pattern: duck === "VARCHAR" && nonNull.pattern ? nonNull.pattern : null,
    };
  });
}

export const tableByName = (name: string): TableDef => {
  const t = TABLES.find((x) => x.name === name);
  if (!t) throw new Error(`no table ${name}`);
  return t;
};
