// The stage contract: a name, options validated by zod at start-up, and a pure function over the document.
import type { z } from 'zod';
import type { Block, Doc, Message } from './doc.js';

export interface StageContext {
  /** The stage's name, for messages and removals. */
  stage: string;
}

export interface Stage<O extends z.ZodType = z.ZodType> {
  name: string;
  options: O;
  run(doc: Doc, options: z.infer<O>, ctx: StageContext): Doc;
}

export const defineStage = <O extends z.ZodType>(stage: Stage<O>): Stage<O> => stage;

/** A stage bound to its parsed options, ready to run. */
export interface BoundStage {
  name: string;
  run(doc: Doc): Doc;
}

export const isRejected = (doc: Doc): boolean => doc.messages.some((m) => m.severity === 'fatal');

export const rejection = (doc: Doc): Message | undefined => doc.messages.find((m) => m.severity === 'fatal');

/** Marks a block removed unless an earlier rule already did; the first reason is the one kept. */
export const remove = (block: Block, stage: string, code: string, of?: number): void => {
  if (!block.removed) block.removed = of === undefined ? { stage, code } : { stage, code, of };
};

export const keptBlocks = (doc: Doc): Block[] => doc.blocks.filter((b) => !b.removed);

export const bodyText = (blocks: Block[]): string => blocks.map((b) => b.text).join('\n\n');
