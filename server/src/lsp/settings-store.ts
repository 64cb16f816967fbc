import type { Connection } from 'vscode-languageserver/node';
import { DEFAULT_SETTINGS, normalizeSettings, SETTINGS_SECTION, type ReadinessSettings } from '../shared/settings';

/**
 * `readiness.*` settings per document. Asked of the client per resource (folders can
 * differ) and cached until the client says they changed; a client that cannot be
 * asked gets the settings it last pushed in `didChangeConfiguration`, else defaults.
 */
export class SettingsStore {
  private readonly byUri = new Map<string, Promise<ReadinessSettings>>();
  private pushed: ReadinessSettings = DEFAULT_SETTINGS;
  canAsk = false;

  constructor(private readonly connection: Connection) {}

  get(uri: string): Promise<ReadinessSettings> {
    if (!this.canAsk) return Promise.resolve(this.pushed);
    let settings = this.byUri.get(uri);
    if (!settings) {
      settings = this.connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION }).then(normalizeSettings, (error: unknown) => {
        this.connection.console.warn(`Could not read the ${SETTINGS_SECTION} settings for ${uri}, using the defaults: ${String(error)}`);
        return DEFAULT_SETTINGS;
      });
      this.byUri.set(uri, settings);
    }
    return settings;
  }

  /** After `workspace/didChangeConfiguration`: drop the cache, keep what a pushing client sent. */
  changed(pushedSettings: unknown): void {
    this.byUri.clear();
    const section = typeof pushedSettings === 'object' && pushedSettings !== null ? (pushedSettings as Record<string, unknown>)[SETTINGS_SECTION] : undefined;
    if (section !== undefined) this.pushed = normalizeSettings(section);
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
  }
}
