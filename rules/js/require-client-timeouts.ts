import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { memberPath } from '../../server/src/targets/source/estree-document';
import type { FixDescriptor } from '../define-rule';
import { defineRule } from '../define-rule';
import { bindingsOf, calls, FUNCTION_TYPES, nodes, objectArg, property } from './support/estree';

const AXIOS_NO_BODY = new Set(['get', 'delete', 'head', 'options']);
const AXIOS_WITH_BODY = new Set(['post', 'put', 'patch', 'postForm', 'putForm', 'patchForm']);
const GOT_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'stream', 'paginate']);
const DEFAULT_TIMEOUT = 'AbortSignal.timeout(10_000)';

type Options = { kind: 'none' } | { kind: 'literal'; object: TSESTree.ObjectExpression } | { kind: 'unknown' };

/** What a call passes as its options at an index: nothing, an object literal, or something this file cannot see into. */
function optionsAt(call: TSESTree.CallExpression, index: number): Options {
  const arg = call.arguments[index];
  if (!arg) return { kind: 'none' };
  const object = objectArg(arg);
  return object ? { kind: 'literal', object } : { kind: 'unknown' };
}

const hasAny = (object: TSESTree.ObjectExpression, names: string[]) => names.some((n) => property(object, n) !== undefined) || object.properties.some((p) => p.type === 'SpreadElement');

export default defineRule({
  id: 'js/require-client-timeouts',
  target: 'js',
  meta: {
    item: 'reliability.timeouts',
    severity: 'warning',
    description: 'Require a timeout on outbound HTTP calls made with fetch, axios, got and node:http.',
    rationale:
      'axios, got and node:http wait forever by default and fetch waits minutes: when a dependency hangs, every request that calls it hangs too, sockets and memory pile up, and the service stops answering although nothing failed.',
    remediation:
      'Give every call a deadline: `fetch(url, { signal: AbortSignal.timeout(10_000) })`, `axios.create({ timeout: 10_000 })`, got `{ timeout: { request: 10_000 } }`, `http.request(url, { timeout: 10_000 })`, sized to what the caller can wait.',
    fixable: true,
    related: ['semgrep:axios-missing-timeout'],
  },
  messages: {
    fetchNoSignal:
      '`fetch` without a `signal` waits as long as the server keeps the connection open, so a hung dependency hangs this request too. Pass `signal: AbortSignal.timeout(…)` with the longest wait the caller can afford.',
    noTimeout:
      '`{{call}}` has no timeout and waits forever by default, so a hung dependency hangs this request too and sockets pile up. Set `timeout` (or a `signal`) sized to what the caller can wait.',
  },
  check(ctx) {
    const doc = ctx.doc;
    const all = calls(doc);
    const axios = bindingsOf(doc, 'axios').whole;
    const got = bindingsOf(doc, 'got').whole;
    const http = new Set([...bindingsOf(doc, 'http').whole, ...bindingsOf(doc, 'https').whole]);
    const undiciFetch = [...bindingsOf(doc, 'undici').named].filter(([, imported]) => imported === 'fetch').map(([local]) => local);
    const shadowedFetch = nodes(doc, 'VariableDeclarator').some((d) => d.id.type === 'Identifier' && d.id.name === 'fetch') || nodes(doc, 'FunctionDeclaration').some((f) => f.id?.name === 'fetch');
    // Defaults for the whole module: `axios.defaults.timeout = …`, `got.extend({ timeout })` instances.
    const axiosDefault = nodes(doc, 'AssignmentExpression').some((a) => /\.defaults\.timeout$/.test(memberPath(a.left) ?? '') && axios.has((memberPath(a.left) ?? '').split('.')[0] as string));
    const factoryWithTimeout = (names: ReadonlySet<string>, fn: string) =>
      names.size > 0 &&
      all.some(({ node: c, path }) => {
        const [head, tail] = (path ?? '').split('.');
        const options = objectArg(c.arguments[0]);
        return names.has(head as string) && tail === fn && options !== undefined && property(options, 'timeout') !== undefined;
      });
    const axiosInstanceDefault = factoryWithTimeout(axios, 'create');
    const gotInstanceDefault = factoryWithTimeout(got, 'extend');

    const judge = (call: TSESTree.CallExpression, label: string, options: Options, names: string[], note: string) => {
      if (options.kind === 'unknown') return;
      if (options.kind === 'literal' && hasAny(options.object, names)) {
        ctx.evidence({ span: doc.span(call), note });
        return;
      }
      ctx.report({ span: doc.span(call), messageId: 'noTimeout', data: { call: label } });
    };

    for (const { node: call, path = '' } of all) {
      // `head` or `head.method`; longer paths are no client calls.
      const dot = path.indexOf('.');
      if (dot >= 0 && path.indexOf('.', dot + 1) >= 0) continue;
      const head = dot < 0 ? path : path.slice(0, dot);
      const method = dot < 0 ? undefined : path.slice(dot + 1);
      if (method === undefined && ((head === 'fetch' && !shadowedFetch) || undiciFetch.includes(head))) {
        const options = optionsAt(call, 1);
        if (options.kind === 'unknown' || call.arguments.length === 0) continue;
        if (options.kind === 'literal' && hasAny(options.object, ['signal'])) {
          ctx.evidence({ span: doc.span(call), note: 'fetch with an abort signal' });
          continue;
        }
        ctx.report({ span: doc.span(call), messageId: 'fetchNoSignal', fix: fetchFix(call, options) });
      } else if (axios.has(head)) {
        if (axiosDefault) continue;
        if (method === 'create') judge(call, 'axios.create', optionsAt(call, 0), ['timeout'], 'axios instance with a default timeout');
        else if (axiosInstanceDefault) continue;
        else if (method === undefined) judge(call, 'axios', optionsAt(call, call.arguments.length > 1 ? 1 : 0), ['timeout', 'signal'], 'axios call with a timeout');
        else if (method === 'request') judge(call, 'axios.request', optionsAt(call, 0), ['timeout', 'signal'], 'axios call with a timeout');
        else if (AXIOS_NO_BODY.has(method)) judge(call, `axios.${method}`, optionsAt(call, 1), ['timeout', 'signal'], 'axios call with a timeout');
        else if (AXIOS_WITH_BODY.has(method)) judge(call, `axios.${method}`, optionsAt(call, 2), ['timeout', 'signal'], 'axios call with a timeout');
      } else if (got.has(head)) {
        if (method === 'extend') judge(call, 'got.extend', optionsAt(call, 0), ['timeout'], 'got instance with a default timeout');
        else if (gotInstanceDefault) continue;
        else if (method === undefined || GOT_METHODS.has(method)) {
          const url = objectArg(call.arguments[0]);
          judge(call, method ? `got.${method}` : 'got', url ? { kind: 'literal', object: url } : optionsAt(call, 1), ['timeout', 'signal'], 'got call with a timeout');
        }
      } else if (http.has(head) && (method === 'request' || method === 'get')) {
        // `http.request(url, options, cb)` or `http.request(options, cb)`.
        const args = call.arguments.filter((a) => !FUNCTION_TYPES.includes(a.type as string));
        const objects = args.map((a) => objectArg(a)).filter((o): o is TSESTree.ObjectExpression => o !== undefined);
        const opaque = args.some((a) => !objectArg(a) && !(a.type === 'Literal' || a.type === 'TemplateLiteral' || a.type === 'NewExpression'));
        if (objects.some((o) => hasAny(o, ['timeout', 'signal']))) {
          ctx.evidence({ span: doc.span(call), note: `${head}.${method} with a timeout` });
          continue;
        }
        if (opaque || setsTimeoutLater(call)) continue;
        ctx.report({ span: doc.span(call), messageId: 'noTimeout', data: { call: `${head}.${method}` } });
      }
    }

    /** `const req = http.request(…); req.setTimeout(…)` or `http.get(…).setTimeout(…)`. */
    function setsTimeoutLater(call: TSESTree.CallExpression): boolean {
      const parent = doc.parent(call);
      if (parent?.type === 'MemberExpression' && parent.property.type === 'Identifier' && parent.property.name === 'setTimeout') return true;
      if (parent?.type !== 'VariableDeclarator' || parent.id.type !== 'Identifier') return false;
      const name = parent.id.name;
      return all.some(({ path }) => path === `${name}.setTimeout`);
    }
  },
});

/** Adds `signal: AbortSignal.timeout(10_000)` to the call: a suggestion, the right deadline is the caller's to choose. */
function fetchFix(call: TSESTree.CallExpression, options: Options): FixDescriptor | undefined {
  const title = 'Abort the request after 10 seconds with AbortSignal.timeout';
  if (options.kind === 'none') {
    const first = call.arguments[0] as TSESTree.Node;
    return { title, suggestion: true, edits: [{ span: { start: first.range[1], end: first.range[1] }, text: `, { signal: ${DEFAULT_TIMEOUT} }` }] };
  }
  if (options.kind !== 'literal') return undefined;
  const last = options.object.properties[options.object.properties.length - 1];
  if (!last) return { title, suggestion: true, edits: [{ span: { start: options.object.range[0], end: options.object.range[1] }, text: `{ signal: ${DEFAULT_TIMEOUT} }` }] };
  return { title, suggestion: true, edits: [{ span: { start: last.range[1], end: last.range[1] }, text: `, signal: ${DEFAULT_TIMEOUT}` }] };
}
