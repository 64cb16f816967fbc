// Parity between rules/index.ts, the rule files, their docs and their tests, and the
// documentation examples run through the engine: the Incorrect ones must be reported,
// the Correct ones must not.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { ruleDocPath, type AnyRule } from '../../rules/define-rule';
import { ALL_RULES, RULES } from '../../rules';
import { isItemId } from '../../server/src/engine/checklist-items';
import { classify } from '../../server/src/engine/classify';
import { DEFAULT_CONFIG } from '../../server/src/engine/config';
import { lintFile, type FileLintResult } from '../../server/src/engine/linter';
import { ParseCache } from '../../server/src/engine/parse-cache';
import { Project } from '../../server/src/engine/project';
import { SourceText } from '../../server/src/engine/source';
import { isTargetName, type TargetName } from '../../server/src/targets';
import { loadGrammars } from '../../server/src/targets/source/grammars';

const repo = path.resolve(__dirname, '../..');
const rulesDir = path.join(repo, 'rules');
const DOC_SECTIONS = ['Why', 'Examples', 'How to fix', 'Options', 'When not to use it', 'Related'];
const SEVERITIES = new Set(['error', 'warning', 'info']);
/**
 * Targets whose examples stand alone as one file, with the file name and fence language
 * they are linted as (a fence may say `filename=…`). Workspace rules judge the whole
 * project, so their examples describe a situation rather than a file and are not run.
 */
const EXAMPLE_TARGETS: Partial<Readonly<Record<TargetName, { filename: string; lang: string }>>> = {
  dockerfile: { filename: 'Dockerfile', lang: 'dockerfile' },
  k8s: { filename: 'deployment.yaml', lang: 'yaml' },
  compose: { filename: 'compose.yaml', lang: 'yaml' },
  js: { filename: 'src/server.ts', lang: 'ts' },
  go: { filename: 'cmd/api/main.go', lang: 'go' },
  java: { filename: 'src/main/java/com/acme/orders/OrdersApplication.java', lang: 'java' },
  python: { filename: 'app/main.py', lang: 'python' },
  rust: { filename: 'src/main.rs', lang: 'rust' },
};

// Source targets parse with tree-sitter grammars, loaded once before any example runs.
before(() => loadGrammars(['go', 'rust', 'java', 'python']));

interface Heading {
  level: number;
  text: string;
  line: number;
}

interface CodeBlock {
  /** The H2 and H3 the block stands under. */
  section: string;
  subsection: string | undefined;
  lang: string;
  code: string;
  /** Workspace files the example assumes, from `files=a,b` in the fence or `<!-- files: a, b -->` above it. */
  files: string[];
  filename: string | undefined;
  line: number;
}

/** Headings and fenced code blocks of a Markdown file; `#` lines inside fences are code, not headings. */
function parseMarkdown(text: string): { headings: Heading[]; blocks: CodeBlock[] } {
  const headings: Heading[] = [];
  const blocks: CodeBlock[] = [];
  const lines = text.split(/\r?\n/);
  let section = '';
  let subsection: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const fence = /^(```+|~~~+)\s*(.*)$/.exec(line);
    if (fence) {
      const marker = fence[1] as string;
      const info = (fence[2] ?? '').trim();
      const body: string[] = [];
      const start = i + 1;
      i++;
      while (i < lines.length && !(lines[i] as string).startsWith(marker)) body.push(lines[i++] as string);
      const [lang = '', ...attributes] = info.split(/\s+/);
      const attr = (name: string): string | undefined => attributes.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
      let previous = start - 2;
      while (previous >= 0 && (lines[previous] as string).trim() === '') previous--;
      const comment = /^<!--\s*files:\s*(.*?)\s*-->$/.exec((lines[previous] ?? '').trim());
      const files = [...(attr('files')?.split(',') ?? []), ...(comment?.[1]?.split(',') ?? [])].map((f) => f.trim()).filter(Boolean);
      blocks.push({ section, subsection, lang, code: body.join('\n') + '\n', files, filename: attr('filename'), line: start });
      continue;
    }
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const level = (heading[1] as string).length;
    const title = heading[2] as string;
    headings.push({ level, text: title, line: i + 1 });
    if (level === 2) {
      section = title;
      subsection = undefined;
    } else if (level === 3) subsection = title;
  }
  return { headings, blocks };
}

function lintExample(rule: AnyRule, block: CodeBlock): FileLintResult {
  const filename = block.filename ?? EXAMPLE_TARGETS[rule.target]?.filename ?? 'example';
  const texts = new Map<string, string>([...block.files.map((f): [string, string] => [f, '']), [filename, block.code]]);
  const workspace = { hasFile: (p: string) => texts.has(p), readText: (p: string) => texts.get(p) };
  const cache = new ParseCache();
  const project = new Project(texts.keys(), workspace, cache);
  const result = lintFile(new SourceText(filename, block.code), classify(filename, workspace), {
    rules: [rule],
    config: DEFAULT_CONFIG,
    workspace,
    cache,
    project,
  });
  assert.deepEqual(result.problems, [], `${rule.id}: example at line ${block.line} has problems`);
  return result;
}

/** Rule modules: the `.ts` files directly in a target's folder (`rules/<target>/support/` holds helpers). */
function ruleFiles(): string[] {
  const ids: string[] = [];
  for (const entry of readdirSync(rulesDir, { withFileTypes: true })) {
    if (!entry.isDirectory() || !isTargetName(entry.name)) continue;
    for (const file of readdirSync(path.join(rulesDir, entry.name))) {
      if (file.endsWith('.ts') && !file.endsWith('.d.ts')) ids.push(`${entry.name}/${file.slice(0, -3)}`);
    }
  }
  return ids.sort();
}

function docFiles(): string[] {
  const ids: string[] = [];
  for (const entry of readdirSync(rulesDir, { withFileTypes: true })) {
    if (!entry.isDirectory() || !isTargetName(entry.name)) continue;
    for (const file of readdirSync(path.join(rulesDir, entry.name))) {
      if (file.endsWith('.md')) ids.push(`${entry.name}/${file.slice(0, -3)}`);
    }
  }
  return ids.sort();
}

describe('rules/index.ts', () => {
  it('maps each id to the rule with that id', () => {
    for (const [id, rule] of Object.entries(RULES)) assert.equal(rule.id, id);
  });

  it('is sorted alphabetically', () => {
    const ids = Object.keys(RULES);
    assert.deepEqual(ids, [...ids].sort());
  });

  it('registers every rule file, and every registered rule has a file, a doc and a test', () => {
    const registered = Object.keys(RULES);
    const files = ruleFiles();
    assert.deepEqual(files.filter((id) => !registered.includes(id)), [], 'rule files missing from rules/index.ts');
    assert.deepEqual(registered.filter((id) => !files.includes(id)), [], 'registered rules without a rules/<id>.ts file');
    assert.deepEqual(docFiles().filter((id) => !registered.includes(id)), [], 'docs of no registered rule');
    for (const id of Object.keys(RULES)) {
      assert.ok(existsSync(path.join(repo, 'test/unit/rules', `${id}.test.ts`)), `${id} has no test/unit/rules/${id}.test.ts`);
    }
  });

  it('rule ids are <target>/<kebab-case name> and start with no-, require- or prefer-', () => {
    for (const rule of ALL_RULES) {
      assert.match(rule.id, /^[a-z0-9]+\/(no|require|prefer)-[a-z0-9]+(-[a-z0-9]+)*$/, rule.id);
      assert.equal(rule.id.split('/')[0], rule.target, `${rule.id}: the id's prefix is its target`);
    }
  });
});

for (const rule of ALL_RULES) {
  describe(`${rule.id} meta and docs`, () => {
    it('has sane metadata', () => {
      const { meta } = rule;
      assert.ok(isItemId(meta.item), `unknown checklist item ${meta.item}`);
      assert.ok(SEVERITIES.has(meta.severity), `bad severity ${meta.severity}`);
      for (const field of ['description', 'rationale', 'remediation'] as const) {
        assert.ok(meta[field].trim().length > 0, `${field} is empty`);
        assert.match(meta[field], /[.)]$/, `${field} is not a sentence`);
      }
      for (const code of meta.related ?? []) assert.match(code, /^[a-z][a-z0-9-]*:[A-Za-z0-9_./-]+$/, `related "${code}" is not tool:code`);
      // Rules that only record evidence or a missing item (no CI config at all) report nothing.
      const messages = Object.entries(rule.messages);
      for (const [id, message] of messages) {
        assert.match(id, /^[a-z][A-Za-z0-9]*$/, `messageId ${id} is not camelCase`);
        assert.match(message, /\.$/, `message ${id} does not end with a period`);
        assert.ok(message.length > 40, `message ${id} is too short to say what, why and how`);
      }
    });

    // A missing doc or test is reported by the parity and heading checks; these skip it.
    const docPath = path.join(repo, ruleDocPath(rule.id));
    const testPath = path.join(repo, 'test/unit/rules', `${rule.id}.test.ts`);

    it('is fixable exactly when it offers fixes, and its test covers them', () => {
      if (rule.meta.fixable && existsSync(testPath)) {
        assert.match(readFileSync(testPath, 'utf8'), /\boutput:|\.fixes\b/, 'a fixable rule must test its fixes (`output:` or an assertion on `fixes`)');
      }
      if (!EXAMPLE_TARGETS[rule.target] || !existsSync(docPath)) return;
      const { blocks } = parseMarkdown(readFileSync(docPath, 'utf8'));
      const offersFix = blocks
        .filter((b) => b.section === 'Examples' && b.subsection === 'Incorrect')
        .some((b) => lintExample(rule, b).findings.some((f) => f.rule === rule.id && f.fixes.length > 0));
      if (offersFix) assert.equal(rule.meta.fixable, true, 'a finding offers a fix but meta.fixable is not true');
      if (rule.meta.fixable) assert.ok(offersFix, 'meta.fixable is true but no Incorrect example gets a fix');
    });

    it('has a doc with the house headings', () => {
      assert.ok(existsSync(docPath), `missing ${ruleDocPath(rule.id)}`);
      const { headings } = parseMarkdown(readFileSync(docPath, 'utf8'));
      const h1 = headings.filter((h) => h.level === 1);
      assert.deepEqual(
        h1.map((h) => h.text),
        [rule.id],
        'exactly one H1: the rule id',
      );
      assert.equal(headings[0]?.level, 1, 'the H1 comes first');
      assert.deepEqual(
        headings.filter((h) => h.level === 2).map((h) => h.text),
        DOC_SECTIONS,
      );
      const examples = headings.findIndex((h) => h.level === 2 && h.text === 'Examples');
      const next = headings.findIndex((h, i) => i > examples && h.level <= 2);
      assert.deepEqual(
        headings.slice(examples + 1, next).map((h) => `${h.level}:${h.text}`),
        ['3:Incorrect', '3:Correct'],
        'Examples holds exactly ### Incorrect then ### Correct',
      );
      assert.ok(!headings.some((h) => h.level > 3), 'no headings below H3');
    });

    it('reports every Incorrect example and no Correct one', () => {
      if (!existsSync(docPath)) return;
      const { blocks } = parseMarkdown(readFileSync(docPath, 'utf8'));
      const examples = blocks.filter((b) => b.section === 'Examples');
      const incorrect = examples.filter((b) => b.subsection === 'Incorrect');
      const correct = examples.filter((b) => b.subsection === 'Correct');
      assert.ok(incorrect.length > 0, 'no Incorrect example');
      assert.ok(correct.length > 0, 'no Correct example');
      const target = EXAMPLE_TARGETS[rule.target];
      if (!target) return;
      for (const block of examples) assert.equal(block.lang, target.lang, `example at line ${block.line} is not a \`\`\`${target.lang} block`);
      // Evidence-only rules (no messages) judge absence project-wide: their Incorrect examples show what gives no evidence.
      for (const block of Object.keys(rule.messages).length === 0 ? [] : incorrect) {
        const findings = lintExample(rule, block).findings.filter((f) => f.rule === rule.id);
        assert.ok(findings.length > 0, `Incorrect example at line ${block.line} gives no finding`);
      }
      for (const block of correct) {
        const findings = lintExample(rule, block).findings.filter((f) => f.rule === rule.id);
        assert.deepEqual(
          findings.map((f) => `${f.range.start.line + 1}: ${f.message}`),
          [],
          `Correct example at line ${block.line} gives findings`,
        );
      }
    });
  });
}

describe('the bundled sample service', () => {
  const sample = path.join(repo, 'test/fixtures/sample-service');
  const dockerfileRules = ALL_RULES.filter((r) => r.target === 'dockerfile');
  const lint = (relative: string): FileLintResult =>
    lintFile(new SourceText(relative, readFileSync(path.join(sample, relative), 'utf8')), 'dockerfile', {
      rules: dockerfileRules,
      config: DEFAULT_CONFIG,
      workspace: { hasFile: (p) => existsSync(path.join(sample, p)) },
      cache: new ParseCache(),
    });

  it('services/worker/Dockerfile, a well-built image, gives no finding from any Dockerfile rule', () => {
    const result = lint('services/worker/Dockerfile');
    assert.deepEqual(result.problems, []);
    assert.deepEqual(
      result.findings.map((f) => `${f.range.start.line + 1}: ${f.rule}: ${f.message}`),
      [],
    );
    const items = new Set(result.evidence.map((e) => e.item));
    for (const item of ['container.non-root', 'container.pinned-images', 'container.minimal-image', 'container.healthcheck', 'container.build-hygiene']) {
      assert.ok(items.has(item as never), `no evidence for ${item}`);
    }
  });

  it('services/api/Dockerfile, a half-ready image, gives findings of several rules', () => {
    const result = lint('services/api/Dockerfile');
    const rules = new Set(result.findings.map((f) => f.rule));
    for (const id of [
      'dockerfile/no-curl-pipe-shell',
      'dockerfile/no-secrets-in-env',
      'dockerfile/no-tls-verify-disabled',
      'dockerfile/prefer-exec-form',
      'dockerfile/require-apt-no-install-recommends',
      'dockerfile/require-dockerignore',
      'dockerfile/require-healthcheck',
      'dockerfile/require-non-root-user',
      'dockerfile/require-package-cache-cleanup',
    ]) {
      assert.ok(rules.has(id), `expected a finding of ${id}`);
    }
  });
});
