import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config.js';
import { GenesysClient } from '../genesys/client.js';
import { createLogger } from '../log/logger.js';
import { readManifest } from '../manifest/read-manifest.js';
import { runNaive } from './naive.js';
import { resourceFigures } from './resources.js';

/**
 * `node dist/bench/naive-main.js <manifest.csv> --rate N`: the naive approach as its own
 * process, configured like `offboard` (GENESYS_CLOUD_* variables), so the benchmark
 * measures its memory and CPU the same way. Prints one JSON line on stdout at the end:
 * the counts, `maxRssKb` and `cpuMs`.
 */
async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: { rate: { type: 'string', default: '300' } },
    allowPositionals: true,
  });
  const [manifest] = positionals;
  const rate = Number(values.rate);
  if (manifest === undefined || !Number.isInteger(rate) || rate < 1) {
    process.stderr.write('usage: naive-main.js <manifest.csv> --rate N\n');
    return 2;
  }

  const logger = createLogger({ level: 'warn' });
  const client = new GenesysClient({
    config: loadConfig(process.env),
    ratePerMinute: rate,
    logger,
  });
  try {
    const counts = await runNaive(emailsOf(manifest), client, logger);
    process.stdout.write(`${JSON.stringify({ ...counts, ...resourceFigures() })}\n`);
    return counts.failed > 0 ? 1 : 0;
  } finally {
    await client.close();
  }
}

async function* emailsOf(manifest: string): AsyncGenerator<string> {
  for await (const row of readManifest(manifest)) {
    if (row.emailValid) {
      yield row.email;
    }
  }
}

process.exitCode = await main();
