import type { Node } from 'web-tree-sitter';
import type { ProjectView } from '../../server/src/engine/project';
import type { SourceText } from '../../server/src/engine/source';
import type { SyntaxDocument } from '../../server/src/targets/source/syntax-document';
import { defineRule } from '../define-rule';
import {
  aliasOf,
  dirOf,
  enclosingFunction,
  frameworkServeCalls,
  goModuleOf,
  importPathsOfText,
  importsOf,
  methodCalls,
  moduleDirOf,
  packageCalls,
  packageName,
  topLevelFunction,
} from './support/go';

const SERVE = new Set(['ListenAndServe', 'ListenAndServeTLS', 'Serve', 'ServeTLS']);
/** Calls that stop a server after the requests in flight: net/http `Shutdown`, gRPC `GracefulStop`. */
const DRAINS = new Set(['Shutdown', 'GracefulStop']);
/** What orchestrators (SIGTERM) and terminals (SIGINT, which `os.Interrupt` is) stop a process with. */
const TERMINATION = new Set(['SIGTERM', 'SIGINT', 'Interrupt']);
const MENTIONS_TERMINATION = /\b(SIGTERM|SIGINT|Interrupt)\b/;
/** Packages whose signal constants are known: any other of their names is not a termination signal. */
const SIGNAL_PACKAGES = ['syscall', 'os', 'golang.org/x/sys/unix'];

export default defineRule({
  id: 'go/require-graceful-shutdown',
  target: 'go',
  meta: {
    item: 'reliability.graceful-shutdown',
    severity: 'warning',
    description: 'Require a `main` that starts a server to handle SIGTERM and shut the server down gracefully.',
    rationale:
      'Kubernetes, systemd and every orchestrator stop a process with SIGTERM; a server that does not catch it dies mid-request, dropping in-flight work and failing the calls a rolling deploy routes to it.',
    remediation:
      'Catch SIGTERM and SIGINT with `signal.NotifyContext`, then call `srv.Shutdown(ctx)` with a deadline so in-flight requests finish before the process exits.',
  },
  messages: {
    noSignalHandling:
      '`{{call}}` starts a server, but neither package main nor the packages of the module it imports catch SIGTERM with `signal.Notify` or `signal.NotifyContext`, so SIGTERM kills it mid-request. Catch the signal and call `Shutdown` with a deadline.',
    otherSignals:
      '`{{call}}` starts a server, but `{{notify}}` catches only {{signals}}, not SIGTERM, so the orchestrator\'s stop kills the server mid-request. Catch `syscall.SIGTERM` too and call `Shutdown` with a deadline.',
  },
  check(ctx) {
    const doc = ctx.doc;
    if (packageName(doc) !== 'main') return;
    const siblingPaths = packageSiblings(ctx.project, ctx.source.path);
    const pkg = new GoPackage(ctx.project, [ctx.source.path, ...siblingPaths], new Map([[ctx.source.path, doc]]));
    const own = notifyCalls(doc);
    const catching = own.filter((n) => catchesTermination(n, pkg));
    for (const n of catching) ctx.evidence({ span: doc.span(n.call), note: `${n.callee} catches termination signals` });
    const drains = methodCalls(doc, DRAINS);
    const main = topLevelFunction(doc, 'main');
    const serves = main ? [...methodCalls(doc, SERVE, main).map((c) => c.call), ...frameworkServeCalls(doc, main).map((c) => c.call)].sort((a, b) => a.startIndex - b.startIndex) : [];
    if (catching.length === 0 && drains.length === 0 && serves.length === 0) return;

    const siblings = () => siblingPaths.map((p) => pkg.doc(p)).filter((d): d is SyntaxDocument => d !== undefined && packageName(d) === 'main');
    const handled = catching.length > 0 || siblings().some((d) => notifyCalls(d).some((n) => catchesTermination(n, pkg)));
    if (handled) for (const { call, receiver, name } of drains) ctx.evidence({ span: doc.span(call), note: `${doc.text(receiver)}.${name} drains the server` });
    if (serves.length === 0 || handled) return;

    // The handler may live in a package of the module that main imports (`signals.SetupSignalHandler()`).
    const imported = importedHandler(ctx.project, ctx.source.path, [doc, ...siblings()]);
    if (imported) {
      for (const found of imported) ctx.evidence({ source: found.source, span: found.doc.span(found.node), note: found.note });
      for (const { call, receiver, name } of drains) ctx.evidence({ span: doc.span(call), note: `${doc.text(receiver)}.${name} drains the server` });
      return;
    }
    const other = [own, ...siblings().map((d) => notifyCalls(d))].flat()[0];
    for (const call of serves) {
      const name = `${doc.text(call.childForFieldName('function') ?? call)}()`;
      if (other) ctx.report({ span: doc.span(call), messageId: 'otherSignals', data: { call: name, notify: other.callee, signals: other.signals } });
      else ctx.report({ span: doc.span(call), messageId: 'noSignalHandling', data: { call: name } });
    }
  },
});

/** A `signal.Notify` or `signal.NotifyContext` call, with what its own file tells of the signals it catches. */
interface NotifyCall {
  call: Node;
  /** The callee as written: `signal.Notify`. */
  callee: string;
  /**
   * Whether SIGTERM or SIGINT is among its signals; package-level variables declared in
   * another file of the package (`shutdownSignals...`) are left to resolve by name.
   */
  catches: boolean | { names: string[] };
  /** The signals as written, for the message: "`syscall.SIGUSR1`, `syscall.SIGUSR2`". */
  signals: string;
}

function notifyCalls(doc: SyntaxDocument): NotifyCall[] {
  return doc.memo('go:notify-calls', () =>
    packageCalls(doc, 'os/signal', ['Notify', 'NotifyContext']).map(({ call, args }) => {
      // The first argument is the channel (Notify) or the parent context (NotifyContext).
      const signals = args.slice(1);
      const callee = doc.text(call.childForFieldName('function') ?? call);
      const written = signals.map((s) => `\`${doc.text(s)}\``).join(', ');
      // No signal at all relays every incoming signal, SIGTERM included.
      if (signals.length === 0) return { call, callee, catches: true, signals: written };
      const names: string[] = [];
      for (const arg of signals) {
        const verdict = signalVerdict(doc, call, arg.type === 'variadic_argument' ? (arg.namedChild(0) ?? arg) : arg);
        if (verdict === true) return { call, callee, catches: true, signals: written };
        if (typeof verdict === 'string') names.push(verdict);
      }
      return { call, callee, catches: names.length > 0 ? { names } : false, signals: written };
    }),
  );
}

/** Whether a signal argument is a termination signal, or the name of a package-level variable to look up elsewhere. */
function signalVerdict(doc: SyntaxDocument, call: Node, expr: Node): boolean | string {
  if (expr.type === 'selector_expression') {
    const field = expr.childForFieldName('field')?.text ?? '';
    if (TERMINATION.has(field)) return true;
    const operand = expr.childForFieldName('operand');
    const known = operand?.type === 'identifier' && SIGNAL_PACKAGES.some((p) => aliasOf(doc, p) === operand.text);
    // Another package's variable (`config.StopSignals`) cannot be read from here: counted, not held against the code.
    return !known;
  }
  if (expr.type === 'identifier') {
    const name = expr.text;
    const local = localValues(doc, call, name);
    if (local.length > 0) return local.some((v) => MENTIONS_TERMINATION.test(v));
    const declared = packageVars(doc).get(name);
    return declared ?? name;
  }
  // An inline list (`[]os.Signal{syscall.SIGTERM}...`) or a conversion: its text tells.
  return MENTIONS_TERMINATION.test(doc.text(expr));
}

const LOCAL_VALUES =
  '[(short_var_declaration left: (expression_list (identifier) @name) right: (expression_list) @value) (assignment_statement left: (expression_list (identifier) @name) right: (expression_list) @value) (var_spec name: (identifier) @name value: (expression_list) @value)]';

/** The values a name is given in the function around the call. */
function localValues(doc: SyntaxDocument, call: Node, name: string): string[] {
  const fn = enclosingFunction(doc, call);
  if (!fn) return [];
  const values: string[] = [];
  for (const { captures } of doc.matches(LOCAL_VALUES, fn)) {
    const n = captures.find((c) => c.name === 'name')?.node;
    const v = captures.find((c) => c.name === 'value')?.node;
    if (n && v && n.text === name) values.push(doc.text(v));
  }
  return values;
}

/** Package-level `var`/`const` names of the file, each with whether its value names a termination signal. */
function packageVars(doc: SyntaxDocument): ReadonlyMap<string, boolean> {
  return doc.memo('go:package-signal-vars', () => {
    const vars = new Map<string, boolean>();
    const root = doc.root;
    for (let i = 0, count = root.namedChildCount; i < count; i++) {
      const decl = root.namedChild(i);
      if (decl?.type !== 'var_declaration' && decl?.type !== 'const_declaration') continue;
      const specs = decl.namedChildren.flatMap((c) => (c?.type === 'var_spec_list' ? c.namedChildren : [c]));
      for (const spec of specs) {
        if (spec?.type !== 'var_spec' && spec?.type !== 'const_spec') continue;
        const value = spec.childForFieldName('value');
        const mentions = value !== null && MENTIONS_TERMINATION.test(doc.text(value));
        for (const name of spec.childrenForFieldName('name')) if (name) vars.set(name.text, (vars.get(name.text) ?? false) || mentions);
      }
    }
    return vars;
  });
}

/** The files of one Go package, parsed on demand, to resolve package-level names across them. */
class GoPackage {
  private readonly docs: Map<string, SyntaxDocument | undefined>;

  constructor(
    private readonly project: ProjectView,
    private readonly paths: readonly string[],
    known: ReadonlyMap<string, SyntaxDocument> = new Map(),
  ) {
    this.docs = new Map(known);
  }

  /** Whether some file declares the name with a termination signal in its value; undefined when none declares it. */
  holdsTermination(name: string): boolean | undefined {
    let found: boolean | undefined;
    for (const path of this.paths) {
      // Only files that spell the name can declare it: the others need no parse.
      if (!this.docs.has(path) && !(this.project.source(path)?.text.includes(name) ?? false)) continue;
      const declared = this.doc(path) && packageVars(this.doc(path) as SyntaxDocument).get(name);
      if (declared !== undefined) found = (found ?? false) || declared;
    }
    return found;
  }

  doc(path: string): SyntaxDocument | undefined {
    if (!this.docs.has(path)) this.docs.set(path, this.project.parsed(path, 'go'));
    return this.docs.get(path);
  }
}

function catchesTermination(notify: NotifyCall, pkg: GoPackage): boolean {
  if (typeof notify.catches === 'boolean') return notify.catches;
  // A name no file of the package declares cannot be read: counted, not held against the code.
  return notify.catches.names.some((name) => pkg.holdsTermination(name) ?? true);
}

function isProductionGo(file: { path: string; production: boolean }): boolean {
  return file.production && !file.path.endsWith('_test.go');
}

/** The other production files of the linted file's directory: the rest of its package. */
function packageSiblings(project: ProjectView, path: string): string[] {
  const dir = dirOf(path);
  return project
    .files(['go'])
    .filter((f) => f.path !== path && isProductionGo(f) && dirOf(f.path) === dir)
    .map((f) => f.path);
}

/**
 * The termination-signal handling (and the drains next to it) in the packages of the
 * module that package main imports, directly or through each other; undefined when none
 * handles SIGTERM. Files are read as text to follow imports and only those importing
 * `os/signal` are parsed, so a large module costs a scan, not a parse of every file.
 */
function importedHandler(project: ProjectView, mainPath: string, mainDocs: readonly SyntaxDocument[]): Array<{ source: SourceText; doc: SyntaxDocument; node: Node; note: string }> | undefined {
  const module = goModuleOf(project, mainPath);
  if (!module) return undefined;
  const byDir = new Map<string, string[]>();
  for (const file of project.files(['go'])) {
    if (!isProductionGo(file)) continue;
    const dir = dirOf(file.path);
    const list = byDir.get(dir);
    if (list) list.push(file.path);
    else byDir.set(dir, [file.path]);
  }
  const visited = new Set([dirOf(mainPath)]);
  const queue: string[] = [];
  const follow = (importPath: string) => {
    const dir = moduleDirOf(module, importPath);
    if (dir === undefined || visited.has(dir) || !byDir.has(dir)) return;
    visited.add(dir);
    queue.push(dir);
  };
  for (const doc of mainDocs) for (const spec of importsOf(doc)) follow(spec.path);
  for (let dir = queue.shift(); dir !== undefined; dir = queue.shift()) {
    const paths = byDir.get(dir) ?? [];
    const pkg = new GoPackage(project, paths);
    const found: Array<{ source: SourceText; doc: SyntaxDocument; node: Node; note: string }> = [];
    for (const path of paths) {
      const text = project.source(path)?.text;
      if (text === undefined) continue;
      if (text.includes('"os/signal"')) {
        const doc = pkg.doc(path);
        const source = project.source(path);
        if (doc && source) {
          for (const n of notifyCalls(doc)) if (catchesTermination(n, pkg)) found.push({ source, doc, node: n.call, note: `${n.callee} catches termination signals` });
        }
      }
      for (const importPath of importPathsOfText(text)) follow(importPath);
    }
    if (found.length === 0) continue;
    // The drains of the package that handles the signal: a server stopped there on SIGTERM.
    for (const path of paths) {
      const text = project.source(path)?.text;
      if (!text || !/\.(Shutdown|GracefulStop)\(/.test(text)) continue;
      const doc = pkg.doc(path);
      const source = project.source(path);
      if (!doc || !source) continue;
      for (const { call, receiver, name } of methodCalls(doc, DRAINS)) found.push({ source, doc, node: call, note: `${doc.text(receiver)}.${name} drains the server` });
    }
    return found;
  }
  return undefined;
}
