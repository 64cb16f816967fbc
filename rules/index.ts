/**
 * Every rule, by id, in alphabetical order. Explicit so the bundle holds exactly
 * these and `rules-meta.test.ts` can check this map against the files and docs.
 */
import type { AnyRule } from './define-rule';
import dockerfileRequireNonRootUser from './dockerfile/require-non-root-user';

export const RULES: Readonly<Record<string, AnyRule>> = {
  'dockerfile/require-non-root-user': dockerfileRequireNonRootUser,
};

export const ALL_RULES: readonly AnyRule[] = Object.values(RULES);
