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
  constructor(
    readonly stage: string,
    readonly key: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`[${stage}] ${key}: ${message}`, options);
    this.name = "StageError";
  }
}

/** Runs a stage and parses its output against the stage's schema. */
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
  const parsed = stage.output.safeParse(out);
  if (!parsed.success) throw new StageError(stage.name, key, z.prettifyError(parsed.error), { cause: parsed.error });
  return parsed.data;
}
