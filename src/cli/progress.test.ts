import { describe, expect, it } from '@jest/globals';
import { Writable } from 'node:stream';
import { Progress } from './progress.js';

function terminal(isTTY: boolean): {
  stream: Writable & { isTTY: boolean };
  text: () => string;
} {
  const chunks: string[] = [];
  const stream = Object.assign(
    new Writable({
      write(chunk: Buffer, _enc, done) {
        chunks.push(chunk.toString());
        done();
      },
    }),
    { isTTY },
  );
  return { stream, text: () => chunks.join('') };
}

describe('Progress', () => {
  it('draws rows done, rate and time left on a terminal', () => {
    let now = 0;
    const out = terminal(true);
    const progress = new Progress({ total: 100, stream: out.stream, now: () => now });

    now = 10_000;
    for (let i = 0; i < 50; i += 1) {
      progress.tick();
    }

    expect(out.text()).toContain('rows 1/100');
    expect(progress.line()).toBe('rows 50/100  5.0/s  about 10s left');
  });

  it('redraws at most a few times a second however fast rows finish', () => {
    const out = terminal(true);
    let now = 1_000;
    const progress = new Progress({ total: 1000, stream: out.stream, now: () => now });

    for (let i = 0; i < 1000; i += 1) {
      progress.tick();
    }
    now += 250;
    progress.tick();

    expect(out.text().split('\r').filter(Boolean)).toHaveLength(2);
  });

  it('writes nothing when the stream is not a terminal, so cron mail stays clean', () => {
    const out = terminal(false);
    const progress = new Progress({ total: 10, stream: out.stream, now: () => 5_000 });

    progress.tick();
    progress.finish();

    expect(out.text()).toBe('');
  });
});
