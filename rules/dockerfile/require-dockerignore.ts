import * as path from 'node:path';
import type { Copy, JSONInstruction, ModifiableInstruction } from 'dockerfile-ast';
import type { Span } from '../../server/src/engine/source';
import { parseImageRef, resolvedImage } from '../../server/src/targets/dockerfile/stages';
import { defineRule } from '../define-rule';

/** Sources that mean "the whole build context". */
const WHOLE_CONTEXT = new Set(['.', './', './.', '*', './*']);

/**
 * The `.dockerignore` files BuildKit would read for this Dockerfile if the build context
 * is its folder (`<dir>/<name>.dockerignore` first, then `<dir>/.dockerignore`), and the
 * `.dockerignore` of each enclosing folder, for monorepos built with a wider context.
 */
function candidates(file: string): string[] {
  const dir = path.posix.dirname(file);
  const base = path.posix.basename(file);
  const prefix = dir === '.' ? '' : `${dir}/`;
  const out = [`${prefix}${base}.dockerignore`, `${prefix}.dockerignore`];
  let parent = dir;
  while (parent !== '.' && parent !== '' && parent !== '/') {
    parent = path.posix.dirname(parent);
    out.push(parent === '.' ? '.dockerignore' : `${parent}/.dockerignore`);
  }
  return out;
}

function starter(images: readonly string[], eol: string): string {
  const lines = ['# Keep the build context small and free of secrets.', '.git', '.gitignore', '.env', '.env.*', '*.log', 'Dockerfile*', '.dockerignore', 'docker-compose*.yml', 'compose*.yaml', '.vscode/', '.idea/', 'coverage/', 'node_modules/'];
  const paths = images.map((i) => parseImageRef(i).path);
  if (paths.some((p) => p === 'python' || p.endsWith('/python'))) lines.push('__pycache__/', '*.pyc', '.venv/', '.pytest_cache/');
  return lines.join(eol) + eol;
}

export default defineRule({
  id: 'dockerfile/require-dockerignore',
  target: 'dockerfile',
  meta: {
    item: 'container.build-hygiene',
    severity: 'warning',
    description: 'Require a `.dockerignore` beside a Dockerfile that copies the whole build context.',
    rationale:
      '`COPY . .` without a `.dockerignore` copies everything in the folder: `.git` history, local `.env` files with credentials, `node_modules` built for another platform and build output. They leak into the image, and any change to them invalidates the layer cache.',
    remediation: 'Add a `.dockerignore` next to the Dockerfile that excludes `.git`, `.env*`, dependency and build folders, or copy only the files the build needs.',
    fixable: true,
  },
  messages: {
    missing:
      '{{keyword}} {{source}} copies the whole build context and no .dockerignore sits beside this Dockerfile, so .git, local .env files and dependency folders can end up in the image and bust the layer cache. Add a .dockerignore that excludes them.',
  },
  check(ctx) {
    const doc = ctx.doc;
    const file = ctx.source.path;
    if (candidates(file).some((candidate) => ctx.workspace.hasFile(candidate))) {
      ctx.evidence({ note: '.dockerignore present' });
      return;
    }
    for (const instruction of doc.instructions()) {
      const keyword = instruction.getKeyword();
      if (keyword !== 'COPY' && keyword !== 'ADD') continue;
      const copy = instruction as ModifiableInstruction;
      if (copy.getFlags().some((f) => f.getName().toLowerCase() === 'from')) continue;
      if (keyword === 'COPY' && (copy as Copy).getHeredocs().length > 0) continue;
      const sources: Array<{ value: string; span: Span }> = doc.isExecForm(instruction)
        ? (instruction as JSONInstruction).getJSONStrings().map((s) => ({ value: s.getJSONValue(), span: doc.span(s.getRange()) }))
        : copy.getArguments().map((a) => ({ value: a.getValue(), span: doc.span(a.getRange()) }));
      const whole = sources.slice(0, -1).find((s) => WHOLE_CONTEXT.has(s.value));
      if (!whole) continue;
      const dir = path.posix.dirname(file);
      const target = dir === '.' ? '.dockerignore' : `${dir}/.dockerignore`;
      const images = doc.stages.map((s) => resolvedImage(doc, s)).filter((i): i is string => i !== undefined);
      ctx.report({
        span: whole.span,
        messageId: 'missing',
        data: { keyword, source: whole.value },
        fix: { title: `Create ${target}`, suggestion: true, edits: [{ file: target, span: { start: 0, end: 0 }, text: starter(images, '\n') }] },
      });
      // One finding per Dockerfile: one file fixes them all.
      return;
    }
  },
});
