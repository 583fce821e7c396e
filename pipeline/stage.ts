import { z } from "zod";

/** A named, pure step between two schemas: no I/O, no clock, no randomness. */
export interface Stage<In extends z.ZodType, Out extends z.ZodType> {
  name: string;
  /** bump when the stage's output for the same input may change (cache key) */
  version: number;
  input: In;
  output: Out;
  run(record: z.output<In>): z.input<Out>;
}

export class StageError extends Error {
  readonly stage: string;
  readonly key: string;
  constructor(stage: string, key: string, message: string, options?: { cause?: unknown }) {
    super(`[${stage}] ${key}: ${message}`, options);
    this.name = "StageError";
    this.stage = stage;
    this.key = key;
  }
}

/** Records parsed by runStage, with the object schema that parsed them. */
const parsedBy = new WeakMap<object, z.ZodObject>();
/** Per object schema, the schema of a subset of its fields (by the fields' names joined with ","). */
const picks = new WeakMap<z.ZodObject, Map<string, z.ZodObject>>();

/**
 * Parses a stage's output. A field whose value is the very value (===) of the same field of the stage's input, where
 * the input was parsed by runStage under a schema with the same field schema (the same object: extend() and pick()
 * share them), was parsed already and is not parsed again: stages are pure and do not change their input. The other
 * fields are parsed as a pick() of the schema, and the result has the fields in the schema's order, as a parse gives.
 */
export function parseOutput(schema: z.ZodType, input: unknown, out: unknown): z.ZodSafeParseResult<unknown> {
  const prev = typeof input === "object" && input !== null ? parsedBy.get(input) : undefined;
  const full = (): z.ZodSafeParseResult<unknown> => {
    const r = schema.safeParse(out);
    if (r.success && schema instanceof z.ZodObject) parsedBy.set(r.data as object, schema);
    return r;
  };
  if (!prev || !(schema instanceof z.ZodObject) || typeof out !== "object" || out === null || Array.isArray(out)) return full();
  const shape = schema.shape as Record<string, z.ZodType>;
  const before = prev.shape as Record<string, z.ZodType>;
  const o = out as Record<string, unknown>;
  const i = input as Record<string, unknown>;
  const keys = Object.keys(shape);
  const fresh = new Set(keys.filter((k) => !(before[k] === shape[k] && Object.hasOwn(o, k) && Object.hasOwn(i, k) && o[k] === i[k])));
  if (fresh.size === keys.length) return full();
  let bySet = picks.get(schema);
  if (!bySet) picks.set(schema, (bySet = new Map()));
  const name = [...fresh].join(",");
  let sub = bySet.get(name);
  if (!sub) bySet.set(name, (sub = schema.pick(Object.fromEntries([...fresh].map((k) => [k, true])) as never) as z.ZodObject));
  const part: Record<string, unknown> = {};
  for (const k of fresh) if (Object.hasOwn(o, k)) part[k] = o[k];
  const r = sub.safeParse(part);
  if (!r.success) return r;
  const got = r.data as Record<string, unknown>;
  const data: Record<string, unknown> = {};
  for (const k of keys) {
    if (!fresh.has(k)) data[k] = o[k];
    else if (Object.hasOwn(got, k)) data[k] = got[k];
  }
  parsedBy.set(data, schema);
  return { success: true, data };
}

/** Runs a stage and parses its output against the stage's schema (see parseOutput). */
export function runStage<In extends z.ZodType, Out extends z.ZodType>(
  stage: Stage<In, Out>,
  record: z.output<In>,
  key: string,
): z.output<Out> {
  let out: unknown;
  try {
    out = stage.run(record);
  } catch (cause) {
    throw new StageError(stage.name, key, cause instanceof Error ? cause.message : String(cause), { cause });
  }
  const parsed = parseOutput(stage.output, record, out);
  if (!parsed.success) throw new StageError(stage.name, key, z.prettifyError(parsed.error), { cause: parsed.error });
  return parsed.data as z.output<Out>;
}
