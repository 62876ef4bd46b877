import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import fs from 'node:fs/promises';
import { applyFileChanges, FileChange } from '../files/applyFileChanges';
import { CurrentFile, decideUpgrade, FileDecision } from './decide';
import { TreeFile } from './files';
import {
  parseScaffoldRecord,
  readScaffoldRecord,
  RECORD_PATH,
  ScaffoldRecord,
  serializeScaffoldRecord,
} from './record';
import { TemplateRenderer } from './renderer';
import {
  formatUpgradeSummary,
  summarizeUpgrade,
  UpgradeSummary,
} from './summary';
import { compareTemplateVersions, templateVersionSchema } from './version';

/** What an upgrade decided and (unless a dry run) did. */
export type UpgradeResult = {
  summary: UpgradeSummary;
  /** The summary as Markdown. */
  markdown: string;
  decisions: FileDecision[];
  /** Paths written or deleted, the record included. */
  changedPaths: string[];
  record: ScaffoldRecord;
};

/** The repository's file at `relative`, with its executable bit; undefined when there is none. */
async function readIfFile(
  root: string,
  relative: string,
): Promise<CurrentFile | undefined> {
  try {
    const file = resolveSafeChildPath(root, relative);
    const [content, stat] = await Promise.all([
      fs.readFile(file),
      fs.stat(file),
    ]);
    return { content, executable: (stat.mode & 0o111) !== 0 };
  } catch {
    return undefined;
  }
}

/** The files the template generated, relative to where its record lands, and that record. */
function splitRender(
  files: TreeFile[],
  label: string,
): { generated: TreeFile[]; record: ScaffoldRecord } {
  const records = files.filter(
    f => f.path === RECORD_PATH || f.path.endsWith(`/${RECORD_PATH}`),
  );
  if (records.length !== 1) {
    throw new InputError(
      `template ${label} ${
        records.length ? 'writes several records' : 'writes no record'
      }: it needs exactly one record, written after every step that writes files (the record input of private-fargate:terraform, or a private-fargate:record step)`,
    );
  }
  const prefix = records[0].path.slice(0, -RECORD_PATH.length);
  return {
    record: parseScaffoldRecord(
      records[0].content.toString('utf8'),
      `the record template ${label} writes`,
    ),
    generated: files
      .filter(f => f.path.startsWith(prefix) && f !== records[0])
      .map(f => ({
        path: f.path.slice(prefix.length),
        content: f.content,
        executable: f.executable,
      })),
  };
}

/**
 * Upgrades the generated repository in `folder` to a newer template version:
 * re-renders from the recorded inputs, updates what the team left alone,
 * never overwrites an edit, and rewrites the record. All or nothing.
 */
export async function upgradeRepository(options: {
  folder: string;
  renderer: TemplateRenderer;
  /** Absent: the template's current version. */
  targetVersion?: string;
  /** Values for parameters the new version adds (override recorded ones). */
  values?: Record<string, unknown>;
  dryRun?: boolean;
  /** The repository's record, when the caller has read it already (readScaffoldRecord). */
  record?: ScaffoldRecord;
}): Promise<UpgradeResult> {
  const { folder } = options;
  const before = options.record ?? readScaffoldRecord(folder);
  const recorded = `${before.template.name}@${before.template.version}`;
  if (options.targetVersion !== undefined) {
    const parsed = templateVersionSchema.safeParse(options.targetVersion);
    if (!parsed.success) {
      throw new InputError(
        `target version "${options.targetVersion}" ${parsed.error.issues[0].message}`,
      );
    }
    if (
      compareTemplateVersions(options.targetVersion, before.template.version) <
      0
    ) {
      throw new InputError(
        `target version ${options.targetVersion} is older than the recorded ${recorded}; upgrades only move forward (give ${before.template.version} or newer)`,
      );
    }
  }

  const rendered = await options.renderer.render({
    templateName: before.template.name,
    targetVersion: options.targetVersion,
    values: { ...before.values, ...options.values },
  });
  const label = `${before.template.name}@${rendered.version}`;
  if (compareTemplateVersions(rendered.version, before.template.version) < 0) {
    throw new InputError(
      `template ${before.template.name} is at ${rendered.version}, older than the recorded ${recorded}; point to the newer template`,
    );
  }
  const { generated, record: renderedRecord } = splitRender(
    rendered.files,
    label,
  );
  if (renderedRecord.template.name !== before.template.name) {
    throw new InputError(
      `template ${label} records itself as ${renderedRecord.template.name}; fix the template its record names (the record's template, or the template's name)`,
    );
  }

  const paths = new Set([
    ...before.files.map(f => f.path),
    ...generated.map(f => f.path),
  ]);
  const current = new Map<string, CurrentFile>();
  for (const path of paths) {
    const file = await readIfFile(folder, path);
    if (file) current.set(path, file);
  }
  const { decisions, manifest } = decideUpgrade({
    manifest: before.files,
    rendered: generated,
    current,
  });

  const changes: FileChange[] = [];
  for (const decision of decisions) {
    if (
      decision.kind === 'add' ||
      decision.kind === 'update' ||
      decision.kind === 'mode'
    ) {
      changes.push({
        path: decision.path,
        content: decision.content,
        executable: decision.executable,
      });
    } else if (decision.kind === 'delete') {
      changes.push({ path: decision.path });
    } else if (
      decision.kind === 'conflict' &&
      decision.newVersionPath &&
      decision.content
    ) {
      const existing = await readIfFile(folder, decision.newVersionPath);
      const executable = decision.executable ?? false;
      if (
        !existing?.content.equals(decision.content) ||
        existing.executable !== executable
      ) {
        changes.push({
          path: decision.newVersionPath,
          content: decision.content,
          executable,
        });
      }
    }
  }
  const record: ScaffoldRecord = { ...renderedRecord, files: manifest };
  const recordText = serializeScaffoldRecord(record);
  const oldRecord = await readIfFile(folder, RECORD_PATH);
  if (oldRecord?.content.toString('utf8') !== recordText) {
    changes.push({ path: RECORD_PATH, content: Buffer.from(recordText) });
  }

  const summary = summarizeUpgrade({
    before,
    after: record,
    changelog: rendered.changelog,
    decisions,
    upToDate: changes.length === 0,
  });
  if (!options.dryRun && changes.length > 0) {
    await applyFileChanges(folder, changes);
  }
  return {
    summary,
    markdown: formatUpgradeSummary(summary),
    decisions,
    changedPaths: changes.map(c => c.path),
    record,
  };
}
