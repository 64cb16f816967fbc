import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import type { Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import type { AnyRule } from '../../../rules/define-rule';
import { classify, type FileKind } from '../engine/classify';
import { DEFAULT_CONFIG, type ResolvedConfig } from '../engine/config';
import { lintDocument } from '../engine/lint-document';
import { emptyProject, Project, type K8sSnapshot, type ProjectFile, type ProjectView } from '../engine/project';
import { ProjectIndex } from './project-index';
import { loadGrammars, treeSitterLanguageOf } from '../targets/source/grammars';
import { ParseCache } from '../engine/parse-cache';
import { SourceText } from '../engine/source';
import type { FileProblem, Finding, WorkspaceView } from '../engine/types';
import type { ReadinessSettings } from '../shared/settings';
import { isBinaryText } from './binary';
import { findingToDiagnostic, problemToDiagnostic } from './convert';
import type { Location, WorkspaceModel } from './workspace';

/** Kinds whose findings depend on other files of the project, and whose own text decides other files' findings. */
const PROJECT_KINDS: ReadonlySet<FileKind> = new Set(['yaml', 'helm-template', 'helm-values', 'kustomization', 'compose']);

/** One lint of one version of a document: what diagnostics and code actions both read. */
export interface LintOutcome {
  uri: string;
  version: number;
  generation: number;
  location: Location;
  kind: FileKind;
  source: SourceText;
  findings: Finding[];
  problems: FileProblem[];
  diagnostics: Diagnostic[];
}

export interface OpenDocuments {
  get(uri: string): TextDocument | undefined;
}

/** The editor's buffers, all of which the linter may need to look at. */
export interface OpenBuffers extends OpenDocuments {
  all(): TextDocument[];
}

/** Buffers whose text decides a project's Kubernetes objects. */
const MANIFEST_EXTENSIONS = /\.(ya?ml|tpl)$/i;
/**
 * How long a project's Kubernetes objects are reused without a word from the client:
 * editors that report file changes invalidate them at once; for the others, a
 * manifest changed on disk shows within this.
 */
const K8S_SNAPSHOT_MS = 2_000;

/**
 * Lints editor buffers with the engine exactly as the CLI lints files on disk: same
 * root-relative path, kind, configuration, ignore rules and size limits, so both
 * report the same findings. The last outcome per document is kept so code actions on
 * the version the diagnostics came from do not lint again; the parse cache is shared
 * by everything this server lints.
 */
export class DocumentLinter {
  private readonly cache = new ParseCache();
  /** Each root's files, for rules that look across files. */
  readonly projects = new ProjectIndex();
  private readonly outcomes = new Map<string, LintOutcome>();
  /**
   * Each root's Kubernetes objects, reused by the next lints while their files stand: a
   * Dockerfile's rules look up the workloads running its image on every keystroke.
   */
  private readonly k8sSnapshots = new Map<string, { files: readonly ProjectFile[]; generation: number; manifests: string; at: number; snapshot: K8sSnapshot }>();
  /** Bumped when anything but the text changes what a lint yields (settings, config, watched files). */
  private generationCounter = 0;

  constructor(
    private readonly rules: readonly AnyRule[],
    private readonly model: WorkspaceModel,
    private readonly documents: OpenBuffers,
  ) {}

  get generation(): number {
    return this.generationCounter;
  }

  invalidate(): void {
    this.generationCounter++;
    this.outcomes.clear();
  }

  forget(uri: string): void {
    this.outcomes.delete(uri);
  }

  /** Whether a kept lint of a document under `root` read other files of the project (a manifest, a chart's values). */
  dependsOnProject(root: string): boolean {
    return [...this.outcomes.values()].some((o) => o.location.root === root && PROJECT_KINDS.has(o.kind));
  }

  /** Loads what linting the document needs first (its tree-sitter grammar), once per language. */
  async prepare(document: TextDocument): Promise<void> {
    const language = treeSitterLanguageOf(classify(URI.parse(document.uri).path.split('/').pop() ?? ''));
    if (language) await loadGrammars([language]);
  }

  /** The outcome for the document's current version, linting only when there is none yet. */
  lint(document: TextDocument, settings: ReadinessSettings, isCancelled?: () => boolean): LintOutcome {
    const known = this.outcomes.get(document.uri);
    if (known && known.version === document.version && known.generation === this.generationCounter) return known;
    const outcome = this.run(document, settings, isCancelled);
    this.outcomes.set(document.uri, outcome);
    return outcome;
  }

  private run(document: TextDocument, settings: ReadinessSettings, isCancelled?: () => boolean): LintOutcome {
    const location = this.model.locate(document.uri, document.languageId);
    const source = new SourceText(location.relativePath, document.getText());
    const kind: FileKind = document.languageId === 'dockerfile' ? 'dockerfile' : classify(location.relativePath, { hasFile: (p) => this.hasFile(location.root, p) });
    const outcome: LintOutcome = {
      uri: document.uri,
      version: document.version,
      generation: this.generationCounter,
      location,
      kind,
      source,
      findings: [],
      problems: [],
      diagnostics: [],
    };
    if (!settings.enable) return outcome;
    const state = location.root !== undefined ? this.model.state(location.root) : undefined;
    if (state?.filter.isIgnored(location.relativePath)) return outcome;
    const derived = derivedSettings(settings);
    if (derived.ignored?.(location.relativePath)) return outcome;
    const config = derived.config(state?.config ?? DEFAULT_CONFIG);
    // The CLI skips these files with a reason; an editor shows nothing rather than guess.
    if (Buffer.byteLength(source.text, 'utf8') > config.maxFileSize || isBinaryText(source.text)) return outcome;

    this.cache.sweep();
    const workspace = this.workspaceView(location.root);
    let project: ProjectView = emptyProject();
    let remember: (() => void) | undefined;
    if (location.root !== undefined) {
      const root = location.root;
      const files = this.projects.files(root, config, location.relativePath);
      // A manifest being edited changes the objects with every keystroke: nothing to reuse.
      const reusable = !PROJECT_KINDS.has(kind);
      const manifests = reusable ? this.openManifests(root) : '';
      const known = this.k8sSnapshots.get(root);
      const fresh =
        reusable && known && known.files === files && known.generation === this.generationCounter && known.manifests === manifests && Date.now() - known.at < K8S_SNAPSHOT_MS;
      const built = new Project({ classified: files }, workspace, this.cache, fresh ? known.snapshot : undefined);
      project = built;
      if (reusable && !fresh) {
        remember = () => {
          if (built.hasK8sObjects) this.k8sSnapshots.set(root, { files, generation: this.generationCounter, manifests, at: Date.now(), snapshot: built.k8sSnapshot() });
        };
      }
    }
    // lintDocument keeps the findings of this file, and gives a chart's values.yaml those its templates point at.
    const result = lintDocument(source, kind, { rules: this.rules, config, workspace, cache: this.cache, project, isCancelled });
    remember?.();
    outcome.findings = result.findings.filter((f) => f.file === source.path);
    outcome.problems = result.problems.filter((p) => p.file === source.path);
    outcome.diagnostics = [...outcome.findings.map(findingToDiagnostic), ...outcome.problems.map((p) => problemToDiagnostic(p, source))];
    // Nothing holds the trees this lint superseded once it is over: free them now rather than at the next lint.
    this.cache.sweep();
    return outcome;
  }

  /** The versions of the open manifests under `root`: their buffers, not the disk, are what a project reads. */
  private openManifests(root: string): string {
    const prefix = URI.file(root).toString();
    return this.documents
      .all()
      .filter((d) => d.uri.startsWith(prefix) && MANIFEST_EXTENSIONS.test(d.uri))
      .map((d) => `${d.uri}@${d.version}`)
      .join('\n');
  }

  private openDocument(root: string, relativePath: string): TextDocument | undefined {
    return this.documents.get(URI.file(path.join(root, relativePath)).toString());
  }

  private hasFile(root: string | undefined, relativePath: string): boolean {
    if (root === undefined) return false;
    return this.openDocument(root, relativePath) !== undefined || existsSync(path.join(root, relativePath));
  }

  private workspaceView(root: string | undefined): WorkspaceView {
    return {
      hasFile: (relativePath) => this.hasFile(root, relativePath),
      readText: (relativePath) => {
        if (root === undefined) return undefined;
        const open = this.openDocument(root, relativePath);
        if (open) return open.getText();
        try {
          return readFileSync(path.join(root, relativePath), 'utf8');
        } catch {
          return undefined;
        }
      },
    };
  }
}

/** What a lint derives from the editor settings, worked out once per settings object rather than per keystroke. */
interface DerivedSettings {
  /** `readiness.ignore` as a matcher; undefined when it lists nothing. */
  ignored: ((relativePath: string) => boolean) | undefined;
  /** The root's configuration with `readiness.rules` and `readiness.items` on top. */
  config(base: ResolvedConfig): ResolvedConfig;
}

const derivedBySettings = new WeakMap<ReadinessSettings, DerivedSettings>();

function derivedSettings(settings: ReadinessSettings): DerivedSettings {
  let derived = derivedBySettings.get(settings);
  if (!derived) {
    const configs = new WeakMap<ResolvedConfig, ResolvedConfig>();
    derived = {
      ignored: settings.ignore.length > 0 ? picomatch(settings.ignore as string[], { dot: true }) : undefined,
      config(base) {
        let config = configs.get(base);
        if (!config) {
          config = withOverrides(base, settings);
          configs.set(base, config);
        }
        return config;
      },
    };
    derivedBySettings.set(settings, derived);
  }
  return derived;
}

/** `readiness.rules` from the editor settings, on top of `.readiness.yaml`. */
function withOverrides(config: ResolvedConfig, settings: ReadinessSettings): ResolvedConfig {
  const overrides = Object.entries(settings.rules);
  const items = Object.entries(settings.items);
  if (overrides.length === 0 && items.length === 0) return config;
  const disabledItems = new Set(config.disabledItems);
  for (const [id, state] of items) {
    if (state === 'off') disabledItems.add(id);
    else disabledItems.delete(id);
  }
  return { ...config, rules: new Map([...config.rules, ...overrides]), disabledItems };
}
