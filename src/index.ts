// The library API: run a pipeline over folders, or process one document in-process; the schemas and codes.
export { runPipeline, OUTPUT_FILES, type RunOptions, type RunResult } from './runner/run.js';
export { processDocument, type Outcome, type RawInput } from './runner/process.js';
export { cleanDocument, type CleanOptions } from './runner/clean.js';
export { bindPipeline, loadPipeline, DEFAULT_PIPELINE, PipelineError, PipelineFile, type Pipeline } from './runner/pipeline.js';
export { PathError } from './io/walk.js';
export { STAGES } from './stages/index.js';
export * from './core/doc.js';
export { ArticleRecord, RejectedRecord, TraceRecord, Report, RemovalCounts } from './core/records.js';
export { REJECTION_CODES, FAILURE_CODES, WARNING_CODES, BUILTIN_REMOVAL_CODES } from './core/codes.js';
export type { Stage, BoundStage, StageContext } from './core/stage.js';
