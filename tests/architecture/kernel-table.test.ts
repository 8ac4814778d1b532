// Every entry of the kernel table (src/backends/kernel-table.ts) is a whole triplet: its AssemblyScript source,
// its TypeScript twin, its as-pect spec and its agreement test exist under the file name its `source` gives; the
// core exports its WASM implementation calls are exported by that source; the bench has a case for it; and its
// argument names cover its twin's parameters and every length and scratch rule.

import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { KERNELS } from "../../src/backends/kernel-table.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const read = (path: string): string => readFileSync(ROOT + path, "utf8");

const ENTRIES = Object.entries(KERNELS).map(([name, entry]) => ({ name, ...entry }));

/** The file name shared by the triplet: `kernels/dot` -> `dot`. */
const fileName = (source: string): string => source.slice(source.indexOf("/") + 1);

/** The files every entry's `source` stands for. */
const TRIPLET: Readonly<Record<string, (source: string) => string>> = {
  "AssemblyScript source": (source) => `assembly/${source}.ts`,
  "TypeScript twin": (source) => `src/backends/js/${source}.ts`,
  "as-pect spec": (source) => `assembly/__tests__/${fileName(source)}.spec.ts`,
  "agreement test": (source) => `tests/${source}.test.ts`,
};

/** The core exports a WASM implementation calls, read from its text: `core.<name>(`, or `parallel("<name>", ...)` (the threads call it). */
const coreCalls = (wasm: (...args: never[]) => unknown): string[] =>
  [...wasm.toString().matchAll(/\bcore\.(\w+)\s*\(|\bparallel\(\s*"(\w+)"/g)].map((match) => match[1] ?? match[2]);

/** The keys of the `CASES` object literal of bench/kernels.ts. */
function benchCases(): string[] {
  const file = ts.createSourceFile("bench/kernels.ts", read("bench/kernels.ts"), ts.ScriptTarget.Latest, true);
  const keys: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && node.name.getText() === "CASES" && node.initializer
      && ts.isObjectLiteralExpression(node.initializer)) {
      for (const property of node.initializer.properties) {
        if (property.name && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))) keys.push(property.name.text);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return keys;
}

describe("the kernel table", () => {
  it("every entry's source is kernels/<file> or solvers/<file>", () => {
    const bad = ENTRIES.filter((e) => !/^(kernels|solvers)\/[a-z0-9-]+$/.test(e.source)).map((e) => `${e.name}: "${e.source}"`);
    expect(bad, `malformed sources:\n${bad.join("\n")}`).toEqual([]);
  });

  it.each(Object.entries(TRIPLET))("every entry has its %s", (_, path) => {
    const missing = ENTRIES.filter((e) => !existsSync(ROOT + path(e.source))).map((e) => `${e.name}: ${path(e.source)}`);
    expect(missing, `missing files:\n${missing.join("\n")}`).toEqual([]);
  });

  it("the core exports every WASM implementation calls are exported functions of the entry's AssemblyScript source", () => {
    const missing = ENTRIES.flatMap((e) => {
      const calls = coreCalls(e.wasm);
      const path = TRIPLET["AssemblyScript source"](e.source);
      if (calls.length === 0) return [`${e.name}: its wasm implementation calls no core.<export>(...)`];
      if (!existsSync(ROOT + path)) return [`${e.name}: no ${path}`];
      const source = read(path);
      return calls
        .filter((call) => !new RegExp(`^export function ${call}\\b`, "m").test(source))
        .map((call) => `${e.name}: core.${call} is no "export function ${call}" of ${path}`);
    });
    expect(missing, missing.join("\n")).toEqual([]);
  });

  it("bench/kernels.ts has a case for every entry", () => {
    const cases = new Set(benchCases());
    const missing = ENTRIES.filter((e) => !cases.has(e.name)).map((e) => e.name);
    expect(missing, `entries without a key in CASES of bench/kernels.ts: ${missing.join(", ")}`).toEqual([]);
  });

  // Function.length counts the parameters before the first default or rest one: the twins of the table have neither.
  it("every entry's args name each parameter of its TypeScript twin", () => {
    const bad = ENTRIES.filter((e) => e.args.length !== e.js.length)
      .map((e) => `${e.name}: ${e.args.length} args [${e.args.join(", ")}], its js takes ${e.js.length}`);
    expect(bad, bad.join("\n")).toEqual([]);
  });

  it("every block and factor named in lengths and scratch is one of the entry's args", () => {
    const unknown = ENTRIES.flatMap((e) => {
      const args: readonly string[] = e.args;
      const lengths = e.lengths ?? {};
      const scratch: Readonly<Record<string, unknown>> = e.scratch ?? {};
      const named = [
        ...Object.keys(lengths).map((block) => ["lengths key", block]),
        ...Object.values(lengths).flat().map((factor) => ["lengths factor", factor]),
        ...Object.values(scratch).filter(Array.isArray).flat().map((factor) => ["scratch factor", factor]),
      ];
      return named.filter(([, n]) => typeof n === "string" && !args.includes(n)).map(([where, n]) => `${e.name}: ${where} "${n}"`);
    });
    expect(unknown, `names that are not args:\n${unknown.join("\n")}`).toEqual([]);
  });
});
