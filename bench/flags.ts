// The Node flags and environment `npm run build-data` runs the build with, read from package.json's script, so that
// the bench's timed build (bench/build-one.ts) runs as a user's build does.
import { readFileSync } from "node:fs";
import { join } from "node:path";

export interface BuildLaunch {
  /** the environment variables the script sets before `node` */
  env: Record<string, string>;
  /** node's own arguments, up to the script's entry point */
  nodeArgs: string[];
}

/**
 * The script's words: leading NAME=value pairs, then `node`, its flags, and the entry point `entry`. A word
 * `${NAME:-default}` is NAME from `vars` where set, else the default. Throws where the script is not of that form.
 */
export function parseBuildScript(script: string, entry: string, vars: Record<string, string | undefined> = process.env): BuildLaunch {
  const words = script.trim().split(/\s+/).map((w) => w.replace(/\$\{(\w+):-([^}]*)\}/g, (_, name: string, dflt: string) => vars[name] ?? dflt));
  const env: Record<string, string> = {};
  let i = 0;
  for (let m; i < words.length && (m = /^(\w+)=(.*)$/.exec(words[i]!)); i++) env[m[1]!] = m[2]!;
  const end = words.indexOf(entry);
  if (words[i] !== "node" || end < i) throw new Error(`the build script is not "[NAME=value …] node [flags …] ${entry} …": ${script}`);
  return { env, nodeArgs: words.slice(i + 1, end) };
}

/** `npm run build-data`'s environment and node flags (its entry point, pipeline/cli.ts, left out). */
export function buildDataLaunch(root: string): BuildLaunch {
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { scripts: Record<string, string> };
  return parseBuildScript(pkg.scripts["build-data"]!, "pipeline/cli.ts");
}
