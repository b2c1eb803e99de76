// A worker thread: loads the pipeline once, then processes the documents the pool sends, one at a time.
import { parentPort, workerData } from 'node:worker_threads';
import { loadPipeline } from './pipeline.js';
import { encodeOutcome } from './encoded.js';
import { processDocument, type RawInput } from './process.js';
import type { TaskMessage, WorkerMessage } from './pool.js';

const port = parentPort;
if (!port) throw new Error('worker.js must run in a worker thread');

const { pipelineFile } = workerData as { pipelineFile: string };
const { stages } = loadPipeline(pipelineFile);

port.on('message', (msg: TaskMessage) => {
  const outcome = encodeOutcome(processDocument(msg.input as RawInput, stages));
  port.postMessage({ type: 'done', id: msg.id, outcome } satisfies WorkerMessage);
});
port.postMessage({ type: 'ready' } satisfies WorkerMessage);
