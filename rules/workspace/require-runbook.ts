import * as path from 'node:path';
import MarkdownIt from 'markdown-it';
import type { ProjectView } from '../../server/src/engine/project';
import { defineRule } from '../define-rule';
import { hasService, lineSpan } from './support/service-files';

const RUNBOOK_FILE = /^runbook[^/]*\.(md|markdown)$/i;
const OPS_DIR = /(^|\/)docs\/(ops|operations|runbooks?)\//i;
/** Markdown whose sections may hold operational docs: READMEs and anything under docs/. */
const DOC_FILE = /(^|\/)(readme[^/]*|docs\/.*)\.(md|markdown)$/i;
const OPS_HEADING = /\b(deploy|deploying|deployment|operations|operating|troubleshooting|runbooks?|on-?call|incidents?)\b/i;
/** Sections that are a deployment guide when they deploy something, not when they `npm install` a library. */
const INSTALL_HEADING = /\b(install|installation|installing|quick ?start|getting started|set ?up|running in production)\b/i;
const DEPLOY_COMMAND = /\b(helm\s+(upgrade|install)|kubectl\s+(apply|create)|kustomize\s+build|docker[ -]compose\s+up|docker\s+run|docker\s+stack\s+deploy|terraform\s+apply|skaffold\s+(run|deploy)|gcloud\s+run\s+deploy|flux\s+create|argocd\s+app\s+create)\b/;

const markdown = new MarkdownIt();

export default defineRule({
  id: 'workspace/require-runbook',
  target: 'workspace',
  meta: {
    item: 'operations.runbook',
    severity: 'info',
    description: 'Require a runbook or deployment and troubleshooting docs in a workspace that holds a service.',
    rationale:
      'At 3 a.m. the on-call engineer needs to know how to deploy, roll back, and diagnose the service; without written steps, recovery waits for the one person who remembers them.',
    remediation:
      'Write a RUNBOOK.md (or docs/runbooks/) covering deployment, rollback, configuration, dashboards and alerts, and the known failure modes with their fixes; or add Deployment and Troubleshooting sections to the README.',
  },
  messages: {},
  check(ctx) {
    let found = 0;
    for (const file of ctx.project.files()) {
      if (!file.production) continue;
      const base = path.posix.basename(file.path);
      if (RUNBOOK_FILE.test(base)) {
        ctx.evidence({ ...sourceOf(ctx.project, file.path), note: `runbook ${file.path}` });
        found++;
      } else if (OPS_DIR.test(file.path)) {
        ctx.evidence({ ...sourceOf(ctx.project, file.path), note: `operations doc ${file.path}` });
        found++;
      } else if (file.kind === 'markdown' && DOC_FILE.test(file.path)) {
        const source = ctx.project.source(file.path);
        if (!source) continue;
        const tokens = markdown.parse(source.text, {});
        tokens.forEach((token, i) => {
          if (token.type !== 'heading_open' || !token.map) return;
          const title = tokens[i + 1]?.content ?? '';
          if (!OPS_HEADING.test(title) && !(INSTALL_HEADING.test(title) && DEPLOY_COMMAND.test(sectionText(tokens, i)))) return;
          ctx.evidence({ source, span: lineSpan(source.text, source.offsetAt({ line: token.map[0], character: 0 })), note: `"${title}" section in ${file.path}` });
          found++;
        });
      }
    }
    if (found === 0 && hasService(ctx.project)) {
      ctx.missing(
        'No runbook or operational docs found (RUNBOOK.md, docs/runbooks/, or a Deployment/Troubleshooting section in the README), so on-call has no written steps to deploy, roll back or diagnose the service. Write down how to deploy, roll back and handle the known failure modes.',
      );
    }
  },
});

/** The text of a section: every token after its heading up to the next heading of the same or a higher level. */
function sectionText(tokens: ReturnType<typeof markdown.parse>, headingIndex: number): string {
  const level = tokens[headingIndex]?.tag ?? 'h6';
  let text = '';
  for (let i = headingIndex + 3; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token) break;
    if (token.type === 'heading_open' && token.tag <= level) break;
    text += `${token.content}\n`;
  }
  return text;
}

function sourceOf(project: ProjectView, file: string) {
  const source = project.source(file);
  return source ? { source } : {};
}
