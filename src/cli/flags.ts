// The flags that come from the option schema: declared from it, read back as estimator options, and refused
// (naming the flag) when the estimator they would go to does not take them.

import { Command, InvalidArgumentError, Option } from "commander";
import { isDecimal } from "../options/checks.js";
import { optionEntries, optionsFor, type CliCommand, type Owner } from "../options/schema.js";
import { CliError } from "./cli-error.js";

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
 * as help, its parser for the value, and its default (the command's own where the entry names one) shown.
 */
export function addSchemaFlags(program: Command, command: CliCommand): Command {
  for (const [name, spec] of optionEntries()) {
    const cli = spec.cli;
    if (!cli?.commands.includes(command)) continue;
    const flag = flagOf(name);
    const option = new Option(cli.arg ? `${flag} <${cli.arg}>` : flag, spec.doc);
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
 * Refuses the given options that `owner` does not take, before any work, naming the flag, what chose the owner
 * (`chosenBy`, such as "--model lasso") and the schema's reason.
 */
export function checkApplicable(options: Record<string, unknown>, owner: Owner, chosenBy: string): void {
  const taken = optionsFor(owner) as string[];
  for (const [name, spec] of optionEntries()) {
    if (!Object.hasOwn(options, name) || taken.includes(name)) continue;
    const reason = spec.refusal?.[owner];
    throw new CliError(`${flagOf(name)} does not apply to ${chosenBy}: ${owner} has no ${name} option${reason ? ` (${reason})` : ""}. Drop ${flagOf(name)}.`);
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
