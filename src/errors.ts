/** Thrown when a model is used (predict, score, coef, ...) before it has been fitted. */
export class NotFittedError extends TypeError {
  constructor(model: string, use: string) {
    super(`This ${model} is not fitted yet: call fit(X, y) before ${use}.`);
    this.name = "NotFittedError";
  }
}

/** What a diverged run knew of its setting, so that the advice fits the cause. */
export interface DivergenceContext {
  /** The penalty's L2 weight lambda (1 - rho): it alone scales w by 1 - learningRate weight per step, which
   * overshoots without bound once learningRate weight exceeds 2. */
  ridgeWeight?: number;
  /** Whether the features were already standardized (then the advice does not repeat it). */
  standardized?: boolean;
}

/** The advice of a diverged run: the penalty's own step when that overshoots, else the step size and scaling. */
function divergenceAdvice(learningRate: number, step: "iteration" | "epoch", context: DivergenceContext): string {
  const { ridgeWeight = 0, standardized = false } = context;
  if (ridgeWeight * learningRate > 2) {
    const exact = step === "iteration" ? ', or use solver "cd"' : "";
    return `lambda (1 - l1Ratio) x learningRate is ${ridgeWeight * learningRate}: the penalty's own step overshoots, ` +
      `so lower lambda or learningRate until their product is below 2 (learningRate below ${2 / ridgeWeight})${exact}.`;
  }
  const scaling = standardized ? "" : step === "epoch" ? " or scale the features first" : " or standardize the features";
  return `Use a smaller learningRate (try ${learningRate / 10})${scaling}.`;
}

/** Thrown when gradient descent's objective (or SGDRegressor's epoch loss) stops being a finite number. */
export class DivergedError extends Error {
  constructor(
    model: string, loss: number, iteration: number, learningRate: number, step: "iteration" | "epoch" = "iteration",
    context: DivergenceContext = {},
  ) {
    const method = step === "epoch" ? "Stochastic gradient descent" : "Gradient descent";
    super(
      `${method} diverged for ${model}: the objective became ${loss} at ${step} ${iteration} with ` +
        `learningRate ${learningRate}. ${divergenceAdvice(learningRate, step, context)}`,
    );
    this.name = "DivergedError";
  }
}

/** Thrown when a linear system has no unique solution to working precision. */
export class SingularMatrixError extends Error {
  constructor(
    message: string,
    /** The elimination step whose pivot vanished. */
    readonly step: number,
  ) {
    super(message);
    this.name = "SingularMatrixError";
  }
}
