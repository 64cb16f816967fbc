import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import rule from '../../../../rules/workspace/require-config-validation';
import { entryOf, scanFiles } from './scan-files';

describe(rule.id, () => {
  it('an axum service with no config validation is a gap', async () => {
    const cargo = '[package]\nname = "objstore"\nversion = "0.1.0"\n\n[dependencies]\naxum = "0.7"\ntokio = { version = "1", features = ["full"] }\n';
    const result = await scanFiles({ 'Cargo.toml': cargo, 'src/main.rs': 'fn main() {}\n' }, [rule]);
    const entry = entryOf(result, 'deploy.config-validation');
    assert.equal(entry.status, 'gap');
    assert.match(entry.reason ?? '', /^axum service \(Cargo\.toml:6\) and no configuration validation found: .+\. Parse the configuration once at startup/);
  });

  it('a gin service counts as a service', async () => {
    const mod = 'module example.com/api\n\ngo 1.22\n\nrequire (\n\tgithub.com/gin-gonic/gin v1.10.0\n)\n';
    const result = await scanFiles({ 'go.mod': mod }, [rule]);
    assert.match(entryOf(result, 'deploy.config-validation').reason ?? '', /^gin service \(go\.mod:6\)/);
  });

  it('a build-only Rust crate is left alone', async () => {
    const result = await scanFiles({ 'Cargo.toml': '[package]\nname = "lib"\nversion = "0.1.0"\n\n[dependencies]\nserde = "1"\n', 'src/lib.rs': 'pub fn f() {}\n' }, [rule]);
    assert.notEqual(entryOf(result, 'deploy.config-validation').status, 'gap');
  });
});
