import * as path from 'node:path';
import type { Node } from 'web-tree-sitter';
import { stackOf } from '../../server/src/engine/stack';
import { defineRule } from '../define-rule';
import type { ProjectView } from '../../server/src/engine/project';
import { definesRoutes, servesGrpc } from './support/routes';
import { calls, importedFrom, inMainGuard, moduleFunction } from './support/syntax';

const WEB_FRAMEWORKS = /^(fastapi|flask|django|aiohttp|starlette|sanic|quart|falcon|tornado|litestar|djangorestframework)$/;

/** Scripts run by hand: `scripts/…`, `manage.py`, `bin/…`. */
function isScript(file: string): boolean {
  return /(^|\/)(scripts|bin|tools)\//.test(file) || path.posix.basename(file) === 'manage.py';
}

/**
 * Whether the file sits in the folder of a project that declares `grpcio`. The folder, not
 * the whole workspace: a service's dependency says nothing of the tools and clients next
 * to it, and gRPC servers elsewhere are recognised by their code.
 */
function grpcServiceFolder(project: ProjectView, file: string): boolean {
  return stackOf(project).dependencies.some((d) => {
    if (d.dev || d.ecosystem !== 'pypi' || d.name !== 'grpcio') return false;
    let dir = path.posix.dirname(d.manifest);
    // `requirements/base.txt` speaks for the project around the folder.
    if (path.posix.basename(dir) === 'requirements') dir = path.posix.dirname(dir);
    return dir === '.' || file.startsWith(`${dir}/`);
  });
}

/** The module-level logger variable: `logger = logging.getLogger(__name__)`, `log = structlog.get_logger()`. */
function moduleLogger(doc: Parameters<typeof calls>[0]): string | undefined {
  for (const call of calls(doc)) {
    const isLogger = moduleFunction(doc, call, 'logging') === 'getLogger' || moduleFunction(doc, call, 'structlog') === 'get_logger';
    if (!isLogger) continue;
    const assignment = call.node.parent;
    if (assignment?.type !== 'assignment' || assignment.parent?.parent?.type !== 'module') continue;
    const left = assignment.childForFieldName('left');
    if (left?.type === 'identifier') return doc.text(left);
  }
  return undefined;
}

export default defineRule({
  id: 'python/no-debug-print',
  target: 'python',
  meta: {
    item: 'observability.structured-logging',
    severity: 'info',
    description: 'Disallow `print()` in the modules of a web or gRPC service; log through `logging`, structlog or loguru.',
    rationale:
      'Prints bypass the logging configuration: no level, no logger name, no request or trace id, no JSON, and they cannot be turned down in production or found by log queries.',
    remediation: 'Create a module logger (`logger = logging.getLogger(__name__)`) and log with `logger.info(...)`, or use structlog or loguru configured for JSON output.',
    fixable: true,
    related: ['ruff:T201', 'flake8-print:T201'],
  },
  messages: {
    print:
      '`print()` writes around the logging configuration, so the line has no level, logger or request context and cannot be filtered in production. Log it through a module logger.',
  },
  check(ctx) {
    const { doc } = ctx;
    for (const call of calls(doc)) {
      if (moduleFunction(doc, call, 'logging') === 'getLogger' || /^structlog\.(get_logger|configure)$/.test(call.callee)) {
        ctx.evidence({ span: doc.span(call.node), note: `logger from \`${call.callee}\`` });
      }
    }
    if (importedFrom(doc, 'loguru').get('logger') === 'logger') {
      const first = doc.captures('(import_from_statement) @i').find(({ node }) => doc.text(node.childForFieldName('module_name') ?? node) === 'loguru');
      if (first) ctx.evidence({ span: doc.span(first.node), note: 'loguru logger' });
    }
    if (isScript(ctx.source.path)) return;
    const service = stackOf(ctx.project).has(WEB_FRAMEWORKS) || definesRoutes(doc) || servesGrpc(doc) || grpcServiceFolder(ctx.project, ctx.source.path);
    if (!service) return;
    const logger = moduleLogger(doc);
    for (const call of calls(doc)) {
      if (call.callee !== 'print' || inMainGuard(doc, call.node)) continue;
      const simple = call.positional.length === 1 && call.args.namedChildren.length === 1;
      ctx.report({
        span: doc.span(call.node),
        messageId: 'print',
        fix: logger && simple ? { title: `Log with ${logger}.info`, suggestion: true, edits: [{ span: doc.span(call.calleeNode as Node), text: `${logger}.info` }] } : undefined,
      });
    }
  },
});
