import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { itemOfClaim } from '../../../rules/workspace/support/claim-aliases';
import { SourceText } from '../../../server/src/engine/source';
import { extractClaims } from '../../../server/src/targets/markdown/claims';

const doc = `# Orders — production readiness

- [x] Rate limiting on the public API
- [ ] Runbook
- [X] **TLS** everywhere
* ✅ Graceful shutdown
- Retries with backoff

| Item | Status |
|---|---|
| Circuit breakers | ✅ |
| Load tests | Planned |
| Structured logging | Working |

Metrics: Working
`;

describe('extractClaims', () => {
  it('reads ticked items, ✅ marks, done table rows and "X: Working" lines with their lines', () => {
    const source = new SourceText('docs/READINESS.md', doc);
    const claims = extractClaims(source).map((c) => `${source.positionAt(c.span.start).line + 1}: ${c.text}`);
    assert.deepEqual(claims, [
      '3: Rate limiting on the public API',
      '5: TLS everywhere',
      '6: Graceful shutdown',
      '11: Circuit breakers',
      '13: Structured logging',
      '15: Metrics',
    ]);
  });

  it('only under a matching heading when asked', () => {
    const readme = '# Orders\n\n## Roadmap\n\n- [x] Rate limiting\n\n## Production readiness\n\n- [x] TLS\n';
    const claims = extractClaims(new SourceText('README.md', readme), { onlyUnderHeading: /readiness/i });
    assert.deepEqual(claims.map((c) => c.text), ['TLS']);
  });
});

describe('itemOfClaim', () => {
  const cases: Array<[string, string | undefined]> = [
    ['Rate limiting on the public API', 'security.rate-limiting'],
    ['TLS everywhere', 'security.tls'],
    ['HTTPS only', 'security.tls'],
    ['Graceful shutdown', 'reliability.graceful-shutdown'],
    ['Retries with exponential backoff', 'reliability.retries'],
    ['Containers run as non-root', 'container.non-root'],
    ['Resource requests and limits', 'deploy.resources'],
    ['Liveness and readiness probes', 'deploy.probes'],
    ['Alerts page the on-call', 'observability.alerting'],
    ['Nightly backups of Postgres', 'data.backup'],
    ['Coffee machine refilled', undefined],
  ];
  for (const [text, item] of cases) it(`${text} → ${item}`, () => assert.equal(itemOfClaim(text), item));
});
