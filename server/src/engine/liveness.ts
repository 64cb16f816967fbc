import { isTestPath } from './classify';

/**
 * Whether a file is built and deployed. Test code, examples and fixtures are not:
 * gap findings stay out of them, and evidence there does not count.
 */
export function isProductionPath(relativePath: string): boolean {
  return !isTestPath(relativePath) && !/(^|\/)(examples?|samples?)\//i.test(relativePath);
}

/** Why a file does not count, for the report; undefined for production files. */
export function nonProductionReason(relativePath: string): string | undefined {
  if (isTestPath(relativePath)) return 'test code';
  if (/(^|\/)(examples?|samples?)\//i.test(relativePath)) return 'example code';
  return undefined;
}
