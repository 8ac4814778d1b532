# Times glmnet's L1 logistic regression (family = "binomial", alpha = 1) on data written by bench/logistic.ts: one
# lambda, or our path's lambdas, with standardize = FALSE so the objective is ours, mean log-loss + lambda |w|_1,
# every lambda fitted (fdev = 0, devmax = 1), at the loosest thresh whose objective is within 1e-6 (relative) of
# the targets, ours.
#
# usage: Rscript glmnet_logistic.R X.f64 y.f64 ROWS COLS TASK LAMBDAS TARGETS REPEATS THRESH
# TASK is "fit" or "path"; LAMBDAS and TARGETS are comma-separated (decreasing lambdas, our objective at each);
# THRESH is a number, or "auto": 1e-7 (glmnet's default), 1e-8, ... 1e-14 in turn until the objective is within
# 1e-6 of the targets at every lambda.
# Prints one JSON object: the chosen thresh, the milliseconds (the median of 5 rounds, each the mean of REPEATS
# calls: R's clock counts milliseconds), the objective at each lambda and the tries.
suppressMessages(library(glmnet))
args <- commandArgs(trailingOnly = TRUE)
rows <- as.integer(args[3]); cols <- as.integer(args[4]); task <- args[5]
lambdas <- as.numeric(strsplit(args[6], ",")[[1]]); targets <- as.numeric(strsplit(args[7], ",")[[1]])
repeats <- as.integer(args[8]); thresh_arg <- args[9]
X <- matrix(readBin(args[1], "double", n = rows * cols, endian = "little"), nrow = rows, ncol = cols, byrow = TRUE)
y <- readBin(args[2], "double", n = rows, endian = "little")
# fdev = 0 and devmax = 1: glmnet would otherwise end a path early once the deviance stops changing or nearly
# vanishes; every lambda is fitted, as ours.
glmnet.control(fdev = 0, devmax = 1)

fit <- function(thresh) glmnet(X, y, family = "binomial", alpha = 1, lambda = lambdas, standardize = FALSE, thresh = thresh)

measure <- function(thresh) {
  f <- fit(thresh)
  if (length(f$lambda) != length(lambdas)) stop(sprintf("glmnet fitted %d of %d lambdas", length(f$lambda), length(lambdas)))
  beta <- as.matrix(f$beta)
  eta <- X %*% beta + matrix(f$a0, nrow = rows, ncol = length(lambdas), byrow = TRUE)
  loss <- colMeans(pmax(eta, 0) + log1p(exp(-abs(eta))) - y * eta)
  objectives <- loss + lambdas * colSums(abs(beta))
  list(thresh = thresh, gap = max((objectives - targets) / abs(targets)), objectives = objectives,
       npasses = f$npasses, nonzeros = colSums(beta != 0))
}

if (thresh_arg == "auto") {
  tries <- list()
  for (thresh in 10^-(7:14)) {
    tries[[length(tries) + 1]] <- measure(thresh)
    if (tries[[length(tries)]]$gap <= 1e-6) break
  }
  passing <- Filter(function(t) t$gap <= 1e-6, tries)
  chosen <- if (length(passing) > 0) passing[[1]] else tries[[which.min(sapply(tries, function(t) t$gap))]]
} else {
  chosen <- measure(as.numeric(thresh_arg))
  tries <- list(chosen)
}

task_fn <- function() fit(chosen$thresh)
invisible(task_fn())
rounds <- sapply(1:5, function(r) system.time(for (i in seq_len(repeats)) task_fn())[["elapsed"]] * 1e3 / repeats)
numbers <- function(v) paste(sprintf("%.17g", v), collapse = ", ")
try_json <- sapply(tries, function(t) sprintf('{ "thresh": %.1e, "gap": %.6e }', t$thresh, t$gap))
cat(sprintf('{ "glmnet": "%s", "thresh": %.1e, "medianMs": %.4f, "gap": %.6e, "npasses": %d, "objectives": [%s], "nonzeros": [%s], "tries": [%s] }\n',
            as.character(packageVersion("glmnet")), chosen$thresh, median(rounds), chosen$gap, as.integer(chosen$npasses),
            numbers(chosen$objectives), paste(chosen$nonzeros, collapse = ", "), paste(try_json, collapse = ", ")))
