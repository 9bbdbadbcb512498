import { describe, expect, it } from '@jest/globals';
import { Writable } from 'node:stream';
import { StatusLine } from './status-line.js';

/** A stream that records what is written to it, a terminal or not. */
function stream(isTTY: boolean): {
  out: Writable & { isTTY: boolean };
  text: () => string;
} {
  const chunks: string[] = [];
  const out = Object.assign(
    new Writable({
      write(chunk: Buffer, _enc, done) {
        chunks.push(chunk.toString());
        done();
      },
    }),
    { isTTY },
  );
  return { out, text: () => chunks.join('') };
}

const ERASE = '\r\u001b[K';

describe('StatusLine', () => {
  it('takes the line away for a log line and draws it again after', () => {
    const terminal = stream(true);
    const line = StatusLine.for(terminal.out);
    const log = line.wrap({
      write: (text: string) => terminal.out.write(text),
    });

    line.show('rows 1/10');
    log.write('{"msg":"retrying"}\n');

    expect(terminal.text()).toBe(
      `\rrows 1/10\u001b[K${ERASE}{"msg":"retrying"}\n\rrows 1/10\u001b[K`,
    );
  });

  it('leaves nothing to erase once cleared', () => {
    const terminal = stream(true);
    const line = StatusLine.for(terminal.out);

    line.show('rows 1/10');
    line.clear();
    line.around(() => terminal.out.write('plan    /tmp/x.plan.json\n'));

    expect(terminal.text()).toBe(`\rrows 1/10\u001b[K${ERASE}plan    /tmp/x.plan.json\n`);
  });

  it('writes nothing of its own on a stream that is not a terminal', () => {
    const file = stream(false);
    const line = StatusLine.for(file.out);
    const log = line.wrap({ write: (text: string) => file.out.write(text) });

    line.show('rows 1/10');
    log.write('{"msg":"retrying"}\n');
    line.clear();

    expect(file.text()).toBe('{"msg":"retrying"}\n');
  });

  it('is one line per stream, shared by whoever asks', () => {
    const terminal = stream(true);
    expect(StatusLine.for(terminal.out)).toBe(StatusLine.for(terminal.out));
    expect(StatusLine.for(stream(true).out)).not.toBe(StatusLine.for(terminal.out));
  });
});
