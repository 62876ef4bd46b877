import { decideUpgrade } from './decide';
import { sha256 } from './record';

const text = (s: string) => Buffer.from(s);

function decide(options: {
  manifest: Record<string, string>;
  rendered: Record<string, string>;
  current: Record<string, string>;
}) {
  return decideUpgrade({
    manifest: Object.entries(options.manifest).map(([path, content]) => ({
      path,
      sha256: sha256(content),
    })),
    rendered: Object.entries(options.rendered).map(([path, content]) => ({
      path,
      content: text(content),
    })),
    current: new Map(
      Object.entries(options.current).map(([p, c]) => [p, text(c)]),
    ),
  });
}

const kinds = (result: ReturnType<typeof decide>) =>
  Object.fromEntries(
    result.decisions.map(d => [
      d.path,
      'reason' in d ? `${d.kind}:${d.reason}` : d.kind,
    ]),
  );

describe('decideUpgrade', () => {
  it('updates unedited files, never overwrites edits, and adds and deletes by the rules', () => {
    const result = decide({
      manifest: {
        a: 'a1',
        b: 'b1',
        c: 'c1',
        gone: 'g1',
        goneEdited: 'e1',
        same: 's1',
      },
      rendered: { a: 'a2', b: 'b2', c: 'c1', same: 's1', added: 'n1' },
      current: {
        a: 'a1',
        b: 'b-team',
        c: 'c-team',
        gone: 'g1',
        goneEdited: 'e-team',
        same: 's1',
      },
    });
    expect(kinds(result)).toEqual({
      a: 'update',
      b: 'conflict:edited',
      c: 'keep:edited-template-unchanged',
      gone: 'delete',
      goneEdited: 'conflict:removed-but-edited',
      same: 'keep:up-to-date',
      added: 'add',
    });
    const conflict = result.decisions.find(d => d.path === 'b');
    expect(conflict).toMatchObject({ newVersionPath: 'b.private-fargate-new' });
    // The manifest follows the new render; dropped files leave it.
    expect(result.manifest.map(f => f.path).sort()).toEqual([
      'a',
      'added',
      'b',
      'c',
      'same',
    ]);
    expect(result.manifest.find(f => f.path === 'b')!.sha256).toBe(
      sha256('b2'),
    );
  });

  it('treats a file the team deleted or already has as theirs', () => {
    const result = decide({
      manifest: { deleted: 'd1', deletedStable: 'x1' },
      rendered: {
        deleted: 'd2',
        deletedStable: 'x1',
        clash: 'new',
        adopt: 'same',
      },
      current: { clash: 'team', adopt: 'same' },
    });
    expect(kinds(result)).toEqual({
      deleted: 'conflict:deleted-by-team',
      deletedStable: 'keep:deleted-template-unchanged',
      clash: 'conflict:exists',
      adopt: 'keep:up-to-date',
    });
  });

  it('changes nothing when the render equals the record', () => {
    const files = { a: 'a1', b: 'b1' };
    const result = decide({
      manifest: files,
      rendered: files,
      current: { a: 'a1', b: 'edited' },
    });
    expect(result.decisions.every(d => d.kind === 'keep')).toBe(true);
  });
});
