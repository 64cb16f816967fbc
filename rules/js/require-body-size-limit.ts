import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { defineRule } from '../define-rule';
import { bindingsOf, calls, objectArg, property, stringValue } from './support/estree';

/** Above this a body limit no longer protects memory: 10 MiB. */
const MAX_BYTES = 10 * 1024 * 1024;
const UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3, tb: 1024 ** 4 };
const PARSERS = ['json', 'urlencoded', 'raw', 'text'];
/** Option names of the limit: body-parser and express `limit`, koa-body `jsonLimit`…, fastify `bodyLimit`. */
const LIMIT_OPTIONS = ['limit', 'jsonLimit', 'formLimit', 'textLimit', 'bodyLimit'];

/** A limit in bytes, as the `bytes` package reads it (`'10mb'`, `1048576`); undefined when not a literal. */
function limitBytes(node: TSESTree.Node): number | undefined {
  if (node.type === 'Literal' && typeof node.value === 'number') return node.value;
  if (node.type === 'Identifier' && node.name === 'Infinity') return Infinity;
  if (node.type === 'BinaryExpression' && node.operator === '*') {
    const left = limitBytes(node.left as TSESTree.Node);
    const right = limitBytes(node.right);
    return left === undefined || right === undefined ? undefined : left * right;
  }
  const text = stringValue(node);
  const match = text === undefined ? null : /^\s*(\d+(?:\.\d+)?)\s*([kmgt]?b)?\s*$/i.exec(text);
  if (!match) return undefined;
  return Number(match[1]) * (UNITS[(match[2] ?? 'b').toLowerCase()] as number);
}

export default defineRule({
  id: 'js/require-body-size-limit',
  target: 'js',
  meta: {
    item: 'security.request-size-limit',
    severity: 'warning',
    description: 'Disallow request body limits above 10 MB in body parsers and servers.',
    rationale:
      'A body parser buffers the whole body in memory before the handler runs. With a limit of hundreds of megabytes a few concurrent requests exhaust the heap and crash the process for every user; a JSON body of that size also blocks the event loop while it parses.',
    remediation:
      'Keep the parser default (100 kB for express and body-parser, 1 MiB for fastify) or set a limit sized for the largest legitimate request; stream uploads to storage instead of parsing them as bodies.',
    fixable: false,
    related: ['semgrep:express-bodyparser-limit'],
  },
  messages: {
    hugeLimit:
      'A body limit of {{limit}} lets a handful of requests exhaust the server memory and block the event loop. Lower it to what the largest legitimate request needs, and stream large uploads instead.',
  },
  check(ctx) {
    const doc = ctx.doc;
    const express = bindingsOf(doc, 'express');
    const bodyParser = bindingsOf(doc, 'body-parser');
    const koaBody = [...bindingsOf(doc, 'koa-body').whole, ...bindingsOf(doc, 'koa-body').named.keys(), ...bindingsOf(doc, 'koa-bodyparser').whole];
    const fastify = [...bindingsOf(doc, 'fastify').whole, ...bindingsOf(doc, 'fastify').named.keys()];
    for (const { node: call, path = '' } of calls(doc)) {
      // The first two segments of the path (`express.json`), without splitting every call's path.
      const dot = path.indexOf('.');
      const head = dot < 0 ? path : path.slice(0, dot);
      const third = dot < 0 ? -1 : path.indexOf('.', dot + 1);
      const fn = dot < 0 ? undefined : path.slice(dot + 1, third < 0 ? undefined : third);
      const isParser =
        (fn !== undefined && PARSERS.includes(fn) && (express.whole.has(head as string) || bodyParser.whole.has(head as string))) ||
        (fn === undefined && PARSERS.includes(express.named.get(path) ?? bodyParser.named.get(path) ?? '')) ||
        (fn === undefined && (koaBody.includes(path) || fastify.includes(path)));
      if (!isParser) continue;
      const options = objectArg(call.arguments[0]);
      for (const name of LIMIT_OPTIONS) {
        const option = property(options, name);
        const bytes = option ? limitBytes(option.value) : undefined;
        if (!option || bytes === undefined) continue;
        if (bytes > MAX_BYTES) ctx.report({ span: doc.span(option), messageId: 'hugeLimit', data: { limit: doc.text(option.value) } });
        else ctx.evidence({ span: doc.span(option), note: `request body limited to ${doc.text(option.value)}` });
      }
    }
  },
});
