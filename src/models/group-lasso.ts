import type { SolverParams } from "../solvers/solver.js";
import { LinearModel, type FittedState } from "./base.js";
import type { LinearModelOptions, ResolvedOptions } from "./options.js";

export interface GroupLassoOptions extends Omit<LinearModelOptions, "positive" | "selection" | "precompute" | "seed" | "learningRate"> {
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
  static override readonly modelName = "GroupLasso";

  constructor(options: GroupLassoOptions) {
    super(options);
  }

  protected override checkOptions({ groups, groupWeights }: ResolvedOptions): void {
    if (groups && groupWeights && groupWeights.length !== groups.length) {
      throw new RangeError(`groupWeights has ${groupWeights.length} values but there are ${groups.length} groups.`);
    }
  }

  /** The groups (the schema requires them). */
  private get groupLists(): number[][] {
    return this.options.groups as number[][];
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
    const given = this.options.groupWeights;
    const weights = given ? Float64Array.from(given) : Float64Array.from(this.groupLists, (group) => Math.sqrt(group.length));
    return { groups: { ids: this.groupIds(d), count: this.groupLists.length, weights } };
  }

  /** A restored state must have the features the groups cover. */
  protected override checkFitted(state: FittedState): void {
    this.groupIds(state.nFeatures);
  }

  /** The groups, as given. */
  get groups(): number[][] {
    return this.groupLists.map((group) => group.slice());
  }
}
