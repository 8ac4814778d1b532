// `regularized path`: the lasso or elastic-net path (lambda, coefficients, intercept) as CSV.

import { enetPath, lassoPath } from "../paths/path.js";
import { CliError } from "./cli-error.js";
import { csvCell } from "./csv.js";
import { checkApplicable } from "./flags.js";
import { checkReserved, checkTargets, INTERCEPT, isConstant, loadData } from "./load-data.js";
import { checkOutput, writeOutput } from "./output-file.js";
import { checkFinite } from "./overflow.js";
import { progress } from "./progress.js";

/** The flags of `path` that are not estimator options. */
export interface PathFlags {
  target?: string[];
  output?: string;
}

/** Without --l1-ratio, the lasso path. */
export function path(file: string | undefined, flags: PathFlags, options: Record<string, unknown>): void {
  const targets = flags.target ?? [];
  checkTargets(file, targets);
  if (targets.length > 1) throw new CliError(`path follows one target, but ${targets.length} are given: trace one --target at a time.`);
  checkApplicable(options, options.l1Ratio === undefined ? "lassoPath" : "enetPath", "path");
  if (options.l1Ratio === 0) {
    throw new CliError("--l1-ratio 0 is ridge, whose path has no start (no lambda zeroes every weight): give --l1-ratio > 0, " +
      "or fit ridge at a chosen lambda with `regularized fit --model ridge --lambda <x>`.");
  }
  if (flags.output !== undefined) checkOutput(flags.output, [file], "without --output the path goes to standard output");
  const { X, y, featureNames, targets: [target], source } = loadData(file, targets);
  checkReserved(featureNames, ["lambda", INTERCEPT], source);
  const values = y as number[];
  if (isConstant(values)) {
    throw new CliError(`"${target}" is constant (${values[0]} in every row): every lambda gives zero weights, so there is no path to trace. ` +
      `\`regularized fit\` gives the model: the intercept ${values[0]}.`);
  }
  const bar = progress("path");
  const result = options.l1Ratio === undefined ? lassoPath(X, values, { ...options, onProgress: bar }) : enetPath(X, values, { ...options, onProgress: bar });
  bar.stop();
  checkFinite("the path", result.lambdas, result.intercepts, ...result.coefs);
  const lines = [["lambda", ...featureNames, INTERCEPT].map(csvCell).join(",")];
  result.lambdas.forEach((lambda, i) => lines.push([lambda, ...Array.from(result.coefs[i]), result.intercepts[i]].join(",")));
  const text = lines.join("\n") + "\n";
  if (flags.output !== undefined) writeOutput(flags.output, text);
  else process.stdout.write(text);
}
