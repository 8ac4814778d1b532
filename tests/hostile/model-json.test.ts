// Hostile and careless model JSON: every fitted field is checked for its type, its range and its agreement with
// the coefficient arrays, for every model kind of the registry; prototype keys are refused, never merged.
import { beforeAll, describe, expect, it } from "vitest";
import { init, Lasso, LinearModel, modelFromJSON, Ridge, type ModelJSON } from "../../src/index.js";
import { createModel, REGRESSOR_NAMES, type RegressorName } from "../../src/models/registry.js";

beforeAll(() => init());

const X = [[1, 2], [2, 1], [3, 5], [4, 2], [5, 7], [6, 1]];
const y = [1, 2, 4, 3, 6, 5];
const Y = y.map((v, i) => [v, 2 * v - i]);

/** A fitted model of each kind, with the data it takes. */
function fitted(name: RegressorName): LinearModel {
  const options = name === "GroupLasso" ? { groups: [[0], [1]], onWarning: () => {} } : { onWarning: () => {} };
  const model = createModel(name, options);
  const multiTask = name === "MultiTaskLasso" || name === "MultiTaskElasticNet";
  return model.fit(X, (multiTask ? Y : y) as number[]);
}

/** The model's JSON with `edit` applied to a deep copy. */
function edited(name: RegressorName, edit: (json: ModelJSON & { fitted: Record<string, unknown> }) => void): ModelJSON {
  const json = JSON.parse(JSON.stringify(fitted(name).toJSON()));
  edit(json);
  return json;
}

const MULTI_OUTPUT = new Set<RegressorName>(["Ridge", "MultiTaskLasso", "MultiTaskElasticNet"]);

describe.each(REGRESSOR_NAMES)("%s.fromJSON", (name) => {
  it("restores a model that predicts what the saved one did", () => {
    const original = fitted(name);
    const restored = modelFromJSON(JSON.stringify(original));
    expect(restored.modelName).toBe(name);
    expect(Array.from(restored.predict(X))).toEqual(Array.from(original.predict(X)));
  });

  it.each<[string, (f: Record<string, unknown>) => void, ErrorConstructor, RegExp]>([
    ["nOutputs 0", (f) => (f.nOutputs = 0), RangeError, /^fromJSON: fitted\.nOutputs must be an integer from 1 to 536870912, got 0\.$/],
    ["nOutputs \"1\"", (f) => (f.nOutputs = "1"), TypeError, /^fromJSON: fitted\.nOutputs must be a number, got string "1"\.$/],
    ["nFeatures \"2\"", (f) => (f.nFeatures = "2"), TypeError, /^fromJSON: fitted\.nFeatures must be a number, got string "2"\.$/],
    ["nFeatures 0.5", (f) => (f.nFeatures = 0.5), RangeError, /^fromJSON: fitted\.nFeatures must be an integer from 1 to 536870912, got 0\.5\.$/],
    ["nFeatures 1e308", (f) => (f.nFeatures = 1e308), RangeError, /fitted\.nFeatures must be an integer from 1 to 536870912, got 1e\+308/],
    ["nFeatures 3 (the coefficients are for 2)", (f) => (f.nFeatures = 3), RangeError, /^fitted\.coef has length \d+ but nFeatures \* nOutputs = 3 \* \d+ has length \d+: they must match\.$/],
    ["converged \"no\"", (f) => (f.converged = "no"), TypeError, /^fromJSON: fitted\.converged must be true or false, got string "no"\.$/],
    ["nIter \"many\"", (f) => (f.nIter = "many"), TypeError, /^fromJSON: fitted\.nIter must be a number, got string "many"\.$/],
    ["nIter -1", (f) => (f.nIter = -1), RangeError, /fitted\.nIter must be an integer from 0 to 2147483647, got -1/],
    ["dualGap \"x\"", (f) => (f.dualGap = "x"), TypeError, /^fromJSON: fitted\.dualGap must be a finite number or null \(no gap\), got string "x"\.$/],
    ["a coefficient null (NaN written as JSON)", (f) => ((f.coef as unknown[])[0] = null), TypeError, /^fitted\.coef\[0\] is null: every entry must be a finite number\.$/],
    ["a coefficient \"1\"", (f) => ((f.coef as unknown[])[1] = "1"), TypeError, /^fitted\.coef\[1\] is string "1"/],
    ["coef dropped a value", (f) => (f.coef as unknown[]).pop(), RangeError, /^fitted\.coef has length \d+ but nFeatures \* nOutputs/],
    ["intercepts one too many", (f) => (f.intercepts as unknown[]).push(0), RangeError, /^fitted\.intercepts has length \d+ but nOutputs has length \d+: they must match\.$/],
    ["history longer than nIter", (f) => ((f.history = [1, 2, 3]), (f.nIter = 2)), RangeError, /^fromJSON: fitted\.history has 3 values but fitted\.nIter is 2: a fit records at most one per iteration\.$/],
    ["history of strings", (f) => ((f.history = ["a"]), (f.nIter = 1)), TypeError, /^fitted\.history\[0\] is string "a"/],
    ["a field missing", (f) => delete f.dualGap, TypeError, /^fromJSON: fitted\.dualGap is missing: pass the output of toJSON\(\)\.$/],
    ["an unknown field", (f) => (f.scale = 2), TypeError, /^fromJSON: fitted has an unknown field "scale" \(its fields are coef, intercepts, nFeatures, nOutputs, history, nIter, converged, dualGap\)/],
    ["a constructor field", (f) => Object.defineProperty(f, "constructor", { value: 1, enumerable: true }), TypeError, /fitted has an unknown field "constructor"/],
  ])("refuses %s", (_, edit, type, message) => {
    const json = edited(name, (j) => edit(j.fitted));
    expect(() => modelFromJSON(json)).toThrow(type);
    expect(() => modelFromJSON(json)).toThrow(message);
  });

  it("refuses several outputs for a model of one output, and reads them for a model of several", () => {
    const json = edited(name, (j) => {
      const d = j.fitted.nFeatures as number;
      Object.assign(j.fitted, { nOutputs: 2, coef: Array.from({ length: 2 * d }, (_, k) => k), intercepts: [1, 2] });
    });
    if (MULTI_OUTPUT.has(name)) {
      // coef is d x 2 row-major: the prediction of row x for output o is x . coef[:, o] + intercepts[o].
      const expected = X.flatMap(([a, b]) => [a * 0 + b * 2 + 1, a * 1 + b * 3 + 2]);
      expect(Array.from(modelFromJSON(json).predict(X))).toEqual(expected);
    } else {
      expect(() => modelFromJSON(json)).toThrow(new RangeError(`fromJSON: fitted.nOutputs is 2, but a ${name} fits one output: this JSON is not a ${name}'s.`));
    }
  });

  it.each<[string, (json: string) => string, RegExp]>([
    ["__proto__ in fitted", (text) => text.replace('"fitted":{', '"fitted":{"__proto__":{"coef":[9,9]},'), /fitted has an unknown field "__proto__"/],
    ["__proto__ in options", (text) => text.replace('"options":{', '"options":{"__proto__":{"lambda":5},'), /^Unknown option "__proto__"/],
    ["constructor in options", (text) => text.replace('"options":{', '"options":{"constructor":{"name":"x"},'), /^Unknown option "constructor"/],
  ])("refuses %s without touching any prototype", (_, edit, message) => {
    const text = edit(JSON.stringify(fitted(name)));
    expect(() => modelFromJSON(text)).toThrow(TypeError);
    expect(() => modelFromJSON(text)).toThrow(message);
    expect(({} as Record<string, unknown>).coef).toBeUndefined();
    expect(({} as Record<string, unknown>).lambda).toBeUndefined();
  });

  it.each<[string, unknown]>([["an array", []], ["a number", 5], ["a string", "x"], ["missing", undefined]])("refuses fitted as %s", (_, value) => {
    const json = edited(name, (j) => ((j as { fitted: unknown }).fitted = value));
    expect(() => modelFromJSON(json)).toThrow(/^fromJSON: fitted must be null or an object, got .*: pass the output of toJSON\(\)\.$/);
  });
});

describe("fromJSON called on the wrong class, or on no class", () => {
  const ridge = () => new Ridge({ lambda: 0.1 }).fit(X, y).toJSON();

  it.each<[string, () => unknown, RegExp]>([
    ["Lasso.fromJSON of a Ridge", () => Lasso.fromJSON(ridge()), /^This JSON holds a Ridge, not a Lasso: use Ridge\.fromJSON \(or modelFromJSON\)\.$/],
    ["LinearModel.fromJSON", () => (LinearModel as unknown as typeof Ridge).fromJSON(ridge()), /^fromJSON restores the class it is called on \(Ridge\.fromJSON\(json\)\); to restore a model of any class, call modelFromJSON\(json\)\.$/],
    ["a detached Ridge.fromJSON", () => { const fromJSON = Ridge.fromJSON as (json: ModelJSON) => unknown; return fromJSON(ridge()); }, /call modelFromJSON\(json\)/],
    ["text that is not JSON", () => Ridge.fromJSON("{oops"), /^fromJSON: the text is not JSON \(.*\): pass JSON\.stringify\(model\) or model\.toJSON\(\)\.$/],
    ["a model named __proto__", () => modelFromJSON({ ...ridge(), model: "__proto__" }), /^modelFromJSON: unknown model "__proto__"; the models are Ridge, Lasso/],
    ["a model named constructor", () => modelFromJSON({ ...ridge(), model: "constructor" }), /^modelFromJSON: unknown model "constructor"/],
    ["options that are an array", () => Ridge.fromJSON({ ...ridge(), options: [] as never }), /^fromJSON: the JSON has no options object/],
  ])("%s", (_, call, message) => {
    expect(call).toThrow(TypeError);
    expect(call).toThrow(message);
  });

  it("GroupLasso's restored state must have the features its groups cover", () => {
    const json = edited("GroupLasso", (j) => ((j.options as { groups: number[][] }).groups = [[0], [1], [2]]));
    expect(() => modelFromJSON(json)).toThrow(new RangeError("groups[2] names feature 2, but X has features 0 to 1."));
  });
});
