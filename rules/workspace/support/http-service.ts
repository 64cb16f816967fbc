import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { ProjectView } from '../../../server/src/engine/project';
import { stackOf, type Dependency } from '../../../server/src/engine/stack';
import { EstreeDocument, memberPath } from '../../../server/src/targets/source/estree-document';
import { importOf, methodCalls, packageCalls } from '../../go/support/go';
import { nodes } from '../../js/support/estree';

/** Where something was found: a workspace-relative file and a 1-based line. */
export interface Where {
  file: string;
  line: number;
}

export interface Found {
  /** What was found: `express`, `net/http`, `axios`… */
  framework: string;
  where: Where;
}

/**
 * Web frameworks by the name a manifest declares them under (npm, Go module path,
 * crate, Maven/Gradle artifact, PyPI). A declared framework means the workspace
 * serves HTTP (or gRPC, for tonic).
 */
const WEB_FRAMEWORKS: ReadonlyArray<{ name: string | RegExp; label: string }> = [
  { name: 'express', label: 'express' },
  { name: 'fastify', label: 'fastify' },
  { name: 'koa', label: 'koa' },
  { name: '@nestjs/core', label: 'NestJS' },
  { name: '@hapi/hapi', label: 'hapi' },
  { name: /^github\.com\/gin-gonic\/gin$/, label: 'gin' },
  { name: /^github\.com\/labstack\/echo(\/v\d+)?$/, label: 'echo' },
  { name: /^github\.com\/go-chi\/chi(\/v\d+)?$/, label: 'chi' },
  { name: /^github\.com\/gofiber\/fiber(\/v\d+)?$/, label: 'fiber' },
  { name: 'github.com/gorilla/mux', label: 'gorilla/mux' },
  { name: 'axum', label: 'axum' },
  { name: 'actix-web', label: 'actix-web' },
  { name: 'warp', label: 'warp' },
  { name: 'rocket', label: 'rocket' },
  { name: 'tonic', label: 'tonic' },
  { name: 'spring-boot-starter-web', label: 'Spring Boot' },
  { name: 'spring-boot-starter-webflux', label: 'Spring WebFlux' },
  { name: /^quarkus-(rest|resteasy|vertx-http|undertow|reactive-routes)/, label: 'Quarkus' },
  { name: /^micronaut-http-server/, label: 'Micronaut' },
  { name: 'fastapi', label: 'FastAPI' },
  { name: 'flask', label: 'Flask' },
  { name: 'django', label: 'Django' },
  { name: 'aiohttp', label: 'aiohttp' },
  { name: 'starlette', label: 'Starlette' },
];

/**
 * HTTP client libraries by declared name. gRPC packages are left out: the same
 * package serves and calls, so declaring it says nothing about outbound calls.
 */
const HTTP_CLIENTS: ReadonlyArray<{ name: string | RegExp; label: string }> = [
  { name: 'axios', label: 'axios' },
  { name: 'got', label: 'got' },
  { name: 'node-fetch', label: 'node-fetch' },
  { name: 'undici', label: 'undici' },
  { name: 'superagent', label: 'superagent' },
  { name: 'reqwest', label: 'reqwest' },
  { name: 'ureq', label: 'ureq' },
  { name: /^github\.com\/go-resty\/resty(\/v\d+)?$/, label: 'resty' },
  { name: 'okhttp', label: 'OkHttp' },
  { name: 'spring-cloud-starter-openfeign', label: 'OpenFeign' },
  { name: 'spring-boot-starter-webflux', label: 'WebClient (WebFlux)' },
  { name: 'requests', label: 'requests' },
  { name: 'httpx', label: 'httpx' },
  { name: 'aiohttp', label: 'aiohttp' },
];

const GO_SERVE = ['ListenAndServe', 'ListenAndServeTLS', 'Serve', 'ServeTLS'];
const GO_CLIENT_CALLS = ['Get', 'Post', 'Head', 'PostForm', 'NewRequest', 'NewRequestWithContext'];
/** Calls that build a Node server or app, whose `.listen(…)` serves HTTP. */
const JS_SERVER_FACTORIES: Readonly<Record<string, string>> = {
  express: 'express',
  'http.createServer': 'Node http',
  'https.createServer': 'Node https',
  'http2.createServer': 'Node http2',
  'http2.createSecureServer': 'Node http2',
  createServer: 'Node http',
  fastify: 'fastify',
  Fastify: 'fastify',
  Koa: 'koa',
};
const JS_CLIENT_CALLS = new Set(['fetch', 'globalThis.fetch', 'http.request', 'https.request', 'http.get', 'https.get']);

const SERVICE = new WeakMap<ProjectView, Found | null>();
const OUTBOUND = new WeakMap<ProjectView, Found | null>();

function memo(cache: WeakMap<ProjectView, Found | null>, project: ProjectView, compute: () => Found | undefined): Found | undefined {
  if (!cache.has(project)) cache.set(project, compute() ?? null);
  return cache.get(project) ?? undefined;
}

function declared(project: ProjectView, table: ReadonlyArray<{ name: string | RegExp; label: string }>): Found | undefined {
  const stack = stackOf(project);
  for (const entry of table) {
    const dep: Dependency | undefined = stack.find(entry.name);
    if (dep) return { framework: entry.label, where: { file: dep.manifest, line: (dep.line ?? 0) + 1 } };
  }
  return undefined;
}

function lineOf(project: ProjectView, file: string, offset: number): number {
  return (project.source(file)?.positionAt(offset).line ?? 0) + 1;
}

/**
 * Whether the workspace serves HTTP, and what says so: a web framework its manifests
 * declare, Go code that imports `net/http` and calls `ListenAndServe`/`Serve`, or
 * TS/JS code calling `.listen(…)` on an express app or `http.createServer(…)`.
 * Undefined when none of these is found. Computed once per project.
 */
export function httpServiceOf(project: ProjectView): Found | undefined {
  return memo(SERVICE, project, () => declared(project, WEB_FRAMEWORKS) ?? goServer(project) ?? jsServer(project));
}

/**
 * Whether the code calls other services over the network: an HTTP client library
 * declared in a manifest (axios, got, node-fetch, undici, reqwest, resty, OkHttp,
 * OpenFeign, WebFlux's WebClient, requests, httpx, aiohttp), Go code calling
 * `http.Get`/`http.Post`/`http.NewRequest…`, or TS/JS code calling `fetch(…)` or
 * `http(s).request`/`get`. Computed once per project.
 */
export function makesOutboundCalls(project: ProjectView): Found | undefined {
  return memo(OUTBOUND, project, () => declared(project, HTTP_CLIENTS) ?? goClient(project) ?? jsClient(project));
}

function* goDocs(project: ProjectView) {
  for (const file of project.files(['go'])) {
    if (!file.production) continue;
    const doc = project.parsed(file.path, 'go');
    if (doc && importOf(doc, 'net/http')) yield { file: file.path, doc };
  }
}

function goServer(project: ProjectView): Found | undefined {
  for (const { file, doc } of goDocs(project)) {
    const call = packageCalls(doc, 'net/http', GO_SERVE)[0] ?? methodCalls(doc, new Set(['ListenAndServe', 'ListenAndServeTLS']))[0];
    if (call) return { framework: 'net/http', where: { file, line: call.call.startPosition.row + 1 } };
  }
  return undefined;
}

function goClient(project: ProjectView): Found | undefined {
  for (const { file, doc } of goDocs(project)) {
    const call = packageCalls(doc, 'net/http', GO_CLIENT_CALLS)[0];
    if (call) return { framework: `http.${call.name}`, where: { file, line: call.call.startPosition.row + 1 } };
  }
  return undefined;
}

function* jsDocs(project: ProjectView) {
  for (const file of project.files(['typescript', 'javascript'])) {
    if (!file.production) continue;
    const doc = project.parsed(file.path, 'js');
    if (doc) yield { file: file.path, doc };
  }
}

/** The server factory an expression is a call of: `express()`, `http.createServer(app)`, `new Koa()`. */
function factoryOf(node: TSESTree.Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'CallExpression' || node.type === 'NewExpression') {
    const name = EstreeDocument.calleeName(node);
    return name === undefined ? undefined : JS_SERVER_FACTORIES[name];
  }
  if (node.type === 'AwaitExpression') return factoryOf(node.argument);
  return undefined;
}

function jsServer(project: ProjectView): Found | undefined {
  for (const { file, doc } of jsDocs(project)) {
    const apps = new Map<string, string>();
    for (const declarator of nodes(doc, 'VariableDeclarator')) {
      const framework = factoryOf(declarator.init);
      if (framework && declarator.id.type === 'Identifier') apps.set(declarator.id.name, framework);
    }
    for (const call of nodes(doc, 'CallExpression')) {
      const callee = call.callee;
      if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier' || callee.property.name !== 'listen') continue;
      const receiver = memberPath(callee.object);
      const framework = (receiver !== undefined ? apps.get(receiver) : undefined) ?? factoryOf(callee.object);
      if (framework) return { framework, where: { file, line: lineOf(project, file, call.range[0]) } };
    }
  }
  return undefined;
}

function jsClient(project: ProjectView): Found | undefined {
  for (const { file, doc } of jsDocs(project)) {
    for (const call of nodes(doc, 'CallExpression')) {
      const name = EstreeDocument.calleeName(call);
      if (name !== undefined && JS_CLIENT_CALLS.has(name)) return { framework: `${name}()`, where: { file, line: lineOf(project, file, call.range[0]) } };
    }
  }
  return undefined;
}

/** `express (package.json:12)`, for messages. */
export function describeFound(found: Found): string {
  return `${found.framework} (${found.where.file}:${found.where.line})`;
}
