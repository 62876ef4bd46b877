import {
  manifestEntry,
  NEW_VERSION_SUFFIX,
  ScaffoldRecord,
  sha256,
} from './record';
import { TreeFile } from './files';

/** Why a generated file needs a person: the team changed it and so did the template. */
export type ConflictReason =
  /** The team edited the file and the new version changes it too. */
  | 'edited'
  /** The team deleted the file and the new version changes it. */
  | 'deleted-by-team'
  /** The new version adds a file the team already has, with other content. */
  | 'exists'
  /** The new version no longer generates the file, but the team edited it: kept. */
  | 'removed-but-edited';

/** What the upgrade does with one path. */
export type FileDecision =
  | {
      path: string;
      kind: 'add' | 'update';
      content: Buffer;
      executable: boolean;
    }
  /** Only the executable bit changes: `content` is the repository's, rewritten with it. */
  | { path: string; kind: 'mode'; content: Buffer; executable: boolean }
  | { path: string; kind: 'delete' }
  | {
      path: string;
      kind: 'conflict';
      reason: ConflictReason;
      /** Where the new version is written for the team to merge, when there is one. */
      newVersionPath?: string;
      content?: Buffer;
      /** The new version's executable bit, for the file beside. */
      executable?: boolean;
    }
  | {
      path: string;
      kind: 'keep';
      reason:
        | 'up-to-date'
        | 'edited-template-unchanged'
        | 'deleted-template-unchanged';
    };

/** The decisions for every generated path, and the manifest to record afterwards. */
export type UpgradeDecisions = {
  decisions: FileDecision[];
  manifest: ScaffoldRecord['files'];
};

/** A file of the repository as the upgrade finds it. */
export type CurrentFile = { content: Buffer; executable: boolean };

/**
 * The executable bit to keep, by the same three-way rule as the content: the template's
 * new bit where the team left the recorded one, the team's where the template did not change
 * it. `base` is undefined for a file the template did not generate before: the team's.
 */
function mergeExecutable(
  base: boolean | undefined,
  current: boolean,
  next: boolean,
): boolean {
  if (current === next || base === undefined || base === next) return current;
  return next;
}

/**
 * Decides, file by file, how to move a repository from its recorded render to
 * a new render, without ever overwriting or deleting a team's edit. Pure: reads
 * nothing and writes nothing. `current` holds the repository's copies of the
 * paths in the old manifest or the new render (absent when missing). The
 * executable bit is merged like the content (see mergeExecutable); a file whose
 * bit alone changes gets a `mode` decision.
 */
export function decideUpgrade(options: {
  manifest: ScaffoldRecord['files'];
  rendered: TreeFile[];
  current: Map<string, CurrentFile>;
}): UpgradeDecisions {
  const base = new Map(options.manifest.map(f => [f.path, f]));
  const rendered = new Map(options.rendered.map(f => [f.path, f]));
  const decisions: FileDecision[] = [];
  const manifest: ScaffoldRecord['files'] = [];
  const paths = [...new Set([...base.keys(), ...rendered.keys()])].sort();

  for (const path of paths) {
    const recorded = base.get(path);
    const baseHash = recorded?.sha256;
    const nextFile = rendered.get(path);
    const next = nextFile?.content;
    const nextExecutable = nextFile?.executable ?? false;
    const currentFile = options.current.get(path);
    const current = currentFile?.content;
    const currentHash = current ? sha256(current) : undefined;
    const nextHash = next ? sha256(next) : undefined;
    const beside = `${path}${NEW_VERSION_SUFFIX}`;
    // Records older than the executable field read as "not executable".
    const executable = currentFile
      ? mergeExecutable(
          recorded && (recorded.executable ?? false),
          currentFile.executable,
          nextExecutable,
        )
      : nextExecutable;
    const modeOnly = (): FileDecision | undefined =>
      currentFile && currentFile.executable !== executable
        ? { path, kind: 'mode', content: currentFile.content, executable }
        : undefined;

    if (next === undefined) {
      // Generated before, not any more.
      if (current === undefined) continue;
      if (currentHash === baseHash) {
        decisions.push({ path, kind: 'delete' });
      } else {
        decisions.push({
          path,
          kind: 'conflict',
          reason: 'removed-but-edited',
        });
      }
      continue;
    }

    manifest.push(manifestEntry(nextFile!));
    if (currentHash === nextHash) {
      decisions.push(
        modeOnly() ?? { path, kind: 'keep', reason: 'up-to-date' },
      );
    } else if (baseHash === undefined) {
      if (current === undefined) {
        decisions.push({ path, kind: 'add', content: next, executable });
      } else {
        decisions.push({
          path,
          kind: 'conflict',
          reason: 'exists',
          newVersionPath: beside,
          content: next,
          executable: nextExecutable,
        });
      }
    } else if (baseHash === nextHash) {
      // The template did not change this file's content: whatever the team did to it stands.
      decisions.push(
        modeOnly() ?? {
          path,
          kind: 'keep',
          reason:
            current === undefined
              ? 'deleted-template-unchanged'
              : 'edited-template-unchanged',
        },
      );
    } else if (currentHash === baseHash) {
      decisions.push({ path, kind: 'update', content: next, executable });
    } else {
      decisions.push({
        path,
        kind: 'conflict',
        reason: current === undefined ? 'deleted-by-team' : 'edited',
        newVersionPath: beside,
        content: next,
        executable: nextExecutable,
      });
    }
  }
  return { decisions, manifest };
}

/** True when the decisions change no file. */
export function isNoop(decisions: FileDecision[]): boolean {
  return decisions.every(d => d.kind === 'keep');
}
