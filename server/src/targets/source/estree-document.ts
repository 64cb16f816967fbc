import type { TSESTree } from '@typescript-eslint/typescript-estree';

type Estree = typeof import('@typescript-eslint/typescript-estree');
let estree: Estree | undefined;
/** typescript-estree brings the TypeScript compiler: loaded on the first TS/JS file, not at start-up. */
function loadEstree(): Estree {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deferred on purpose
  estree ??= require('@typescript-eslint/typescript-estree') as Estree;
  return estree;
}
import type { SourceText, Span } from '../../engine/source';

export type EsNode = TSESTree.Node;

/**
 * A TypeScript or JavaScript file parsed with typescript-estree (no type information):
 * the ESTree, its comments, each node's parent, and the nodes of every type indexed
 * once so all rules of the file share one traversal.
 */
export class EstreeDocument {
  readonly ast: TSESTree.Program;
  private readonly byType = new Map<string, EsNode[]>();
  private readonly parents = new WeakMap<EsNode, EsNode>();

  constructor(readonly source: SourceText) {
    const jsx = /\.[jt]sx$/i.test(source.path) || /\.jsx?$/i.test(source.path);
    const { parse, simpleTraverse } = loadEstree();
    this.ast = parse(source.text, { range: true, loc: true, comment: true, jsx, errorOnUnknownASTType: false, allowInvalidAST: true, suppressDeprecatedPropertyWarnings: true });
    simpleTraverse(
      this.ast,
      {
        enter: (node, parent) => {
          if (parent) this.parents.set(node, parent);
          let list = this.byType.get(node.type);
          if (!list) {
            list = [];
            this.byType.set(node.type, list);
          }
          list.push(node);
        },
      },
      true,
    );
  }

  /** Every node of a type (`CallExpression`, `CatchClause`…), in source order. */
  ofType<T extends EsNode['type']>(type: T): Array<Extract<EsNode, { type: T }>> {
    return (this.byType.get(type) ?? []) as Array<Extract<EsNode, { type: T }>>;
  }

  parent(node: EsNode): EsNode | undefined {
    return this.parents.get(node);
  }

  /** The nearest ancestor of one of these types. */
  ancestor(node: EsNode, types: readonly EsNode['type'][]): EsNode | undefined {
    for (let current = this.parents.get(node); current; current = this.parents.get(current)) if (types.includes(current.type)) return current;
    return undefined;
  }

  span(node: EsNode | TSESTree.Comment | TSESTree.Token): Span {
    return { start: node.range[0], end: node.range[1] };
  }

  text(node: EsNode): string {
    return this.source.text.slice(node.range[0], node.range[1]);
  }

  get comments(): readonly TSESTree.Comment[] {
    return this.ast.comments ?? [];
  }

  /** `a.b.c(…)` → "a.b.c"; undefined for calls on computed or call results. */
  static calleeName(node: TSESTree.CallExpression | TSESTree.NewExpression): string | undefined {
    return memberPath(node.callee);
  }
}

/** The dotted path of an identifier or member chain (`process.env.X`), undefined when computed. */
export function memberPath(node: EsNode): string | undefined {
  if (node.type === 'Identifier') return node.name;
  if (node.type === 'ThisExpression') return 'this';
  if (node.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier') {
    const object = memberPath(node.object);
    return object === undefined ? undefined : `${object}.${node.property.name}`;
  }
  if (node.type === 'MemberExpression' && node.computed && node.property.type === 'Literal' && typeof node.property.value === 'string') {
    const object = memberPath(node.object);
    return object === undefined ? undefined : `${object}.${node.property.value}`;
  }
  if (node.type === 'ChainExpression') return memberPath(node.expression);
  if (node.type === 'TSNonNullExpression' || node.type === 'TSAsExpression') return memberPath(node.expression);
  return undefined;
}
