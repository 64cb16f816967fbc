import type { JSONInstruction, ModifiableInstruction } from 'dockerfile-ast';
import type { Span } from '../../server/src/engine/source';
import { defineRule } from '../define-rule';

/** `git@host:org/repo`, `git://…`, `ssh://…`, or an http(s) URL of a `.git` repository. */
function isGitSource(value: string): boolean {
  return /^git@[^:]+:/.test(value) || /^(git|ssh|git\+https?|git\+ssh):\/\//i.test(value) || /^https?:\/\/[^#\s]+\.git(#|$)/i.test(value);
}

/** A git source whose ref is a full commit id (`…repo.git#3f2a…`): as reproducible as a checksum. */
function isPinnedGitRef(value: string): boolean {
  const hash = value.indexOf('#');
  if (hash < 0) return false;
  const ref = value.slice(hash + 1).split(':')[0] ?? '';
  return /^[0-9a-f]{40}([0-9a-f]{24})?$/i.test(ref);
}

export default defineRule({
  id: 'dockerfile/no-add-url',
  target: 'dockerfile',
  meta: {
    item: 'container.build-hygiene',
    severity: 'warning',
    description: 'Disallow `ADD` of a remote URL or git repository without a checksum or pinned commit.',
    rationale:
      'ADD fetches the URL at every build and trusts whatever comes back: a changed release, a hijacked download or a moved branch silently changes the image, and nothing records what was fetched.',
    remediation: 'Add `--checksum=sha256:<digest>` to `ADD` of a file, pin a git source to a full commit id, or download with curl in a `RUN` and verify the checksum.',
    fixable: false,
    related: ['hadolint:DL3020', 'checkov:CKV_DOCKER_4'],
  },
  messages: {
    remoteUrl:
      'ADD downloads {{url}} at build time without a checksum, so a changed or compromised file silently ends up in the image. Add `--checksum=sha256:<digest>`, or download it in a RUN and verify its checksum before use.',
    gitSource:
      'ADD clones {{url}} without pinning a commit, so each build takes whatever the branch or tag points to that day. Pin the source to a full commit id (`…#<sha>`) or add `--checksum=<commit sha>`.',
  },
  check(ctx) {
    const doc = ctx.doc;
    for (const add of doc.instructions('ADD')) {
      const instruction = add as ModifiableInstruction;
      if (instruction.getFlags().some((f) => f.getName().toLowerCase() === 'checksum' && (f.getValue() ?? '') !== '')) continue;
      const sources: Array<{ value: string; span: Span }> = doc.isExecForm(add)
        ? (add as JSONInstruction).getJSONStrings().map((s) => ({ value: s.getJSONValue(), span: doc.span(s.getRange()) }))
        : instruction.getArguments().map((a) => ({ value: a.getValue(), span: doc.span(a.getRange()) }));
      // The last argument is the destination.
      for (const source of sources.slice(0, -1)) {
        if (isGitSource(source.value)) {
          if (!isPinnedGitRef(source.value)) ctx.report({ span: source.span, messageId: 'gitSource', data: { url: source.value } });
        } else if (/^https?:\/\//i.test(source.value)) {
          ctx.report({ span: source.span, messageId: 'remoteUrl', data: { url: source.value } });
        }
      }
    }
  },
});
