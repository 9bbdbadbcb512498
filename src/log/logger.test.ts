import { describe, expect, it } from '@jest/globals';
import { Writable } from 'node:stream';
import { createLogger } from './logger.js';

function capture(): { stream: Writable; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  const lines = () =>
    chunks
      .join('')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { stream, lines };
}

describe('createLogger', () => {
  it('censors secrets, tokens and authorization headers wherever they are logged', () => {
    const { stream, lines } = capture();
    const logger = createLogger({ level: 'info', destination: stream });

    logger.info({ clientSecret: 's3cr3t', request: { token: 'tok-1' } }, 'one');
    logger.info({ headers: { Authorization: 'Bearer tok-2' } }, 'two');
    logger.info({ body: { access_token: 'tok-3' } }, 'three');

    const text = JSON.stringify(lines());
    expect(text).not.toMatch(/s3cr3t|tok-1|tok-2|tok-3/);
    expect(lines()).toHaveLength(3);
    expect(lines()[0]).toMatchObject({ clientSecret: '[redacted]', msg: 'one' });
  });

  it('writes one JSON object per line with the level and the message', () => {
    const { stream, lines } = capture();
    const logger = createLogger({ level: 'warn', destination: stream });

    logger.info('hidden');
    logger.child({ stage: 'resolve', row: 7 }).warn('retrying');

    expect(lines()).toEqual([
      expect.objectContaining({ level: 40, stage: 'resolve', row: 7, msg: 'retrying' }),
    ]);
  });
});
