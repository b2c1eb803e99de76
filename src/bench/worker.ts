// A bench worker: runs the pipeline over its share of pages each time the main thread says "run".
import { parentPort, workerData } from 'node:worker_threads';
import { loadPipeline } from '../runner/pipeline.js';
import { processDocument } from '../runner/process.js';

interface Data {
  pipeline: string;
  pages: Array<{ name: string; url: string | null; bytes: Uint8Array }>;
}

const { pipeline, pages } = workerData as Data;
const stages = loadPipeline(pipeline).stages;

parentPort!.on('message', (msg: string) => {
  if (msg !== 'run') return;
  let errors = 0;
  for (const p of pages) {
    try {
      processDocument({ path: p.name, format: 'html', bytes: p.bytes, url: p.url }, stages);
    } catch {
      errors++;
    }
  }
  parentPort!.postMessage({ errors });
});
parentPort!.postMessage('ready');
