/**
 * regularized: Ridge, Lasso and Elastic Net regression with a WebAssembly SIMD core and a pure-TypeScript twin.
 * @packageDocumentation
 */
export { init, initSync, isInitialized, getBackend, simdBuild, coreThreads, coreThreadStats, threadsAvailable, type CoreThreadStats, type InitOptions } from "./backends/registry.js";
export type { Backend, BackendName, F64Block, Scope } from "./backend.js";
export { Design, prepareDesign, type DesignOptions } from "./design/design.js";
export {
  l1Penalty,
  l1Gradient,
  l2Penalty,
  l2Gradient,
  elasticNetPenalty,
  elasticNetGradient,
  softThreshold,
  softL1Gradient,
  type Weights,
} from "./penalties.js";
export type { BackendOptions } from "./options/schema.js";
export { dot, gemv, gemvT, squaredLossGradient, type SquaredLoss } from "./linalg/kernels.js";
export type { Matrix, MatrixInput, VectorInput } from "./input.js";
export { loadDiabetes, type Dataset } from "./datasets/diabetes.js";
export { loadBreastCancer, type ClassificationDataset } from "./datasets/breast-cancer.js";
export { LogisticRegression, type Label, type LogisticRegressionJSON, type LogisticRegressionOptions } from "./models/logistic-regression.js";
export { logisticPath, type LogisticPathOptions, type LogisticPathResult } from "./models/logistic-path.js";
export { LogisticRegressionCV, type LogisticRegressionCVOptions } from "./models/logistic-cv.js";
export { Ridge, type RidgeOptions, type RidgeTargets } from "./models/ridge.js";
export { Lasso, type LassoOptions } from "./models/lasso.js";
export { ElasticNet, type ElasticNetOptions } from "./models/elastic-net.js";
export { LinearModel, type ModelJSON } from "./models/base.js";
export { modelFromJSON, type Model, type ModelName, type RegressorName } from "./models/registry.js";
export type { LinearModelOptions } from "./models/options.js";
export { NotFittedError, DivergedError } from "./errors.js";
export { luDecompose, luSolve, solve, type LuDecomposition } from "./linalg/lu.js";
export { conditionNumber, singularValues } from "./linalg/condition-number.js";
export { SingularMatrixError } from "./linalg/singular-error.js";
export { GramAccumulator, type GramStatistics, type RawSums } from "./gram-accumulator.js";
export { accumulateStatistics, type AccumulateOptions, type RowChunk, type StreamedStatistics } from "./streaming/accumulate.js";
export { accumulateCsv, type CsvStatistics, type CsvStatisticsOptions } from "./streaming/csv-statistics.js";
export { accumulateCsvFiles, type CsvFilesOptions, type CsvFilesStatistics } from "./streaming/csv-files.js";
export { accumulateParquet, type ParquetStatisticsOptions } from "./streaming/parquet-statistics.js";
export { foldOfRow } from "./streaming/fold-of-row.js";
export { statisticsQueries, type StatisticsQuerySpec, type StatisticsQueryPlan, type QueryBlock } from "./sql/statistics-query.js";
export { statisticsFromRows, type ResultRow } from "./sql/statistics-rows.js";
export { quoteIdentifier, type IdentifierQuote } from "./sql/quote.js";
export { duckdbStatistics, duckdbFileSource, runInDuckDB } from "./sql/duckdb.js";
export { enetPath, lassoPath, type PathOptions, type PathResult } from "./paths/path.js";
export type { FitOptions } from "./models/base.js";
export { fromRecords, type TableRecord } from "./tables/records.js";
export { fromArrow, type ArrowTable, type ArrowColumn, type ArrowChunk, type ArrowType } from "./tables/arrow.js";
export type { TableOptions, TableData, TableLabel } from "./tables/table-options.js";
export type { ColumnEncoding, NumberColumn, CategoryColumn, NamedMatrix } from "./tables/columns.js";
export { ElasticNetCV, LassoCV, type ElasticNetCVOptions, type LassoCVOptions, type CvResult } from "./models/elastic-net-cv.js";
export { RidgeCV, type RidgeCVOptions } from "./models/ridge-cv.js";
export { sgdWithWeightDecay, SGD, Adam, AdamW, type Optimizer, type SGDOptions, type AdamOptions } from "./optim/optimizers.js";
export { CsrMatrix, type CsrParts } from "./sparse/csr.js";
export { prune, nmPrune, type PruneOptions } from "./sparse/prune.js";
export { MultiTaskElasticNet, MultiTaskLasso, type MultiTaskElasticNetOptions, type MultiTaskLassoOptions } from "./models/multi-task.js";
export { GroupLasso, type GroupLassoOptions } from "./models/group-lasso.js";
export { SGDRegressor, type SGDRegressorOptions } from "./models/sgd-regressor.js";
export { SparseLinearModel, pruningReport, type PruningReport } from "./sparse/sparse-model.js";
export { SparseLogisticModel } from "./models/sparse-logistic-model.js";
export { fitInWorker, type FitInWorkerOptions } from "./worker/fit-in-worker.js";
export type { FitRequest, WorkerModelName } from "./worker/models.js";

// The types the signatures above name, exported so that they can be written and the API reference shows them.
export type { BackendMemory, KernelMethods, KernelTable } from "./backend.js";
export type { SimdBuild } from "./backends/registry.js";
export type { FittedJSON } from "./models/fitted-json.js";
export type { FittedModel } from "./models/fitted-model.js";
export type { FoldStatistics } from "./models/fold-statistics.js";
export type { JsonOptions } from "./models/options.js";
export type { AnyModelJSON, ModelOf } from "./models/registry.js";
export type { PathInput } from "./paths/path.js";
export type { PrepareOptions, RawDesign } from "./design/least-squares-data.js";
export type { PreparedData } from "./solvers/prepared-data.js";
export type { DivergenceContext } from "./errors.js";
export type { TextChunks } from "./streaming/text-chunks.js";
