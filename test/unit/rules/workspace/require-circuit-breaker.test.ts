import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import rule from '../../../../rules/workspace/require-circuit-breaker';
import { entryOf, scanFiles } from './scan-files';

const POM = (extra: string) =>
  `<project>\n  <dependencies>\n    <dependency>\n      <groupId>org.springframework.cloud</groupId>\n      <artifactId>spring-cloud-starter-openfeign</artifactId>\n    </dependency>\n${extra}  </dependencies>\n</project>\n`;

describe(rule.id, () => {
  it('a TS service calling fetch with no breaker is a gap', async () => {
    const code = "export async function price(id: string) {\n  const res = await fetch(`https://pricing.internal/prices/${id}`);\n  return res.json();\n}\n";
    const result = await scanFiles({ 'package.json': JSON.stringify({ name: 'x' }), 'src/pricing.ts': code }, [rule]);
    const entry = entryOf(result, 'reliability.circuit-breaker');
    assert.equal(entry.status, 'gap');
    assert.match(entry.reason ?? '', /^Outbound calls through fetch\(\) \(src\/pricing\.ts:2\) and no circuit breaker found/);
  });

  it('OpenFeign without a breaker is a gap', async () => {
    const result = await scanFiles({ 'pom.xml': POM('') }, [rule]);
    assert.match(entryOf(result, 'reliability.circuit-breaker').reason ?? '', /OpenFeign \(pom\.xml:5\)/);
  });

  it('the resilience4j Spring Boot starter is evidence', async () => {
    const r4j = '    <dependency>\n      <groupId>io.github.resilience4j</groupId>\n      <artifactId>resilience4j-spring-boot3</artifactId>\n    </dependency>\n';
    const result = await scanFiles({ 'pom.xml': POM(r4j) }, [rule]);
    const entry = entryOf(result, 'reliability.circuit-breaker');
    assert.equal(entry.status, 'met');
    assert.equal(entry.evidence[0]?.file, 'pom.xml');
  });

  it('fetch only in tests does not count', async () => {
    const result = await scanFiles({ 'package.json': JSON.stringify({ name: 'x' }), 'src/app.test.ts': "await fetch('http://localhost:3000');\n" }, [rule]);
    assert.notEqual(entryOf(result, 'reliability.circuit-breaker').status, 'gap');
  });
});
