import * as path from 'node:path';
import type { ProjectView } from '../../../server/src/engine/project';
import { firstMatch, WORD_START as S, type CommandPattern } from './ci-configs';

const re = (source: string): RegExp => new RegExp(source);

/** Commands that run a test suite. Maven and Gradle lifecycle phases past `test` run it too, unless told to skip. */
export const TEST_COMMANDS: readonly CommandPattern[] = [
  // `npm test`, `npm run test:unit`, `pnpm -r test`, `yarn workspaces foreach run test`.
  { pattern: re(`${S}(npm|pnpm|yarn|bun)(\\s+[^\\s;&|]+)*?\\s+(run\\s+)?test(:[\\w:.-]+)?(?![\\w-])`) },
  { pattern: /node_modules\/\.bin\/(jest|vitest|mocha)(?![\w-])/ },
  { pattern: re(`${S}(npx|bunx|pnpm\\s+exec|yarn)\\s+(jest|vitest|mocha|ava|tap|playwright\\s+test|cypress\\s+run)(?![\\w-])`) },
  { pattern: re(`${S}(jest|vitest|mocha)(?=\\s|$)`) },
  { pattern: re(`${S}go\\s+test(?![\\w-])`) },
  { pattern: re(`${S}gotestsum(?![\\w-])`) },
  { pattern: re(`${S}cargo\\s+(test|nextest)(?![\\w-])`) },
  { pattern: re(`${S}(mvn|mvnw|\\./mvnw)\\b[^\\n]*?\\s(test|verify|package|install|deploy)(?![\\w-])`), unless: /-DskipTests(?!=false)|-Dmaven\.test\.skip=true/ },
  { pattern: re(`${S}(gradle|gradlew|\\./gradlew)\\b[^\\n]*?\\s(test|check|build)(?![\\w-])`), unless: /(-x|--exclude-task)[\s=]+test\b/ },
  { pattern: re(`${S}dotnet\\s+test(?![\\w-])`) },
  { pattern: re(`${S}(python3?\\s+-m\\s+)?pytest(?![\\w-])`) },
  { pattern: re(`${S}python3?\\s+-m\\s+unittest(?![\\w-])`) },
  { pattern: re(`${S}(tox|nox)(?=\\s|$)`) },
  { pattern: re(`${S}make\\s+(-\\S+\\s+)*([\\w.-]*\\s+)*[\\w.-]*(test|check)[\\w.-]*(?![\\w-])`) },
  { pattern: re(`${S}(bundle\\s+exec\\s+)?(rspec|rake\\s+(test|spec))(?![\\w-])`) },
  { pattern: re(`${S}(phpunit|ctest)(?![\\w-])`) },
  { pattern: re(`${S}(bazel|bazelisk|mix|swift|flutter|deno|just|task)\\s+test(?![\\w-])`) },
  { pattern: re(`${S}sbt\\b[^\\n]*\\stest(?![\\w-])`) },
  { pattern: re(`${S}(turbo|nx)\\s+(run\\s+|run-many\\s+|affected\\s+)?(-t\\s+|--target[= ])?test(?![\\w-])`) },
];

/** Commands that build, install or lint the code: CI that works on it, whether or not it tests. */
export const BUILD_COMMANDS: readonly CommandPattern[] = [
  { pattern: re(`${S}docker\\s+(buildx\\s+)?build(?![\\w-])`) },
  { pattern: /docker\/build-push-action/ },
  { pattern: re(`${S}docker[\\s-]compose\\s+build(?![\\w-])`) },
  { pattern: re(`${S}(npm|pnpm|yarn|bun)\\s+(run\\s+)?(build|compile|lint|typecheck|check-types)(:[\\w:.-]+)?(?![\\w-])`) },
  { pattern: re(`${S}(npm|pnpm|yarn|bun)\\s+(ci|install)(?![\\w-])`) },
  { pattern: re(`${S}go\\s+(build|vet|install)(?![\\w-])`) },
  { pattern: re(`${S}(golangci-lint|goreleaser|tsc|eslint)(?![\\w-])`) },
  { pattern: re(`${S}cargo\\s+(build|check|clippy)(?![\\w-])`) },
  { pattern: re(`${S}(mvn|mvnw|\\./mvnw)(?![\\w-])`) },
  { pattern: re(`${S}(gradle|gradlew|\\./gradlew)(?![\\w-])`) },
  { pattern: re(`${S}dotnet\\s+(build|publish|restore)(?![\\w-])`) },
  { pattern: re(`${S}python3?\\s+-m\\s+build(?![\\w-])`) },
  { pattern: re(`${S}(pip3?|poetry|uv|pipenv)\\s+(install|sync|build)(?![\\w-])`) },
  { pattern: re(`${S}(bazel|bazelisk)\\s+build(?![\\w-])`) },
  { pattern: re(`${S}ko\\s+build(?![\\w-])`) },
  { pattern: re(`${S}make(?=\\s|$)`) },
];

/** `npm run ci`, `yarn verify`, `make ci`: a script whose body the workspace shows. */
const SCRIPT_CALL = re(`${S}(?:(?:npm|pnpm|bun)\\s+run\\s+|yarn\\s+(?:run\\s+)?|pnpm\\s+)([\\w:.-]+)`);
const MAKE_CALL = re(`${S}make((?:\\s+(?:-[CfI]\\s+\\S+|-\\S+|[\\w.-]+=\\S*|[\\w.-]+))+)`);

/** The bodies of package.json scripts and Makefile targets, by name, from every production file. */
export class ScriptIndex {
  private scripts: Map<string, string[]> | undefined;
  private targets: Map<string, string[]> | undefined;

  constructor(private readonly project: ProjectView) {}

  script(name: string): string[] {
    if (!this.scripts) {
      this.scripts = new Map();
      for (const file of this.project.files(['package-manifest'])) {
        if (!file.production || path.posix.basename(file.path) !== 'package.json') continue;
        const text = this.project.source(file.path)?.text;
        let scripts: unknown;
        try {
          scripts = text ? (JSON.parse(text) as { scripts?: unknown }).scripts : undefined;
        } catch {
          continue;
        }
        if (!scripts || typeof scripts !== 'object') continue;
        for (const [key, body] of Object.entries(scripts as Record<string, unknown>)) {
          if (typeof body === 'string') this.scripts.set(key, [...(this.scripts.get(key) ?? []), body]);
        }
      }
    }
    return this.scripts.get(name) ?? [];
  }

  target(name: string): string[] {
    if (!this.targets) {
      this.targets = new Map();
      for (const file of this.project.files()) {
        if (!file.production || !/^(gnu)?makefile$/i.test(path.posix.basename(file.path))) continue;
        const text = this.project.source(file.path)?.text ?? '';
        let current: string[] = [];
        for (const line of text.split(/\r?\n/)) {
          const rule = /^([\w./-]+(?:\s+[\w./-]+)*)\s*::?(?!=)(.*)$/.exec(line);
          if (rule && !line.startsWith('\t')) {
            current = (rule[1] as string).split(/\s+/);
            // Prerequisites run first: `test: lint unit` counts `unit`'s recipe too.
            for (const name of current) this.targets.set(name, [...(this.targets.get(name) ?? []), `make ${(rule[2] as string).trim()}`]);
          } else if (line.startsWith('\t')) {
            for (const name of current) this.targets.set(name, [...(this.targets.get(name) ?? []), line.trim()]);
          } else if (line.trim() !== '' && !line.startsWith('#')) {
            current = [];
          }
        }
      }
    }
    return this.targets.get(name) ?? [];
  }
}

/**
 * The first command on a line that matches `patterns`, directly or through the script
 * or Makefile target it calls (two levels deep): `npm run ci` counts as a test step when
 * the `ci` script runs `vitest`.
 */
export function matchCommand(line: string, patterns: readonly CommandPattern[], scripts: ScriptIndex, depth = 0): { index: number; text: string } | undefined {
  const direct = firstMatch(patterns, line);
  if (direct || depth > 1) return direct;
  const runs = (body: string) => body.split(/\s*(?:&&|\|\||;|\n)\s*/).some((part) => matchCommand(part, patterns, scripts, depth + 1));
  const script = SCRIPT_CALL.exec(line);
  if (script && scripts.script(script[1] as string).some(runs)) return { index: script.index, text: script[0].trim() };
  const make = MAKE_CALL.exec(line);
  if (make) {
    // `make lint unit`, `make -C api ci`: every target named, flags and `VAR=value` left out.
    const words = (make[1] as string).split(/\s+/).filter((w) => w !== '');
    const targets = words.filter((w, i) => !w.startsWith('-') && !w.includes('=') && !/^-[CfI]$/.test(words[i - 1] ?? ''));
    if (targets.some((t) => scripts.target(t).some(runs))) return { index: make.index, text: make[0].trim() };
  }
  return undefined;
}
