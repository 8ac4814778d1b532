// Optimizer steps on user weights, in place (the seed's "Weight Decay vs L2 Regularization"): SGD, where weight
// decay and an L2 penalty are the same thing, and Adam, where they are not (AdamW).

import type { AdamParams, Backend, BackendName, F64Block } from "../backend.js";
import { getBackend } from "../backends/registry.js";
import { checkSameLength } from "../input.js";
import { checkLambda, checkPositive } from "../options/checks.js";
import { resolveOptions } from "../options/schema.js";

function checkWeights(w: unknown, name: string): Float64Array {
  if (!(w instanceof Float64Array)) {
    throw new TypeError(`${name} must be a Float64Array (optimizer steps update it in place), got ${Object.prototype.toString.call(w)}.`);
  }
  return w;
}

/** Copies arrays into the backend, runs `step`, and copies the named ones back (the WASM path of a step). */
function inPlace(backend: Backend, arrays: Float64Array[], step: (blocks: F64Block[]) => void): void {
  if (backend.name === "js") {
    step(arrays.map((values) => ({ length: values.length, values })));
    return;
  }
  backend.scope((scope) => {
    const blocks = arrays.map((values) => scope.fromArray(values));
    step(blocks);
    blocks.forEach((block, i) => arrays[i].set(block.values));
  });
}

/**
 * The seed's `sgd_with_weight_decay`: w <- w - lr * gradient - lr * lambda * w, in place; returns w.
 * For SGD this is exactly L2-regularized SGD, w <- w - lr (gradient + lambda w).
 */
export function sgdWithWeightDecay(
  w: Float64Array, gradient: ArrayLike<number>, lr: number, lambda: number, options: { backend?: BackendName } = {},
): Float64Array {
  checkWeights(w, "w");
  checkSameLength(w.length, "w", gradient.length, "gradient");
  const grad = Float64Array.from(gradient);
  const [rate, decay] = [checkPositive(lr, "lr"), checkLambda(lambda)];
  const backend = getBackend(options.backend);
  inPlace(backend, [w, grad], ([bw, bg]) => backend.sgdStep(bw, bg, rate, decay));
  return w;
}

/** What every optimizer offers. */
export interface Optimizer {
  /** Updates w in place from its gradient; returns w. */
  step(w: Float64Array, gradient: ArrayLike<number>): Float64Array;
  /** Forgets the state (moments, step count). */
  reset(): void;
}

export interface SGDOptions {
  /** Learning rate (default 0.01). */
  lr?: number;
  /** Weight decay lambda, the same as an L2 penalty (lambda/2)||w||^2 for SGD (default 0). */
  weightDecay?: number;
  backend?: BackendName;
}

/** Stochastic gradient descent with weight decay: w <- w - lr (gradient + weightDecay w). */
export class SGD implements Optimizer {
  readonly lr: number;
  readonly weightDecay: number;
  private readonly backend?: BackendName;

  constructor(options: SGDOptions = {}) {
    const o = resolveOptions("SGD", options);
    this.lr = o.lr;
    this.weightDecay = o.weightDecay;
    this.backend = o.backend;
  }

  step(w: Float64Array, gradient: ArrayLike<number>): Float64Array {
    return sgdWithWeightDecay(w, gradient, this.lr, this.weightDecay, { backend: this.backend });
  }

  reset(): void {}
}

export interface AdamOptions {
  /** Learning rate (default 0.001). */
  lr?: number;
  /** Decay of the first moment (default 0.9). */
  beta1?: number;
  /** Decay of the second moment (default 0.999). */
  beta2?: number;
  /** Added to the root of the second moment (default 1e-8). */
  eps?: number;
  backend?: BackendName;
}

/** Adam and AdamW: the moments, the step count and the bias correction; the subclasses choose the decay. */
abstract class AdaptiveMoments implements Optimizer {
  protected readonly params: AdamParams;
  private readonly backend?: BackendName;
  private m = new Float64Array(0);
  private v = new Float64Array(0);
  /** Steps taken since the last reset. */
  t = 0;

  protected constructor(name: "Adam" | "AdamW", options: AdamOptions & { l2?: number; weightDecay?: number }) {
    const { lr, beta1, beta2, eps, l2, weightDecay, backend } = resolveOptions(name, options);
    this.params = { lr, beta1, beta2, eps, l2, weightDecay };
    this.backend = backend;
  }

  /** The first and second moment estimates (copies). */
  get moments(): { m: Float64Array; v: Float64Array } {
    return { m: this.m.slice(), v: this.v.slice() };
  }

  step(w: Float64Array, gradient: ArrayLike<number>): Float64Array {
    checkWeights(w, "w");
    checkSameLength(w.length, "w", gradient.length, "gradient");
    if (this.t > 0) checkSameLength(this.m.length, "the weights of earlier steps", w.length, "w");
    else [this.m, this.v] = [new Float64Array(w.length), new Float64Array(w.length)];
    const backend = getBackend(this.backend);
    const t = this.t + 1;
    inPlace(backend, [w, Float64Array.from(gradient), this.m, this.v], ([bw, bg, bm, bv]) =>
      backend.adamStep(bw, bg, bm, bv, this.params, t));
    this.t = t;
    return w;
  }

  reset(): void {
    this.t = 0;
    this.m = new Float64Array(0);
    this.v = new Float64Array(0);
  }
}

/**
 * Adam with an L2 penalty mixed into the gradient (g = gradient + l2 w): the seed's "wrong approach", kept so
 * the difference from {@link AdamW} can be seen: the penalty's gradient is rescaled by the adaptive rate.
 */
export class Adam extends AdaptiveMoments {
  constructor(options: AdamOptions & { l2?: number } = {}) {
    super("Adam", options);
  }
}

/**
 * AdamW (Loshchilov & Hutter 2019): decoupled weight decay, w <- w - lr (m_hat / (sqrt(v_hat) + eps) +
 * weightDecay w): every weight shrinks by the factor (1 - lr weightDecay) whatever its gradient history.
 */
export class AdamW extends AdaptiveMoments {
  constructor(options: AdamOptions & { weightDecay?: number } = {}) {
    super("AdamW", options);
  }
}
