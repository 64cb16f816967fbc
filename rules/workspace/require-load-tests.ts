import * as path from 'node:path';
import type { ProjectFile, ProjectView } from '../../server/src/engine/project';
import type { SourceText, Span } from '../../server/src/engine/source';
import { keySpan, pairOf } from '../../server/src/targets/yaml/nodes';
import { parseYamlFile } from '../../server/src/targets/yaml/yaml-file';
import { defineRule } from '../define-rule';
import { hasService, lineSpan } from './support/service-files';

interface Found {
  source: SourceText;
  span: Span | undefined;
  note: string;
}

/** Example and fixture folders show how a tool is used; they are not this project's tests. */
function isExampleOrFixture(file: string): boolean {
  return /(^|\/)(examples?|samples?|fixtures|testdata|vendor|node_modules|third_party)\//i.test(file);
}

/**
 * k6 scripts: JavaScript or TypeScript importing `k6` or a `k6/…` module. Until a
 * JavaScript parser is available this reads the import statements' shape line by line
 * (`import http from 'k6/http'`, `import { check } from "k6"`, `require('k6/http')`), so an
 * import split over several lines is only seen by its `from '…'` line.
 */
const K6_IMPORT = /^\s*(?:import\s+(?:[^'";]*?\s+from\s+)?|\}\s*from\s+|.*\brequire\(\s*)['"]k6(?:\/[\w/-]+)?['"]/m;
const LOCUST_IMPORT = /^\s*(from\s+locust(\.[\w.]+)?\s+import\b|import\s+locust\b)/m;
const GATLING_IMPORT = /^\s*import\s+(static\s+)?io\.gatling\./m;
/**
 * Go benchmarks: `func BenchmarkX(b *testing.B)` at the start of a line of a `_test.go`
 * file. A line-start match stands in for the Go parser until it is available; gofmt puts
 * every top-level func there.
 */
const GO_BENCHMARK = /^func\s+(Benchmark\w*)\s*\(/gm;

function at(source: SourceText, pattern: RegExp): Span | undefined {
  const match = new RegExp(pattern.source, pattern.flags.replace('g', '')).exec(source.text);
  if (!match) return undefined;
  const leading = match[0].length - match[0].trimStart().length;
  return lineSpan(source.text, source.text.lastIndexOf('\n', match.index + leading) + 1);
}

function scan(project: ProjectView, file: ProjectFile): Found[] {
  const base = path.posix.basename(file.path);
  const lower = base.toLowerCase();
  const read = () => project.source(file.path);
  const found: Found[] = [];
  const add = (source: SourceText | undefined, pattern: RegExp | undefined, note: string) => {
    if (!source) return;
    const span = pattern ? at(source, pattern) : undefined;
    if (pattern && !span) return;
    found.push({ source, span, note });
  };
  if (lower.endsWith('.jmx')) add(read(), undefined, `JMeter test plan ${file.path}`);
  switch (file.kind) {
    case 'javascript':
    case 'typescript': {
      const source = read();
      if (source?.text.includes('k6')) add(source, K6_IMPORT, `k6 load test ${file.path}`);
      break;
    }
    case 'python': {
      const source = read();
      if (source && (lower === 'locustfile.py' || source.text.includes('locust'))) add(source, LOCUST_IMPORT, `Locust load test ${file.path}`);
      break;
    }
    case 'java': {
      const source = read();
      if (source?.text.includes('io.gatling')) add(source, GATLING_IMPORT, `Gatling simulation ${file.path}`);
      break;
    }
    case 'go': {
      if (!lower.endsWith('_test.go')) break;
      const source = read();
      const names = source ? [...source.text.matchAll(GO_BENCHMARK)].map((m) => m[1] as string) : [];
      const first = names[0];
      if (source && first) add(source, GO_BENCHMARK, `Go benchmark ${first}${names.length > 1 ? ` and ${names.length - 1} more` : ''} in ${file.path}`);
      break;
    }
    case 'yaml': {
      const source = read();
      if (!source || !/^scenarios\s*:/m.test(source.text)) break;
      const root = parseYamlFile(source).doc?.documents[0]?.contents;
      const target = pairOf(pairOf(root, 'config')?.value, 'target');
      if (target && pairOf(root, 'scenarios')) found.push({ source, span: keySpan(root, 'scenarios'), note: `Artillery load test ${file.path}` });
      break;
    }
    case 'package-manifest': {
      const source = read();
      if (!source) break;
      if (lower === 'pom.xml' || lower.startsWith('build.gradle')) {
        add(source, /jmh-core|me\.champeau\.jmh|org\.openjdk\.jmh/, `JMH benchmarks in ${file.path}`);
        add(source, /gatling-maven-plugin|io\.gatling\.gradle/, `Gatling plugin in ${file.path}`);
      }
      const criterion = lower === 'cargo.toml' ? criterionPattern(source.text) : undefined;
      if (criterion) add(source, criterion, `criterion benchmarks in ${file.path}`);
      break;
    }
    default:
      if (/\.(scala|kt)$/.test(lower)) {
        const source = read();
        if (source?.text.includes('io.gatling')) add(source, GATLING_IMPORT, `Gatling simulation ${file.path}`);
      }
  }
  return found;
}

/** `criterion` under `[dev-dependencies]` (or `[dev-dependencies.criterion]`) of a Cargo.toml, as a pattern for its line. */
function criterionPattern(text: string): RegExp | undefined {
  let section = '';
  for (const line of text.split(/\r?\n/)) {
    const header = /^\s*\[([^\]]+)\]/.exec(line);
    if (header) {
      section = (header[1] as string).trim();
      if (/^(target\..+\.)?dev-dependencies\.criterion$/.test(section)) return new RegExp(`^${escape(line)}$`, 'm');
      continue;
    }
    if (/^(target\..+\.)?dev-dependencies$/.test(section) && /^\s*criterion\s*=/.test(line)) return new RegExp(`^${escape(line)}$`, 'm');
  }
  return undefined;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export default defineRule({
  id: 'workspace/require-load-tests',
  target: 'workspace',
  meta: {
    item: 'testing.load-tests',
    severity: 'info',
    description: 'Require load or performance tests: k6, Artillery, Locust, Gatling, JMeter, JMH, criterion or Go benchmarks.',
    rationale:
      'Capacity limits, slow queries and lock contention only show under load. Without a load test the first measurement of how much traffic the service takes is the production incident that exceeds it.',
    remediation:
      'Add a load test for the main request paths (a k6 or Locust script, an Artillery scenario) with thresholds for latency and error rate, and benchmarks (JMH, criterion, `func Benchmark…`) for hot code; run them before releases.',
    fixable: false,
  },
  messages: {},
  check(ctx) {
    let found = 0;
    for (const file of ctx.project.files()) {
      if (isExampleOrFixture(file.path)) continue;
      for (const item of scan(ctx.project, file)) {
        ctx.evidence({ span: item.span, source: item.source, note: item.note });
        found++;
      }
    }
    if (found === 0 && hasService(ctx.project)) {
      ctx.missing('No load or performance tests found (k6, Artillery, Locust, Gatling, JMeter, JMH, criterion, Go benchmarks), so nobody knows how much traffic the service takes before production finds out.');
    }
  },
});
