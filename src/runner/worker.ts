// A worker thread: binds the pipeline the main thread read (never re-reading the file, which may have changed
// since), then processes the documents the pool sends, one at a time.
import { parentPort, workerData } from 'node:worker_threads';
import { bindPipeline } from './pipeline.js';
import { encodeOutcome } from './encoded.js';
import { processDocument, WARMUP_INPUTS, type RawInput } from './process.js';
import type { TaskMessage, WorkerMessage } from './pool.js';

const port = parentPort;
if (!port) throw new Error('worker.js must run in a worker thread');

const { pipeline, file } = workerData as { pipeline: unknown; file: string };
const { stages, crossDocument } = bindPipeline(pipeline, file);
const keysMinWords = crossDocument.recurringLines?.minWords ?? null;

// Warmed up before 'ready': the pool starts a document's clock at 'ready', so no document pays for the start.
for (const input of WARMUP_INPUTS) encodeOutcome(processDocument(input, stages));

port.on('message', (msg: TaskMessage) => {
  const outcome = encodeOutcome(processDocument(msg.input as RawInput, stages, msg.sha256), keysMinWords);
  port.postMessage({ type: 'done', id: msg.id, outcome } satisfies WorkerMessage);
});
port.postMessage({ type: 'ready' } satisfies WorkerMessage);
