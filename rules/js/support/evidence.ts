/**
 * Helpers of the evidence-only `js/*` rules: routes by path, decorators by name, and
 * recording each piece of evidence once in source order.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { memberPath, type EsNode, type EstreeDocument } from '../../../server/src/targets/source/estree-document';
import { keyName, nodes, objectArg, property, stringValue } from './estree';

const ROUTE_METHODS = new Set(['get', 'head', 'all', 'use', 'route', 'post', 'put', 'patch', 'delete']);

/** Routes registered with a string path: `app.get('/healthz', h)`, `router.get('/metrics', h)`, `fastify.route({ url: '/x' })`. */
export function routePaths(doc: EstreeDocument): ReadonlyArray<{ node: TSESTree.CallExpression; path: string }> {
  return doc.memo('js:route-paths', () => {
    const out: Array<{ node: TSESTree.CallExpression; path: string }> = [];
    for (const call of nodes(doc, 'CallExpression')) {
      const callee = call.callee;
      if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier' || !ROUTE_METHODS.has(callee.property.name)) continue;
      const options = objectArg(call.arguments[0]);
      if (callee.property.name === 'route' && options) {
        const url = stringValue(property(options, 'url')?.value) ?? stringValue(property(options, 'path')?.value);
        if (url !== undefined) out.push({ node: call, path: url });
        continue;
      }
      const path = stringValue(call.arguments[0]);
      if (path !== undefined && path.startsWith('/') && call.arguments.length >= 2) out.push({ node: call, path });
    }
    return out;
  });
}

/** The last segment of a route path: `/internal/healthz/` → `healthz`. */
export function lastSegment(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** Decorators of these names (`@Get('health')`, `@Throttle()`), with their first string argument. */
export function decorators(doc: EstreeDocument, names: ReadonlySet<string>): Array<{ node: TSESTree.Decorator; name: string; arg: string | undefined }> {
  const out: Array<{ node: TSESTree.Decorator; name: string; arg: string | undefined }> = [];
  for (const decorator of nodes(doc, 'Decorator')) {
    const e = decorator.expression;
    const name = e.type === 'CallExpression' ? memberPath(e.callee) : memberPath(e);
    if (!name || !names.has(name)) continue;
    out.push({ node: decorator, name, arg: e.type === 'CallExpression' ? stringValue(e.arguments[0]) : undefined });
  }
  return out;
}

/** Whether an object literal has a property of this name. */
export function hasProperty(object: EsNode | undefined, name: string): boolean {
  const o = objectArg(object);
  return o !== undefined && o.properties.some((p) => p.type === 'Property' && keyName(p.key, p.computed) === name);
}

/** Records each piece of evidence once per node, in source order. */
export function recordInOrder(found: Array<{ node: EsNode; note: string }>, record: (node: EsNode, note: string) => void): void {
  const seen = new Set<string>();
  for (const { node, note } of found.sort((a, b) => a.node.range[0] - b.node.range[0])) {
    const key = `${node.range[0]}:${note}`;
    if (seen.has(key)) continue;
    seen.add(key);
    record(node, note);
  }
}
