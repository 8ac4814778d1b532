/** Thrown when a model is used (predict, score, coef, ...) before it has been fitted. */
export class NotFittedError extends TypeError {
  constructor(model: string, use: string) {
    super(`This ${model} is not fitted yet: call fit(X, y) before ${use}.`);
    this.name = "NotFittedError";
  }
}

/** Thrown when gradient descent's objective (or SGDRegressor's epoch loss) stops being a finite number. */
export class DivergedError extends Error {
  constructor(model: string, loss: number, iteration: number, learningRate: number, step: "iteration" | "epoch" = "iteration") {
    const method = step === "epoch" ? "Stochastic gradient descent" : "Gradient descent";
    const scaling = step === "epoch" ? "scale the features first" : "standardize the features";
    super(
      `${method} diverged for ${model}: the objective became ${loss} at ${step} ${iteration} with ` +
        `learningRate ${learningRate}. Use a smaller learningRate (try ${learningRate / 10}) or ${scaling}.`,
    );
    this.name = "DivergedError";
  }
}
