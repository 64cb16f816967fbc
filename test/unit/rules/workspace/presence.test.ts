import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import nonRoot from '../../../../rules/dockerfile/require-non-root-user';
import gracefulShutdown from '../../../../rules/js/require-graceful-shutdown';
import tlsVerify from '../../../../rules/js/no-tls-verify-disabled';
import claims from '../../../../rules/workspace/no-contradicted-claims';
import rateLimiting from '../../../../rules/workspace/require-rate-limiting';
import retries from '../../../../rules/workspace/require-retries';
import { entryOf, scanFiles } from './scan-files';

// A realistic express service whose readiness document ticks what the code does not do:
// absence judged project-wide (no limiter, no retries) must contradict claims just as
// line findings (no SIGTERM handler, TLS verification off) do.
const PACKAGE = `${JSON.stringify(
  { name: 'orders-api', version: '1.4.0', private: true, scripts: { start: 'node src/server.js', test: 'node --test' }, dependencies: { axios: '^1.7.2', express: '^4.19.2', 'express-rate-limit': '^7.2.0' } },
  null,
  2,
)}\n`;

const SERVER = `const express = require('express');
const { getPrice } = require('./pricing');

const app = express();
app.use(express.json({ limit: '100kb' }));

app.get('/orders/:id/price', async (req, res, next) => {
  try {
    res.json({ price: await getPrice(req.params.id) });
  } catch (err) {
    next(err);
  }
});

app.listen(Number(process.env.PORT ?? 8080));
`;

const PRICING = `const https = require('node:https');
const axios = require('axios');

const client = axios.create({
  baseURL: process.env.PRICING_URL,
  timeout: 2000,
  httpsAgent: new https.Agent({ rejectUnauthorized: false }),
});

async function getPrice(id) {
  const { data } = await client.get(\`/prices/\${id}\`);
  return data.amount;
}

module.exports = { getPrice };
`;

const DOCKERFILE = `FROM node:20.11-slim
WORKDIR /app
COPY package*.json ./
RUN npm ci --omit=dev
COPY src ./src
USER node
CMD ["node", "src/server.js"]
`;

const READINESS = `# Production readiness: orders-api

- [x] Containers run as non-root
- [x] Rate limiting
- [x] TLS
- [x] Graceful shutdown
- [x] Retries with backoff
- [ ] Load tests
`;

describe('absence judged project-wide feeds readiness claims', () => {
  it('a service with none of the ticked items gets exactly those claims contradicted, and the true one none', async () => {
    const result = await scanFiles(
      { 'package.json': PACKAGE, 'src/server.js': SERVER, 'src/pricing.js': PRICING, Dockerfile: DOCKERFILE, 'docs/PRODUCTION_READINESS.md': READINESS },
      [nonRoot, gracefulShutdown, tlsVerify, rateLimiting, retries, claims],
    );
    const contradicted = result.findings.filter((f) => f.rule === claims.id);
    assert.deepEqual(
      contradicted.map((f) => `${f.range.start.line + 1}: ${/claims "([^"]+)"/.exec(f.message)?.[1]}`),
      ['4: Rate limiting', '5: TLS', '6: Graceful shutdown', '7: Retries with backoff'],
    );
    const message = (claim: string) => contradicted.find((f) => f.message.includes(`"${claim}"`))?.message ?? '';
    assert.match(message('Rate limiting'), /express service \(package\.json:\d+\) and no rate limiter found/);
    assert.match(message('Retries with backoff'), /Outbound calls through axios \(package\.json:\d+\) and no retry with backoff found/);
    assert.equal(entryOf(result, 'container.non-root').status, 'met');
    assert.equal(entryOf(result, 'security.rate-limiting').status, 'gap');
    assert.equal(entryOf(result, 'reliability.retries').status, 'gap');
    const readiness = entryOf(result, 'operations.readiness-claims');
    assert.ok(readiness.evidence.some((e) => e.note === 'claim "Containers run as non-root" agrees with the evidence'));
  });
});
