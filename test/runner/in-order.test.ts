import { describe, expect, it } from 'vitest';
import { InOrder } from '../../src/runner/in-order.js';

const tick = () => new Promise((r) => setTimeout(r, 1));

describe('InOrder', () => {
  it('emits items in index order whatever order they finish in', async () => {
    const seen: string[] = [];
    const o = new InOrder<string>(async (s) => {
      await tick();
      seen.push(s);
    });
    for (const i of [3, 1, 0, 4, 2]) o.put(i, `doc${i}`);
    await o.flushed();
    expect(seen).toEqual(['doc0', 'doc1', 'doc2', 'doc3', 'doc4']);
  });

  it('holds back work more than `window` items ahead of the first unfinished one', async () => {
    const o = new InOrder<number>(async () => {});
    let roomFor5 = false;
    void o.room(5, 3).then(() => (roomFor5 = true));
    o.put(1, 1);
    o.put(2, 2);
    await tick();
    expect(roomFor5).toBe(false); // 0 is still missing
    o.put(0, 0);
    await o.flushed();
    await tick();
    expect(roomFor5).toBe(true); // 0..2 emitted: 5 is within 3 of the next (3)
  });

  it('reports an emit failure from flushed() and releases anyone waiting for room', async () => {
    const o = new InOrder<number>(async (n) => {
      if (n === 1) throw new Error('disk full');
    });
    const waiting = o.room(10, 2);
    o.put(0, 0);
    o.put(1, 1);
    o.put(2, 2);
    await expect(o.flushed()).rejects.toThrow('disk full');
    await waiting;
    expect(o.error).toBeInstanceOf(Error);
  });
});
