import { TreeFile } from './files';
import { compareTemplateVersions } from './version';

/** The name of the changelog a template keeps beside its `template.yaml`. */
export const CHANGELOG_PATH = 'CHANGELOG.md';

/** One version's entry of a template's changelog. */
export type ChangelogEntry = { version: string; text: string };

const VERSION_HEADING = /^##\s+v?(\d+\.\d+\.\d+)\s*$/;
const ANY_HEADING = /^#{1,2}\s/;

/** The changelog among a template's files, when it keeps one. */
export function changelogOf(files: TreeFile[]): string | undefined {
  return files
    .find(file => file.path === CHANGELOG_PATH)
    ?.content.toString('utf8');
}

/**
 * The entries of a changelog (`## <version>` headings, as our templates write them) newer than
 * `from` and no newer than `to`, newest first: what a repository at `from` gets by upgrading.
 */
export function changelogBetween(
  markdown: string,
  from: string,
  to: string,
): ChangelogEntry[] {
  const entries: Array<{ version: string; lines: string[] }> = [];
  let current: { version: string; lines: string[] } | undefined;
  for (const line of markdown.split(/\r?\n/)) {
    const version = VERSION_HEADING.exec(line)?.[1];
    if (version) {
      current = { version, lines: [] };
      entries.push(current);
    } else if (ANY_HEADING.test(line)) {
      current = undefined;
    } else {
      current?.lines.push(line);
    }
  }
  return entries
    .filter(
      entry =>
        compareTemplateVersions(entry.version, from) > 0 &&
        compareTemplateVersions(entry.version, to) <= 0,
    )
    .sort((a, b) => compareTemplateVersions(b.version, a.version))
    .map(entry => ({
      version: entry.version,
      text: entry.lines.join('\n').trim(),
    }))
    .filter(entry => entry.text.length > 0);
}
