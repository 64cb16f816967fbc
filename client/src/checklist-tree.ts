import { EventEmitter, MarkdownString, Range, ThemeColor, ThemeIcon, TreeItem, TreeItemCollapsibleState, Uri, type Event, type TreeDataProvider } from 'vscode';
import { CATEGORY_TITLES } from '../../server/src/engine/checklist-items';
import type { AssessmentResult, FolderAssessment, ItemStatus, ProtocolEvidence, ProtocolFinding, ProtocolItem } from '../../server/src/shared/protocol';


const STATUS_ICON: Readonly<Record<ItemStatus, ThemeIcon>> = {
  met: new ThemeIcon('pass-filled', new ThemeColor('testing.iconPassed')),
  partial: new ThemeIcon('circle-large-filled', new ThemeColor('list.warningForeground')),
  gap: new ThemeIcon('error', new ThemeColor('list.errorForeground')),
  'n/a': new ThemeIcon('circle-slash', new ThemeColor('disabledForeground')),
  unknown: new ThemeIcon('question', new ThemeColor('disabledForeground')),
};

export type StatusFilter = 'all' | 'open';

type Node =
  | { kind: 'folder'; folder: FolderAssessment }
  | { kind: 'category'; folder: FolderAssessment; category: string; items: ProtocolItem[] }
  | { kind: 'item'; item: ProtocolItem }
  | { kind: 'evidence'; evidence: ProtocolEvidence }
  | { kind: 'finding'; finding: ProtocolFinding }
  | { kind: 'reason'; text: string };

/**
 * The checklist as a tree: categories → items (status icon, counts) → evidence and
 * findings, each opening its line. Data comes from the server's assessment request.
 */
export class ChecklistTree implements TreeDataProvider<Node> {
  private readonly changed = new EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData: Event<Node | undefined> = this.changed.event;
  private assessment: AssessmentResult | undefined;
  filter: StatusFilter = 'all';

  update(assessment: AssessmentResult | undefined): void {
    this.assessment = assessment;
    this.changed.fire(undefined);
  }

  setFilter(filter: StatusFilter): void {
    this.filter = filter;
    this.changed.fire(undefined);
  }

  getChildren(node?: Node): Node[] {
    const folders = this.assessment?.folders ?? [];
    if (!node) {
      if (folders.length === 1 && folders[0]) return this.categories(folders[0]);
      return folders.map((folder) => ({ kind: 'folder', folder }));
    }
    switch (node.kind) {
      case 'folder':
        return this.categories(node.folder);
      case 'category':
        return node.items.map((item) => ({ kind: 'item', item }));
      case 'item': {
        const children: Node[] = [];
        if (node.item.reason && node.item.evidence.length === 0) children.push({ kind: 'reason', text: node.item.reason });
        children.push(...node.item.findings.map((finding): Node => ({ kind: 'finding', finding })));
        children.push(...node.item.evidence.map((evidence): Node => ({ kind: 'evidence', evidence })));
        return children;
      }
      default:
        return [];
    }
  }

  private categories(folder: FolderAssessment): Node[] {
    const byCategory = new Map<string, ProtocolItem[]>();
    for (const item of folder.items) {
      if (this.filter === 'open' && item.status !== 'gap' && item.status !== 'partial') continue;
      const list = byCategory.get(item.category) ?? [];
      list.push(item);
      byCategory.set(item.category, list);
    }
    return [...byCategory].map(([category, items]) => ({ kind: 'category', folder, category, items }));
  }

  getTreeItem(node: Node): TreeItem {
    switch (node.kind) {
      case 'folder': {
        const item = new TreeItem(node.folder.name, TreeItemCollapsibleState.Expanded);
        item.description = `${node.folder.score}/100 · ${node.folder.verdict}`;
        item.iconPath = new ThemeIcon('root-folder');
        return item;
      }
      case 'category': {
        const item = new TreeItem(CATEGORY_TITLES[node.category as keyof typeof CATEGORY_TITLES] ?? node.category, TreeItemCollapsibleState.Expanded);
        const met = node.items.filter((i) => i.status === 'met').length;
        const open = node.items.filter((i) => i.status === 'gap' || i.status === 'partial').length;
        item.description = `${met} met${open > 0 ? ` · ${open} open` : ''}`;
        item.contextValue = 'category';
        return item;
      }
      case 'item': {
        const { item: entry } = node;
        const hasChildren = entry.findings.length + entry.evidence.length > 0 || !!entry.reason;
        const item = new TreeItem(entry.title, hasChildren ? TreeItemCollapsibleState.Collapsed : TreeItemCollapsibleState.None);
        item.id = `${entry.item}`;
        item.iconPath = STATUS_ICON[entry.status];
        item.description = describeItem(entry);
        item.tooltip = new MarkdownString(`**${entry.title}** — \`${entry.item}\`\n\nStatus: **${entry.status}**${entry.reason ? `\n\n${entry.reason}` : ''}`);
        item.contextValue = `item.${entry.status}`;
        return item;
      }
      case 'finding': {
        const { finding } = node;
        const item = new TreeItem(finding.message, TreeItemCollapsibleState.None);
        item.iconPath = new ThemeIcon(finding.severity === 'error' ? 'error' : finding.severity === 'warning' ? 'warning' : 'info');
        item.description = `${Uri.parse(finding.location.uri).path.split('/').pop()}:${finding.location.line + 1} · ${finding.rule}`;
        item.tooltip = finding.message;
        item.command = openCommand(finding.location.uri, finding.location.line, finding.location.character);
        item.contextValue = 'finding';
        return item;
      }
      case 'evidence': {
        const { evidence } = node;
        const item = new TreeItem(evidence.note, TreeItemCollapsibleState.None);
        item.iconPath = new ThemeIcon('check');
        item.description = `${Uri.parse(evidence.location.uri).path.split('/').pop()}:${evidence.location.line + 1}`;
        item.command = openCommand(evidence.location.uri, evidence.location.line, 0);
        item.contextValue = 'evidence';
        return item;
      }
      case 'reason': {
        const item = new TreeItem(node.text, TreeItemCollapsibleState.None);
        item.iconPath = new ThemeIcon('info');
        item.tooltip = node.text;
        return item;
      }
    }
  }
}

function describeItem(item: ProtocolItem): string {
  if (item.status === 'n/a' || item.status === 'unknown') return item.status;
  const parts: string[] = [item.status];
  if (item.findings.length > 0) parts.push(`${item.findings.length} finding${item.findings.length === 1 ? '' : 's'}`);
  if (item.evidence.length > 0) parts.push(`${item.evidence.length} evidence`);
  return parts.join(' · ');
}

function openCommand(uri: string, line: number, character: number): TreeItem['command'] {
  return {
    command: 'vscode.open',
    title: 'Open',
    arguments: [Uri.parse(uri), { selection: new Range(line, character, line, character) }],
  };
}
