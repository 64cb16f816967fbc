import type { FileKind } from '../engine/classify';
import type { ComposeDocument } from './compose/document';
import { composeTarget } from './compose/target';
import type { DockerfileDocument } from './dockerfile/document';
import { dockerfileTarget } from './dockerfile/target';
import type { K8sDocument, K8sParsed } from './k8s/document';
import { k8sTarget } from './k8s/target';
import type { ProjectView } from '../engine/project';
import { goTarget, javaTarget, jsTarget, pythonTarget, rustTarget } from './source/targets';
import type { EstreeDocument } from './source/estree-document';
import type { SyntaxDocument } from './source/syntax-document';
import type { Target } from './target';

/** What each target hands its rules as `ctx.doc`. */
export interface TargetDocuments {
  compose: ComposeDocument;
  dockerfile: DockerfileDocument;
  k8s: K8sDocument;
  /** Workspace-wide rules run once per scan over the whole project. */
  workspace: ProjectView;
  /** TypeScript and JavaScript (typescript-estree). */
  js: EstreeDocument;
  go: SyntaxDocument;
  rust: SyntaxDocument;
  java: SyntaxDocument;
  python: SyntaxDocument;
}

/** What each target's parser produces (cached by content). */
export interface TargetParsed {
  compose: ComposeDocument;
  dockerfile: DockerfileDocument;
  k8s: K8sParsed;
  workspace: ProjectView;
  js: EstreeDocument;
  go: SyntaxDocument;
  rust: SyntaxDocument;
  java: SyntaxDocument;
  python: SyntaxDocument;
}

export type TargetName = keyof TargetDocuments;

export const TARGETS: { readonly [K in TargetName]: Target<TargetParsed[K], TargetDocuments[K]> } = {
  compose: composeTarget,
  dockerfile: dockerfileTarget,
  k8s: k8sTarget,
  workspace: {
    name: 'workspace',
    parse: () => ({ doc: undefined, problems: [] }),
    comments: () => [],
  },
  js: jsTarget,
  go: goTarget,
  rust: rustTarget,
  java: javaTarget,
  python: pythonTarget,
};

const TARGET_OF_KIND: Partial<Readonly<Record<FileKind, TargetName>>> = {
  compose: 'compose',
  dockerfile: 'dockerfile',
  yaml: 'k8s',
  'helm-template': 'k8s',
  kustomization: 'k8s',
  typescript: 'js',
  javascript: 'js',
  go: 'go',
  rust: 'rust',
  java: 'java',
  python: 'python',
};

/** The target that parses a kind of file, if any. */
export function targetOfKind(kind: FileKind): TargetName | undefined {
  return TARGET_OF_KIND[kind];
}

export function isTargetName(name: string): name is TargetName {
  return Object.prototype.hasOwnProperty.call(TARGETS, name);
}
