// The flags that come from the option schema: declared from it, read back as estimator options, and refused
// (naming the flag) when the estimator they would go to does not take them.

import { Command, InvalidArgumentError, Option } from "commander";
import { isDecimal } from "../options/checks.js";
import { optionEntries, optionsFor, OWNERS, type CliCommand, type Owner } from "../options/schema.js";
import { CliError } from "./cli-error.js";

/** A parser of a comma-separated list of column names (`--exclude id,notes`), none blank, none twice. */
export function columnList(flag: string): (text: string) => string[] {
  return argumentParser((text) => {
    const names = text.split(",").map((name) => name.trim());
    if (names.some((name) => name === "")) throw new Error(`${flag} takes column names separated by commas, such as a,b; got "${text}"`);
    const twice = names.find((name, i) => names.indexOf(name) !== i);
    if (twice !== undefined) throw new Error(`${flag} names "${twice}" twice`);
    return names;
  });
}

/** `--kebab-case` of an option name. */
export const flagOf = (name: string) => `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** A commander argument parser from a parser that throws: its message becomes commander's. */
function argumentParser<T>(parse: (text: string) => T): (text: string) => T {
  return (text) => {
    try {
      return parse(text);
    } catch (error) {
      throw new InvalidArgumentError((error as Error).message);
    }
  };
}

/**
 * Declares the flags of the schema options that `command` exposes: `--kebab-case` of the name, the entry's doc
 * (or the command's own help) as help, its parser for the value, and its default (the command's own where the
 * entry names one) shown.
 */
export function addSchemaFlags(program: Command, command: CliCommand): Command {
  for (const [name, spec] of optionEntries()) {
    const cli = spec.cli;
    if (!cli?.commands.includes(command)) continue;
    const flag = flagOf(name);
    const option = new Option(cli.arg ? `${flag} <${cli.arg}>` : flag, cli.help?.[command] ?? spec.doc);
    if (cli.arg) {
      const parse = cli.parse;
      if (parse) option.argParser(argumentParser((text) => parse(text, flag)));
      const shown = cli.defaults?.[command] ?? (typeof spec.default === "function" ? undefined : spec.default);
      if (shown !== undefined) option.default(shown);
    }
    program.addOption(option);
  }
  return program;
}

/**
 * The schema options given on the command line, as estimator options: the resolver of the estimator they go to
 * checks them; the ones not given keep the schema's defaults.
 */
export function givenOptions(command: Command, name: CliCommand): Record<string, unknown> {
  const values = command.opts();
  return Object.fromEntries(optionEntries()
    .filter(([option, spec]) => spec.cli?.commands.includes(name) && command.getOptionValueSource(option) === "cli")
    .map(([option]) => [option, values[option]]));
}

/**
 * Refuses, before any work, the given options that `owner` does not take, naming the flag, what chose the owner
 * (`chosenBy`, such as "--model lasso") and the schema's reason; and a list (`--l1-ratio 0.3,0.5`) where the owner
 * takes one value. Each item of a list the owner takes is checked by the schema, named by its position.
 */
export function checkApplicable(options: Record<string, unknown>, owner: Owner, chosenBy: string): void {
  const taken = optionsFor(owner) as string[];
  for (const [name, spec] of optionEntries()) {
    if (!Object.hasOwn(options, name)) continue;
    const flag = flagOf(name);
    if (!taken.includes(name)) {
      const reason = spec.refusal?.[owner];
      throw new CliError(`${flag} does not apply to ${chosenBy}: ${owner} has no ${name} option${reason ? ` (${reason})` : ""}. Drop ${flag}.`);
    }
    const value = options[name];
    if (!Array.isArray(value)) continue;
    if (!spec.listFor?.includes(owner)) {
      throw new CliError(`${flag} takes one value with ${chosenBy}, not the list ${value.join(",")}: give one value${spec.cli?.list ? `, or give the list to ${spec.cli.list}` : ""}.`);
    }
    value.forEach((item, i) => spec.check(item, `${flag} item ${i + 1}`, { owner, solver: OWNERS[owner].solvers[0] }));
  }
}

/** A parser for an integer flag of at least `min`, written in decimal. */
export function integerFlag(flag: string, min: number): (text: string) => number {
  return argumentParser((text) => {
    const value = Number(text);
    if (!isDecimal(text) || !Number.isInteger(value) || value < min) throw new TypeError(`${flag} must be an integer >= ${min}, got "${text}".`);
    return value;
  });
}

/** Collects a flag given several times (`--target a --target b`) into a list. */
export const repeatable = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];
