/** The tool's name and version as every output reports them; esbuild inlines package.json. */
import pkg from '../../../package.json';

export const TOOL_NAME = 'readiness';
export const TOOL_VERSION: string = pkg.version;
