import { toVector } from "../input.js";
import type { SolverParams } from "../solvers/solver.js";
import { LinearModel, type ModelJSON } from "./base.js";
import type { LinearModelOptions } from "./options.js";

export interface GroupLassoOptions extends Omit<LinearModelOptions, "positive" | "selection" | "precompute" | "learningRate"> {
  /** The groups: lists of feature indices, together covering every feature exactly once. */
  groups: ArrayLike<ArrayLike<number>>;
  /** One weight per group (default sqrt(group size), so large groups are not favoured). */
  groupWeights?: ArrayLike<number>;
  /** `"fista"`: proximal gradient with block soft-thresholding. */
  solver?: "fista";
}

/**
 * Group lasso (the seed's second exercise): minimizes (1/2n)||X w + b - y||^2 + lambda sum_g weight_g ||w_g||_2
 * with weight_g = sqrt(|g|) unless `groupWeights` says otherwise. The proximal step scales each group by
 * max(1 - t lambda weight_g / ||v_g||, 0), so whole groups become exactly 0. With one feature per group (weights
 * 1) it is the lasso.
 */
export class GroupLasso extends LinearModel {
  private readonly groupLists: number[][];
  private readonly weightList?: Float64Array;

  constructor(options: GroupLassoOptions) {
    super("GroupLasso", (options ?? {}) as unknown as Record<string, unknown>, ["fista"], ["groups", "groupWeights"]);
    if (this.options.positive) throw new RangeError("GroupLasso has no positive option: its penalty acts on whole groups.");
    const given = options?.groups;
    if (!given || given.length === 0) {
      throw new TypeError("GroupLasso needs groups: lists of feature indices such as [[0, 1], [2], [3, 4, 5]].");
    }
    this.groupLists = Array.from(given, (group, g) => Array.from(toVector(group, `groups[${g}]`)));
    if (options.groupWeights !== undefined) {
      this.weightList = toVector(options.groupWeights, "groupWeights");
      if (this.weightList.length !== this.groupLists.length) {
        throw new RangeError(`groupWeights has ${this.weightList.length} values but there are ${this.groupLists.length} groups.`);
      }
      this.weightList.forEach((v, g) => {
        if (!(v > 0)) throw new RangeError(`groupWeights[${g}] is ${v}: weights must be > 0.`);
      });
    }
  }

  protected get rho(): number {
    return 1;
  }

  /** The group of each of d features; throws if the groups overlap, leave a feature out or name one twice. */
  private groupIds(d: number): Int32Array {
    const ids = new Int32Array(d).fill(-1);
    this.groupLists.forEach((group, g) => {
      if (group.length === 0) throw new RangeError(`groups[${g}] is empty: every group needs at least one feature.`);
      for (const j of group) {
        if (!Number.isInteger(j) || j < 0 || j >= d) {
          throw new RangeError(`groups[${g}] names feature ${j}, but X has features 0 to ${d - 1}.`);
        }
        if (ids[j] !== -1) throw new RangeError(`Feature ${j} is in groups[${ids[j]}] and groups[${g}]: groups must not overlap.`);
        ids[j] = g;
      }
    });
    const missing = ids.indexOf(-1);
    if (missing >= 0) throw new RangeError(`Feature ${missing} is in no group: the groups must cover every feature of X.`);
    return ids;
  }

  /** The groups for d features, with their weights (default sqrt(group size)). */
  protected override extraParams(d: number): Partial<SolverParams> {
    const weights = this.weightList ?? Float64Array.from(this.groupLists, (group) => Math.sqrt(group.length));
    return { groups: { ids: this.groupIds(d), count: this.groupLists.length, weights } };
  }

  /** JSON with the groups and their weights among the options, so fromJSON rebuilds the same model. */
  override toJSON(): ModelJSON {
    const json = super.toJSON();
    const options = json.options as ModelJSON["options"] & { groups?: number[][]; groupWeights?: number[] };
    options.groups = this.groups;
    if (this.weightList) options.groupWeights = Array.from(this.weightList);
    return json;
  }

  /** The groups, as given. */
  get groups(): number[][] {
    return this.groupLists.map((group) => group.slice());
  }
}
