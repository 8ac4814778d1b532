// --class-weight: "balanced", or label=weight pairs, read into the classWeight option (the schema checks the weights).

import { InvalidArgumentError } from "commander";
import type { Label } from "../models/logistic-regression.js";
import { isDecimal } from "../options/checks.js";
import { CliError } from "./cli-error.js";

const EXAMPLE = 'give "balanced" or label=weight pairs such as B=1,M=2';

/** Reads --class-weight: "balanced", or comma-separated label=weight pairs (a label's last "=" starts its weight). */
export function parseClassWeight(text: string): "balanced" | Record<string, number> {
  if (text === "balanced") return text;
  // No prototype: a label such as "constructor" is a key like any other.
  const weights = Object.create(null) as Record<string, number>;
  for (const pair of text.split(",")) {
    const at = pair.lastIndexOf("=");
    const [label, weight] = [pair.slice(0, at), pair.slice(at + 1)];
    if (at <= 0 || !isDecimal(weight)) throw new InvalidArgumentError(`--class-weight: "${pair}" is not label=weight: ${EXAMPLE}.`);
    if (Object.hasOwn(weights, label)) throw new InvalidArgumentError(`--class-weight names the class "${label}" twice: give each class one weight.`);
    const value = Number(weight);
    if (!(value >= 0 && Number.isFinite(value))) throw new InvalidArgumentError(`--class-weight: the weight of "${label}" is ${weight}: give a finite number >= 0.`);
    weights[label] = value;
  }
  return weights;
}

/** The estimator options with --class-weight added when it was given. */
export function withClassWeight(given: Record<string, unknown>, classWeight: unknown): Record<string, unknown> {
  return classWeight === undefined ? given : { ...given, classWeight };
}

/** Refuses label=weight pairs that name no class of the target (labels compared as written: 1, true, B). */
export function checkClassWeight(options: Record<string, unknown>, y: readonly Label[], target: string): void {
  const weights = options.classWeight;
  if (typeof weights !== "object" || weights === null) return;
  const classes = [...new Set(y.map(String))];
  const unknown = Object.keys(weights).find((label) => !classes.includes(label));
  if (unknown !== undefined) {
    throw new CliError(`--class-weight names "${unknown}", which is not a class of "${target}" (its classes are ${classes.join(", ")}): name the classes as listed.`);
  }
}
