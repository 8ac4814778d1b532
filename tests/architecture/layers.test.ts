// The layers of src/, read from the relative import and export statements of every source file: which unit may
// import which, no cycle between units, the private modules of backends/ kept private, and no kernel called from
// a model. A unit is a top-level directory or a top-level file of src/.

import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { KERNELS } from "../../src/backends/kernel-table.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

const UNITS = [
  "backends", "linalg", "options", "models", "paths", "pipeline", "design", "solvers", "logistic", "sparse", "optim", "datasets", "cli",
  "worker", "streaming", "csv", "sql", "tables", "backend.ts", "block-limit.ts", "power-of-two.ts", "input.ts", "copy-in.ts", "penalties.ts", "metrics.ts", "errors.ts", "gram-accumulator.ts", "index.ts",
] as const;
type Unit = (typeof UNITS)[number];

/**
 * The layers, bottom up: what each unit may import besides itself. Every unit has a line, so an import that runs up
 * the layers fails here; a new dependency is a deliberate one-line change.
 */
const BASE = ["backends", "backend.ts", "block-limit.ts", "power-of-two.ts", "options", "input.ts", "copy-in.ts", "errors.ts", "metrics.ts"] as const;
const MAY_IMPORT: Record<Unit, readonly Unit[]> = {
  "block-limit.ts": [], // the largest block, which the allocators and the input checks share
  backends: ["block-limit.ts"], // not even backend.ts: it re-exports backends/contract.ts
  "backend.ts": ["backends"],
  options: ["block-limit.ts"],
  "power-of-two.ts": [], // exact rescaling of data whose sums leave double precision
  "errors.ts": [],
  "metrics.ts": ["power-of-two.ts"],
  "input.ts": ["options", "block-limit.ts"],
  "copy-in.ts": ["backend.ts", "input.ts"],
  linalg: ["backends", "backend.ts", "input.ts", "copy-in.ts", "options", "errors.ts"],
  "penalties.ts": ["backends", "backend.ts", "input.ts", "copy-in.ts", "options"],
  optim: [...BASE],
  sparse: [...BASE],
  "gram-accumulator.ts": [...BASE],
  solvers: [...BASE, "linalg"],
  design: [...BASE, "solvers", "gram-accumulator.ts"],
  pipeline: [...BASE, "solvers", "design", "gram-accumulator.ts"],
  paths: [...BASE, "solvers", "design", "pipeline", "gram-accumulator.ts"],
  // The logistic models' Newton loops, each step a weighted elastic net through the solver table.
  logistic: [...BASE, "solvers", "design", "pipeline"],
  // Tables as people hold them (records, Arrow) read into named, one-hot encoded matrices; the names models keep.
  tables: [...BASE],
  models: [...BASE, "linalg", "sparse", "gram-accumulator.ts", "solvers", "design", "pipeline", "paths", "logistic", "tables"],
  datasets: [],
  worker: [...BASE, "models", "logistic", "tables"], // logistic: a classifier's labels, checked before they reach a worker
  // The CSV rules (a header of distinct names, decimal cells) that the command line, the page and streams share.
  csv: ["options"],
  streaming: [...BASE, "gram-accumulator.ts", "csv", "worker"], // worker: the pool that reads pieces of files in parallel
  sql: [...BASE, "gram-accumulator.ts"], // SQL statistics: the query, its inverse, DuckDB
  cli: [...BASE, "models", "paths", "pipeline", "datasets", "gram-accumulator.ts", "csv", "sql", "streaming", "tables"],
  "index.ts": UNITS.filter((unit) => unit !== "index.ts" && unit !== "cli"),
};

/** The modules of backends/ the rest of src/ may import, and who may ("*": any file); the others are private. */
const BACKENDS_PUBLIC: Readonly<Record<string, string>> = {
  "src/backends/registry.ts": "*", // init, initSync, getBackend
  "src/backends/random.ts": "*", // mulberry32: folds and batches seeded as the core seeds them
  "src/backends/worker-argv.ts": "*", // the Node options of a worker thread (the core's threads, the fitting workers)
  "src/backends/contract.ts": "src/backend.ts", // the rest of src/ imports the contract through src/backend.ts
};

/** One relative import or export statement: root-relative paths of the importer and of the module it names. */
interface Import {
  readonly from: string;
  readonly to: string;
  readonly line: number;
}

const show = (i: Import): string => `${i.from}:${i.line} -> ${i.to}`;

/** Root-relative, "/"-separated. */
const rootPath = (absolute: string): string => relative(ROOT, absolute).split("\\").join("/");

/** The unit of a root-relative path: its first segment under src/ ("" outside src/). */
const unitOf = (path: string): string => (path.startsWith("src/") ? path.split("/")[1] : "");

const SOURCES = readdirSync(join(ROOT, "src"), { recursive: true, encoding: "utf8" })
  .filter((name) => name.endsWith(".ts"))
  .map((name) => rootPath(join(ROOT, "src", name)))
  .sort();

function parse(path: string): ts.SourceFile {
  return ts.createSourceFile(path, readFileSync(join(ROOT, path), "utf8"), ts.ScriptTarget.Latest, true);
}

function importsOf(path: string): Import[] {
  const file = parse(path);
  const found: Import[] = [];
  for (const statement of file.statements) {
    if (!ts.isImportDeclaration(statement) && !ts.isExportDeclaration(statement)) continue;
    const specifier = statement.moduleSpecifier;
    if (!specifier || !ts.isStringLiteral(specifier) || !specifier.text.startsWith(".")) continue;
    const target = resolve(ROOT, dirname(path), specifier.text.replace(/\.js$/, ".ts"));
    const line = file.getLineAndCharacterOfPosition(statement.getStart()).line + 1;
    found.push({ from: path, to: rootPath(target), line });
  }
  return found;
}

const IMPORTS = SOURCES.flatMap(importsOf);

/** The imports between two different units, by importer unit and imported unit (the first import stands for the edge). */
function unitGraph(): Map<string, Map<string, Import>> {
  const graph = new Map<string, Map<string, Import>>();
  for (const i of IMPORTS) {
    const [a, b] = [unitOf(i.from), unitOf(i.to)];
    if (a === b) continue;
    const edges = graph.get(a) ?? new Map<string, Import>();
    if (!edges.has(b)) edges.set(b, i);
    graph.set(a, edges);
  }
  return graph;
}

/** A cycle of units as its edges (depth-first search), or null. */
function findCycle(graph: Map<string, Map<string, Import>>): Import[] | null {
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (unit: string): Import[] | null => {
    const at = path.indexOf(unit);
    if (at >= 0) {
      const ring = [...path.slice(at), unit];
      return ring.slice(1).map((next, k) => graph.get(ring[k])!.get(next)!);
    }
    if (done.has(unit)) return null;
    path.push(unit);
    for (const next of graph.get(unit)?.keys() ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    done.add(unit);
    return null;
  };
  for (const unit of graph.keys()) {
    const cycle = visit(unit);
    if (cycle) return cycle;
  }
  return null;
}

/** The calls `<anything>.<kernel>(...)` (or `<anything>["<kernel>"](...)`) of a source file, as file:line .kernel(. */
function kernelCalls(path: string, kernels: ReadonlySet<string>): string[] {
  const file = parse(path);
  const calls: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const name = ts.isPropertyAccessExpression(callee)
        ? callee.name.text
        : ts.isElementAccessExpression(callee) && ts.isStringLiteralLike(callee.argumentExpression)
          ? callee.argumentExpression.text
          : undefined;
      if (name !== undefined && kernels.has(name)) {
        calls.push(`${path}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1} .${name}(`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return calls;
}

describe("the layers of src/", () => {
  it("every source file and every relative import lies in a declared unit", () => {
    expect(IMPORTS.length, "no import statement was found: the parser reads nothing").toBeGreaterThan(0);
    const units: readonly string[] = UNITS;
    const strays = [
      ...SOURCES.filter((path) => !units.includes(unitOf(path))).map((path) => `${path} (a new unit? declare it)`),
      ...IMPORTS.filter((i) => !units.includes(unitOf(i.to))).map(show),
    ];
    expect(strays, `outside the declared units:\n${strays.join("\n")}`).toEqual([]);
  });

  it.each(Object.entries(MAY_IMPORT))("%s imports only from itself and its allow-list", (unit, allowed = []) => {
    const bad = IMPORTS.filter((i) => unitOf(i.from) === unit && unitOf(i.to) !== unit && !allowed.includes(unitOf(i.to) as Unit));
    expect(bad.map(show), `${unit} may import only [${allowed.join(", ")}]:\n${bad.map(show).join("\n")}`).toEqual([]);
  });

  it("no cycle between units", () => {
    const cycle = findCycle(unitGraph());
    const message = cycle && `${[...cycle.map((i) => unitOf(i.from)), unitOf(cycle[0].from)].join(" -> ")}\n${cycle.map(show).join("\n")}`;
    expect(message, `a cycle between units: ${message}`).toBeNull();
  });

  it("nothing outside backends/ imports a private module of backends/", () => {
    const bad = IMPORTS.filter((i) => unitOf(i.from) !== "backends" && unitOf(i.to) === "backends")
      .filter((i) => !["*", i.from].includes(BACKENDS_PUBLIC[i.to]));
    const publicModules = Object.entries(BACKENDS_PUBLIC).map(([path, who]) => (who === "*" ? path : `${path} to ${who} only`)).join(", ");
    expect(bad.map(show), `private modules of backends/ imported (public: ${publicModules}):\n${bad.map(show).join("\n")}`).toEqual([]);
  });

  it("no file of models/ calls a kernel of a backend (models fit through pipeline/ and solvers/)", () => {
    const kernels = new Set(Object.keys(KERNELS));
    const calls = SOURCES.filter((path) => unitOf(path) === "models").flatMap((path) => kernelCalls(path, kernels));
    expect(calls, `kernel calls in models/:\n${calls.join("\n")}`).toEqual([]);
  });
});
