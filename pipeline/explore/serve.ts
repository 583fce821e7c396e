// `npm run explore [-- --dir DIR --port N]`: serves a built dataset folder (dist-data/ by default) on localhost, so that
// DIR/explore/ can open DIR/<name>.duckdb with DuckDB-WASM. DuckDB-WASM and Apache Arrow come from their npm packages'
// files (/duckdb/…, /arrow/…); the page makes no other request.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** URL prefix → folder of npm package files the page loads. */
export const PACKAGE_FILES: Record<string, string> = {
  "/duckdb/": join(ROOT, "node_modules", "@duckdb", "duckdb-wasm", "dist"),
  "/arrow/": join(ROOT, "node_modules", "apache-arrow"),
};

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".md": "text/markdown; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
};

/** The file a URL path names under `base`, or null when it would leave it. */
export function within(base: string, urlPath: string): string | null {
  let p: string;
  try {
    p = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (p.includes("\0")) return null;
  const full = normalize(join(base, p));
  return full === base || full.startsWith(base.endsWith(sep) ? base : base + sep) ? full : null;
}

export interface Explorer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** Serves `dir` (a built dataset) on host:port (0 = any free port); resolves once listening. */
export async function startServer(opts: { dir: string; port?: number; host?: string }): Promise<Explorer> {
  const dir = resolve(opts.dir);
  const host = opts.host ?? "127.0.0.1";
  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405).end();
      return;
    }
    if (path === "/") {
      res.writeHead(302, { location: "/explore/" }).end();
      return;
    }
    const prefix = Object.keys(PACKAGE_FILES).find((p) => path.startsWith(p));
    let file = prefix ? within(PACKAGE_FILES[prefix]!, path.slice(prefix.length)) : within(dir, path);
    let st = file ? await stat(file).catch(() => null) : null;
    if (file && st?.isDirectory()) {
      if (!path.endsWith("/")) {
        res.writeHead(302, { location: `${path}/` }).end();
        return;
      }
      file = join(file, "index.html");
      st = await stat(file).catch(() => null);
    }
    if (!file || !st?.isFile()) {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end(`not found: ${path}\n`);
      return;
    }
    res.writeHead(200, {
      "content-type": TYPES[extname(file).toLowerCase()] ?? "application/octet-stream",
      "content-length": st.size,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    });
    if (req.method === "HEAD") res.end();
    else createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok, fail) => {
    server.once("error", fail);
    server.listen(opts.port ?? 0, host, () => ok());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}/`,
    server,
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { dir: { type: "string", default: "dist-data" }, port: { type: "string", default: "8080" }, help: { type: "boolean", short: "h" } } });
  if (values.help) {
    process.stdout.write("Usage: npm run explore -- [--dir DIR] [--port N]\nServes a built dataset (default dist-data/) on localhost and prints the address of its explore page.\n");
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`explore: --port must be 0..65535, not ${JSON.stringify(values.port)}\n`);
    process.exit(2);
  }
  if (!(await stat(join(values.dir, "explore", "index.html")).catch(() => null))) {
    process.stderr.write(`explore: ${values.dir}/explore/index.html is missing: build the dataset first (npm run build-data)\n`);
    process.exit(1);
  }
  const e = await startServer({ dir: values.dir, port });
  process.stdout.write(`Exploring ${resolve(values.dir)}\nOpen ${e.url}explore/ (Ctrl-C to stop)\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
