import { NEW_VERSION_SUFFIX, ScaffoldRecord, sha256 } from './record';
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
  | { path: string; kind: 'add' | 'update'; content: Buffer }
  | { path: string; kind: 'delete' }
  | {
      path: string;
      kind: 'conflict';
      reason: ConflictReason;
      /** Where the new version is written for the team to merge, when there is one. */
      newVersionPath?: string;
      content?: Buffer;
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

/**
 * Decides, file by file, how to move a repository from its recorded render to
 * a new render, without ever overwriting or deleting a team's edit. Pure: reads
 * nothing and writes nothing. `current` holds the repository's copies of the
 * paths in the old manifest or the new render (absent when missing).
 */
export function decideUpgrade(options: {
  manifest: ScaffoldRecord['files'];
  rendered: TreeFile[];
  current: Map<string, Buffer>;
}): UpgradeDecisions {
  const base = new Map(options.manifest.map(f => [f.path, f.sha256]));
  const rendered = new Map(options.rendered.map(f => [f.path, f.content]));
  const decisions: FileDecision[] = [];
  const manifest: ScaffoldRecord['files'] = [];
  const paths = [...new Set([...base.keys(), ...rendered.keys()])].sort();

  for (const path of paths) {
    const baseHash = base.get(path);
    const next = rendered.get(path);
    const current = options.current.get(path);
    const currentHash = current ? sha256(current) : undefined;
    const nextHash = next ? sha256(next) : undefined;
    const beside = `${path}${NEW_VERSION_SUFFIX}`;

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

    manifest.push({ path, sha256: nextHash! });
    if (currentHash === nextHash) {
      decisions.push({ path, kind: 'keep', reason: 'up-to-date' });
    } else if (baseHash === undefined) {
      if (current === undefined) {
        decisions.push({ path, kind: 'add', content: next });
      } else {
        decisions.push({
          path,
          kind: 'conflict',
          reason: 'exists',
          newVersionPath: beside,
          content: next,
        });
      }
    } else if (baseHash === nextHash) {
      // The template did not change this file: whatever the team did stands.
      decisions.push({
        path,
        kind: 'keep',
        reason:
          current === undefined
            ? 'deleted-template-unchanged'
            : 'edited-template-unchanged',
      });
    } else if (currentHash === baseHash) {
      decisions.push({ path, kind: 'update', content: next });
    } else {
      decisions.push({
        path,
        kind: 'conflict',
        reason: current === undefined ? 'deleted-by-team' : 'edited',
        newVersionPath: beside,
        content: next,
      });
    }
  }
  return { decisions, manifest };
}

/** True when the decisions change no file. */
export function isNoop(decisions: FileDecision[]): boolean {
  return decisions.every(d => d.kind === 'keep');
}
