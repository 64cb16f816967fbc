import type { Node } from 'web-tree-sitter';
import type { SyntaxDocument } from '../../../server/src/targets/source/syntax-document';
import { libraryCalls, type LibraryCall } from './libraries';
import { calls, importedFrom, stringValue, type Call } from './syntax';

/**
 * Route registrations of FastAPI/Starlette (`@app.get("/x")`, `@router.post`,
 * `app.add_api_route`), Flask (`@app.route`, `@bp.get`, `add_url_rule`), aiohttp
 * (`app.router.add_get`, `@routes.get`) and Django (`path("x/", view)`, `re_path`).
 */
const ROUTE_METHODS = new Set([
  'get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'route', 'api_route', 'websocket', 'mount',
  'add_api_route', 'add_url_rule', 'add_route', 'add_get', 'add_post', 'add_put', 'add_patch', 'add_delete', 'add_head', 'add_view',
]);
const DJANGO_ROUTES = new Set(['path', 're_path', 'url']);

export interface Route {
  call: Call;
  /** The path as written, without a regex's `^`/`$` anchors: `/healthz`, `health/`. */
  path: string;
  pathNode: Node;
}

/** Every route a module registers, with its path when given as a plain string. */
export function routes(doc: SyntaxDocument): Route[] {
  const out: Route[] = [];
  let django: Map<string, string> | undefined;
  for (const call of calls(doc)) {
    const first = call.positional[0];
    const path = stringValue(doc, first);
    if (path === undefined || !first) continue;
    const dot = call.callee.lastIndexOf('.');
    const method = call.callee.slice(dot + 1);
    let isRoute = false;
    if (dot > 0) isRoute = ROUTE_METHODS.has(method) && (path.startsWith('/') || path === '');
    else if (DJANGO_ROUTES.has(method)) {
      django ??= new Map([...importedFrom(doc, 'django.urls'), ...importedFrom(doc, 'django.conf.urls')]);
      isRoute = django.has(method);
    }
    if (isRoute) out.push({ call, path: path.replace(/^\^/, '').replace(/\$$/, ''), pathNode: first });
  }
  return out;
}

/** Whether a route path is the given endpoint (`/metrics`, `metrics/`, `/internal/metrics`, `^metrics/?$`). */
export function isPath(path: string, names: RegExp): boolean {
  const trimmed = path.replace(/\/\??$/, '').replace(/^\//, '');
  const last = trimmed.slice(trimmed.lastIndexOf('/') + 1);
  return names.test(last);
}

/** Whether a module defines HTTP routes (so prints in it are server code). */
export function definesRoutes(doc: SyntaxDocument): boolean {
  return routes(doc).length > 0;
}

/**
 * Whether a module is (part of) a gRPC server: it creates one (`grpc.server(…)`,
 * `grpc.aio.server(…)`), registers a servicer on one (`add_OrdersServicer_to_server`) or
 * implements a servicer (`class Orders(orders_pb2_grpc.OrdersServicer)`).
 */
export function servesGrpc(doc: SyntaxDocument): boolean {
  return doc.memo('python:serves-grpc', () => {
    if (libraryCalls(doc, GRPC_SERVERS).length > 0) return true;
    if (calls(doc).some((c) => /(^|\.)add_\w+Servicer_to_server$/.test(c.callee))) return true;
    const root = doc.root;
    for (let i = 0, count = root.namedChildCount; i < count; i++) {
      let node = root.namedChild(i);
      if (node?.type === 'decorated_definition') node = node.childForFieldName('definition');
      if (node?.type !== 'class_definition') continue;
      const bases = node.childForFieldName('superclasses')?.namedChildren ?? [];
      if (bases.some((b) => b !== null && (b.type === 'identifier' || b.type === 'attribute') && /(^|\.)\w+Servicer$/.test(doc.text(b)))) return true;
    }
    return false;
  });
}

const GRPC_SERVERS: readonly LibraryCall[] = [
  { module: 'grpc', names: ['server'], note: 'gRPC server' },
  { module: 'grpc.aio', names: ['server'], note: 'gRPC server' },
];
