import type { DockerfileDocument } from './dockerfile/document';
import { dockerfileTarget } from './dockerfile/target';
import type { Target } from './target';

/** What each target's parser produces; a rule of that target receives it as `ctx.doc`. */
export interface TargetDocuments {
  dockerfile: DockerfileDocument;
}

export type TargetName = keyof TargetDocuments;

export const TARGETS: { readonly [K in TargetName]: Target<TargetDocuments[K]> } = {
  dockerfile: dockerfileTarget,
};

export function isTargetName(kind: string): kind is TargetName {
  return Object.prototype.hasOwnProperty.call(TARGETS, kind);
}
