# Times glmnet's ridge (alpha = 0) at one lambda on data written by bench/fits.ts, standardize = FALSE so the
# objective is ours, (1/2n) RSS + (lambda / 2) |w|^2, with glmnet's default thresh (1e-7).
#
# usage: Rscript glmnet_ridge.R X.f64 y.f64 ROWS COLS LAMBDA REPEATS
# Prints one JSON object: the median of 5 rounds, each the mean of REPEATS calls, in milliseconds.
suppressMessages(library(glmnet))
args <- commandArgs(trailingOnly = TRUE)
rows <- as.integer(args[3]); cols <- as.integer(args[4]); lambda <- as.numeric(args[5]); repeats <- as.integer(args[6])
X <- matrix(readBin(args[1], "double", n = rows * cols, endian = "little"), nrow = rows, ncol = cols, byrow = TRUE)
y <- readBin(args[2], "double", n = rows, endian = "little")
fit <- function() glmnet(X, y, alpha = 0, lambda = lambda, standardize = FALSE)
invisible(fit())
rounds <- sapply(1:5, function(r) system.time(for (i in seq_len(repeats)) fit())[["elapsed"]] * 1e3 / repeats)
cat(sprintf('{ "glmnet": "%s", "medianMs": %.4f }\n', as.character(packageVersion("glmnet")), median(rounds)))
