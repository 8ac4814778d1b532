// `regularized predict`: a model file's predictions for the rows of a CSV file, one column per target.

import { CliError } from "./cli-error.js";
import { csvCell, readCsv } from "./csv.js";
import { sourceName, STDIN } from "./input-source.js";
import { readModelFile } from "./model-file.js";

/** Prints the predictions as CSV: a header of the target names, then a line per data row. */
export function predict(modelPath: string, dataPath: string): void {
  if (modelPath === STDIN && dataPath === STDIN) {
    throw new CliError("the model and the data cannot both be - (standard input): give one of them as a file.");
  }
  const { model, featureNames, targets } = readModelFile(modelPath);
  const source = sourceName(dataPath);
  const table = readCsv(dataPath);
  const missing = featureNames.filter((name) => !table.columns.includes(name));
  if (missing.length > 0) {
    throw new CliError(`${source} lacks the model's features ${missing.join(", ")}: its columns are ${table.columns.join(", ")}. ` +
      "Add them (columns are matched by name, in any order; other columns are ignored).");
  }
  const indices = featureNames.map((name) => table.columns.indexOf(name));
  const predictions = model.predict(table.rows.map((row) => indices.map((c) => row[c])));
  const k = targets.length;
  const overflow = predictions.findIndex((value) => !Number.isFinite(value));
  if (overflow >= 0) {
    throw new CliError(`the prediction for data row ${Math.floor(overflow / k) + 1} of ${source} overflowed double precision (${predictions[overflow]}): ` +
      "its values are too large for this model. Rescale them as the training data was.");
  }
  const lines = [targets.map(csvCell).join(",")];
  for (let i = 0; i < predictions.length; i += k) lines.push(Array.from(predictions.subarray(i, i + k), String).join(","));
  process.stdout.write(lines.join("\n") + "\n");
}
