import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import rule from '../../../../rules/workspace/require-runbook';
import { entryOf, EXPRESS_PACKAGE, scanFiles } from './scan-files';

describe(rule.id, () => {
  it('a RUNBOOK.md and files under docs/runbooks are evidence', async () => {
    const result = await scanFiles({ 'package.json': EXPRESS_PACKAGE, 'RUNBOOK.md': '# Orders runbook\n', 'docs/runbooks/db-failover.md': '# Failover\n' }, [rule]);
    const entry = entryOf(result, 'operations.runbook');
    assert.equal(entry.status, 'met');
    assert.deepEqual(entry.evidence.map((e) => e.note).sort(), ['operations doc docs/runbooks/db-failover.md', 'runbook RUNBOOK.md']);
  });

  it('README sections on deployment and troubleshooting are evidence at their heading', async () => {
    const readme = '# Orders\n\nAn API.\n\n## Deployment\n\nhelm upgrade …\n\n## Troubleshooting\n\n…\n\n## License\n';
    const result = await scanFiles({ 'package.json': EXPRESS_PACKAGE, 'README.md': readme }, [rule]);
    const entry = entryOf(result, 'operations.runbook');
    assert.deepEqual(
      entry.evidence.map((e) => `${e.line}: ${e.note}`),
      ['4: "Deployment" section in README.md', '8: "Troubleshooting" section in README.md'],
    );
  });

  it('a service with only a README about usage is a gap', async () => {
    const result = await scanFiles({ 'package.json': EXPRESS_PACKAGE, 'README.md': '# Orders\n\n## Usage\n\nnpm start\n' }, [rule]);
    const entry = entryOf(result, 'operations.runbook');
    assert.equal(entry.status, 'gap');
    assert.match(entry.reason ?? '', /^No runbook or operational docs found/);
  });

  it('an Install section that deploys the service (helm, kubectl, compose) is a deployment guide', async () => {
    const readme = '# Orders\n\n## Install\n\nWith Helm:\n\n```bash\nhelm upgrade --install orders ./charts/orders --set replicaCount=3\n```\n\n## License\n';
    const result = await scanFiles({ 'package.json': EXPRESS_PACKAGE, 'README.md': readme }, [rule]);
    const entry = entryOf(result, 'operations.runbook');
    assert.equal(entry.status, 'met');
    assert.deepEqual(entry.evidence.map((e) => `${e.line}: ${e.note}`), ['2: "Install" section in README.md']);
  });

  it('an Installation section that installs a library is not a deployment guide', async () => {
    const readme = '# Orders client\n\n## Installation\n\n```bash\nnpm install @acme/orders-client\n```\n\n### Usage\n\nkubectl is not needed.\n';
    const result = await scanFiles({ 'package.json': EXPRESS_PACKAGE, 'README.md': readme }, [rule]);
    assert.equal(entryOf(result, 'operations.runbook').status, 'gap');
  });

  it('a runbook in examples/ does not count, and no service means nothing applies', async () => {
    const gap = await scanFiles({ 'package.json': EXPRESS_PACKAGE, 'examples/RUNBOOK.md': '# Runbook\n' }, [rule]);
    assert.equal(entryOf(gap, 'operations.runbook').status, 'gap');
    const none = await scanFiles({ 'notes.md': '# Notes\n' }, [rule]);
    assert.equal(entryOf(none, 'operations.runbook').status, 'n/a');
  });
});
