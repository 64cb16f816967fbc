import * as path from 'node:path';
import { isMap } from 'yaml';
import type { ProjectView } from '../../../server/src/engine/project';
import type { SourceText } from '../../../server/src/engine/source';
import type { Edit } from '../../../server/src/engine/types';
import { ComposeDocument, type ComposeService } from '../../../server/src/targets/compose/document';
import { parseImageRef } from '../../../server/src/targets/dockerfile/stages';
import { num, pairOf, str } from '../../../server/src/targets/yaml/nodes';
import { parseYamlFile } from '../../../server/src/targets/yaml/yaml-file';
import { containerInsertion } from '../../k8s/support/edits';

/** Profiles that only a developer or a test run switches on: their services are not deployed. */
const NON_PRODUCTION_PROFILES = new Set([
  'dev', 'develop', 'development', 'local', 'debug', 'test', 'tests', 'testing', 'e2e', 'ci',
]);
/** Profiles of hand-run tools: a service only under these runs once and exits. */
const TOOL_PROFILES = new Set([
  'tools', 'tool', 'cli', 'admin', 'ops', 'scripts', 'script', 'utils', 'util', 'manual', 'job', 'jobs', 'oneshot', 'one-shot',
  'migrate', 'migration', 'migrations', 'setup', 'init', 'seed', 'bootstrap',
]);
/** Images whose only job is a one-off task. */
const ONE_SHOT_IMAGES = new Set(['flyway/flyway', 'redgate/flyway', 'liquibase/liquibase', 'migrate/migrate', 'arigaio/atlas', 'amazon/aws-cli', 'minio/mc', 'curlimages/curl']);
/** Commands that run a task to completion: migrations, seeds, bucket and topic creation. */
const ONE_SHOT_COMMAND =
  /(^|[\s/:"'])(migrate|migrations?|db:migrate|db:seed|seed|alembic|flyway|liquibase|create-?buckets?|create-?topics?|kafka-topics(\.sh)?|mc\s+(mb|alias|admin))(?=[\s.:"']|$)/;

/** Service names of one-off tasks. */
const ONE_SHOT_NAME = /(^|[-_])(migrat(e|ion|ions|or|ions?-job)|seed(er)?|init|setup|bootstrap|provision(er)?|create-?buckets?)([-_]|$)/;

/** Whether a service belongs to what is deployed, and why not. */
export function nonProductionReason(doc: ComposeDocument, service: ComposeService): string | undefined {
  if (doc.purpose !== 'production') return `the file is for ${doc.purpose}`;
  const profiles = service.profiles();
  if (profiles.length > 0 && profiles.every((p) => NON_PRODUCTION_PROFILES.has(p.toLowerCase()))) return `it only runs under the ${profiles.join('/')} profile`;
  const replicas = num(service.field('scale')) ?? num(serviceDeploy(service, 'replicas'));
  if (replicas === 0) return 'it is scaled to zero';
  const development = developmentSetup(service);
  if (development) return development;
  // A file whose every built service is a development setup is a development environment,
  // whatever its name: its databases and proxies only serve that setup.
  const built = doc.services.filter((s) => s.hasBuild);
  if (built.length > 0 && built.every((s) => developmentSetup(s) !== undefined)) return 'every service the file builds is a development setup';
  return undefined;
}

/** Build targets that name a development stage of the Dockerfile. */
const DEVELOPMENT_TARGETS = new Set(['dev', 'develop', 'development', 'debug', 'local', 'dev-envs', 'devcontainer']);

/**
 * Why a built service is a development setup rather than what ships: it builds the
 * Dockerfile's development stage (`target: development`), or it mounts its own build
 * context over the image (`./backend:/usr/src/app`) to run the working tree with live
 * reload. Undefined otherwise.
 */
function developmentSetup(service: ComposeService): string | undefined {
  if (!service.hasBuild) return undefined;
  const build = service.buildDockerfile();
  if (build?.target && DEVELOPMENT_TARGETS.has(build.target.toLowerCase())) return `it builds the ${build.target} stage of its Dockerfile`;
  const context = buildContextOf(service);
  if (context === undefined) return undefined;
  const dir = path.posix.dirname(service.doc.source.path);
  for (const mount of service.mounts()) {
    if (mount.type !== 'bind' || mount.readOnly || mount.source === undefined || !/^\.{1,2}(\/|$)/.test(mount.source)) continue;
    const source = path.posix.normalize(path.posix.join(dir === '.' ? '' : dir, mount.source)).replace(/\/$/, '') || '.';
    if (source === context || context.startsWith(`${source === '.' ? '' : `${source}/`}`)) return `it mounts its source tree ${mount.source} over the image to run it with live reload`;
  }
  return undefined;
}

/** The workspace-relative build context of a service, when it is a local folder written without variables. */
function buildContextOf(service: ComposeService): string | undefined {
  const field = service.doc.deref(service.field('build'));
  const context = isMap(field) ? str(service.doc.deref(pairOf(field, 'context')?.value)) ?? '.' : str(field);
  if (context === undefined || context.includes('$') || /^[a-z][a-z0-9+.-]*:\/\//i.test(context) || context.startsWith('git@')) return undefined;
  const dir = path.posix.dirname(service.doc.source.path);
  return path.posix.normalize(path.posix.join(dir === '.' ? '' : dir, context)).replace(/\/$/, '') || '.';
}

/**
 * Why a service runs once and exits rather than serving (a migration, a seed, a
 * bucket-creation job, a hand-run tool), or undefined for a long-running service.
 */
export function oneShotReason(doc: ComposeDocument, service: ComposeService): string | undefined {
  for (const other of doc.services) {
    if (other.dependsOn().some((d) => d.service === service.name && d.condition === 'service_completed_successfully')) {
      return `service "${other.name}" waits for it to complete`;
    }
  }
  const profiles = service.profiles();
  if (profiles.length > 0 && profiles.every((p) => TOOL_PROFILES.has(p.toLowerCase()))) return `it only runs under the ${profiles.join('/')} profile`;
  const image = service.resolvedImage;
  if (image && ONE_SHOT_IMAGES.has(parseImageRef(image).path)) return 'its image runs a one-off task';
  const words = [...(service.entrypoint() ?? []), ...(service.command() ?? [])].join(' ').toLowerCase();
  // What the container ends up running decides: `migrate && gunicorn app` serves, `npm start` after a seed serves.
  const last = words.split(/&&|\|\||;/).pop()?.trim() ?? '';
  if (ONE_SHOT_COMMAND.test(last)) return 'its command runs a one-off task';
  if (ONE_SHOT_NAME.test(service.name.toLowerCase()) && (!words || ONE_SHOT_COMMAND.test(words)) && !service.has('ports')) return 'its name says it is a one-off task';
  return undefined;
}

/**
 * Whether what a service leaves out can be judged here: not an overlay fragment of a
 * service defined in another file, not extending one from another file.
 */
export function isComplete(service: ComposeService): boolean {
  return !service.isFragment && !service.extendsOtherFile;
}

/** A long-running, deployed, complete service: what the "require" rules judge. */
export function isJudgedServer(doc: ComposeDocument, service: ComposeService): boolean {
  return isComplete(service) && nonProductionReason(doc, service) === undefined && oneShotReason(doc, service) === undefined;
}

/** `deploy.<key>…` of a service, aliases followed. */
export function serviceDeploy(service: ComposeService, ...keys: string[]): unknown {
  let node: unknown = service.field('deploy');
  for (const key of keys) {
    node = service.doc.deref(pairOf(node, key)?.value);
    if (node === undefined || node === null) return undefined;
  }
  return node;
}

const siblingCache = new WeakMap<SourceText, ComposeDocument | undefined>();

function composeDocumentOf(source: SourceText): ComposeDocument | undefined {
  if (!siblingCache.has(source)) {
    const parsed = parseYamlFile(source).doc;
    siblingCache.set(source, parsed ? new ComposeDocument(parsed, source) : undefined);
  }
  return siblingCache.get(source);
}

/**
 * The same service in the other deployed Compose files of this folder (an override or a
 * `docker-compose.prod.yml` merged on top with `-f`), where a setting left out here may
 * be made. Development and test files do not count.
 */
export function siblingServices(project: ProjectView, doc: ComposeDocument, service: ComposeService): ComposeService[] {
  const dir = path.posix.dirname(doc.source.path);
  const out: ComposeService[] = [];
  for (const file of project.files(['compose'])) {
    if (file.path === doc.source.path || path.posix.dirname(file.path) !== dir || !file.production) continue;
    const source = project.source(file.path);
    const sibling = source && composeDocumentOf(source);
    if (!sibling || sibling.purpose !== 'production') continue;
    const same = sibling.service(service.name);
    if (same) out.push(same);
  }
  return out;
}

/** The first sibling-file definition of the service that sets this key. */
export function setInSibling(project: ProjectView, doc: ComposeDocument, service: ComposeService, key: string): ComposeService | undefined {
  return siblingServices(project, doc, service).find((s) => s.has(key));
}

/** An edit adding lines at the end of a block-style service map; undefined for flow maps. */
export function serviceInsertion(source: SourceText, service: ComposeService, lines: readonly string[]): Edit | undefined {
  return containerInsertion(source, service.node, lines);
}
