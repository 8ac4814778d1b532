# Times glmnet on data written by bench/exact.ts: the lasso at one lambda, a 100-lambda path (no intercept, as
# lasso_path) and 5-fold cv.glmnet, with standardize = FALSE so the objective is ours, (1/2n) RSS + lambda |w|_1,
# every lambda fitted (fdev = 0) and glmnet's default thresh (1e-7).
#
# usage: Rscript glmnet_lasso.R X.f64 y.f64 ROWS COLS LAMBDA REPEATS
# Prints one JSON object with the milliseconds of each task: the median of 5 rounds, each the mean of `count`
# calls (R's clock counts milliseconds).
suppressMessages(library(glmnet))
args <- commandArgs(trailingOnly = TRUE)
rows <- as.integer(args[3]); cols <- as.integer(args[4]); lambda <- as.numeric(args[5]); repeats <- as.integer(args[6])
X <- matrix(readBin(args[1], "double", n = rows * cols, endian = "little"), nrow = rows, ncol = cols, byrow = TRUE)
y <- readBin(args[2], "double", n = rows, endian = "little")
glmnet.control(fdev = 0)

median_ms <- function(task, count) {
  task()
  rounds <- sapply(1:5, function(r) system.time(for (i in seq_len(count)) task())[["elapsed"]] * 1e3 / count)
  median(rounds)
}

lasso <- median_ms(function() glmnet(X, y, lambda = lambda, standardize = FALSE), repeats)
path <- median_ms(function() glmnet(X, y, nlambda = 100, lambda.min.ratio = 1e-3, standardize = FALSE, intercept = FALSE), max(1, repeats %/% 3))
fields <- c(sprintf('"glmnet": "%s"', as.character(packageVersion("glmnet"))), sprintf('"lasso": %.4f', lasso), sprintf('"path": %.4f', path))
if (rows * cols <= 1e6 && cols < 500) {
  cv <- median_ms(function() cv.glmnet(X, y, nfolds = 5, nlambda = 100, standardize = FALSE), 1)
  fields <- c(fields, sprintf('"lassoCV": %.4f', cv))
}
cat("{", paste(fields, collapse = ", "), "}\n")
