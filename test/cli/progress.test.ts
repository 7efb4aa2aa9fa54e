import { describe, expect, it } from 'vitest';
import { createProgress, formatProgress } from '../../src/cli/progress.ts';

function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  return { isTTY, writes, write: (text: string) => writes.push(text) };
}

describe('the progress line', () => {
  it('GIVEN counts THEN the line reads like "[12/40] feeds  3 new  1 failing"', () => {
    expect(formatProgress(12, 40, 'feeds', { new: 3, failing: 1 })).toBe('[12/40] feeds  3 new  1 failing');
    expect(formatProgress(2, 40, 'feeds', { new: 0 })).toBe('[ 2/40] feeds');
  });

  it('GIVEN a terminal THEN the line is redrawn in place and cleared at the end', () => {
    const stream = fakeStream(true);
    let time = 0;
    const progress = createProgress(3, 'inputs', { stream, env: {}, now: () => (time += 1000) });
    progress.update(1);
    progress.update(3);
    progress.done();
    expect(stream.writes).toEqual(['\r\x1b[2K[1/3] inputs', '\r\x1b[2K[3/3] inputs', '\r\x1b[2K']);
  });

  it('GIVEN a pipe or CI THEN nothing is written', () => {
    const piped = fakeStream(false);
    createProgress(3, 'inputs', { stream: piped, env: {} }).update(1);
    const ci = fakeStream(true);
    const progress = createProgress(3, 'inputs', { stream: ci, env: { CI: 'true' } });
    progress.update(1);
    progress.done();
    expect(piped.writes).toEqual([]);
    expect(ci.writes).toEqual([]);
  });
});
