import { decideUpgrade } from './decide';
import { sha256 } from './record';

const text = (s: string) => Buffer.from(s);

/** A file's content, or its content and executable bit (see `x`). */
type Spec = string | { text: string; executable: boolean };
/** Content of an executable file. */
const x = (s: string): Spec => ({ text: s, executable: true });
const file = (spec: Spec) =>
  typeof spec === 'string'
    ? { text: spec, executable: false }
    : { text: spec.text, executable: spec.executable };

function decide(options: {
  manifest: Record<string, Spec>;
  rendered: Record<string, Spec>;
  current: Record<string, Spec>;
}) {
  return decideUpgrade({
    manifest: Object.entries(options.manifest).map(([path, spec]) => ({
      path,
      sha256: sha256(file(spec).text),
      ...(file(spec).executable && { executable: true }),
    })),
    rendered: Object.entries(options.rendered).map(([path, spec]) => ({
      path,
      content: text(file(spec).text),
      executable: file(spec).executable,
    })),
    current: new Map(
      Object.entries(options.current).map(([p, spec]) => [
        p,
        { content: text(file(spec).text), executable: file(spec).executable },
      ]),
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

  it('merges the executable bit like the content: the template changes it where the team left it', () => {
    const result = decide({
      manifest: {
        modeOnly: 'm1',
        modeAndContent: 'c1',
        teamChmod: 't1',
        teamChmodUpdated: 'u1',
        both: x('b1'),
        editedTeamContent: 'e1',
        dropsBit: x('d1'),
        kept: x('k1'),
      },
      rendered: {
        modeOnly: x('m1'),
        modeAndContent: x('c2'),
        teamChmod: 't1',
        teamChmodUpdated: 'u2',
        both: 'b1',
        editedTeamContent: x('e1'),
        dropsBit: 'd1',
        kept: x('k2'),
        added: x('n1'),
        clash: x('new'),
        adopt: x('same'),
      },
      current: {
        modeOnly: 'm1',
        modeAndContent: 'c1',
        teamChmod: x('t1'),
        teamChmodUpdated: x('u1'),
        both: 'b1',
        editedTeamContent: 'e-team',
        dropsBit: x('d1'),
        kept: x('k1'),
        clash: 'team',
        adopt: 'same',
      },
    });
    expect(kinds(result)).toEqual({
      modeOnly: 'mode',
      modeAndContent: 'update',
      teamChmod: 'keep:up-to-date',
      teamChmodUpdated: 'update',
      both: 'keep:up-to-date',
      editedTeamContent: 'mode',
      dropsBit: 'mode',
      kept: 'update',
      added: 'add',
      clash: 'conflict:exists',
      adopt: 'keep:up-to-date',
    });
    const decision = (path: string) =>
      result.decisions.find(d => d.path === path) as any;
    expect(decision('modeOnly')).toMatchObject({
      executable: true,
      content: text('m1'),
    });
    expect(decision('modeAndContent')).toMatchObject({
      executable: true,
      content: text('c2'),
    });
    // The team made it executable and the template did not change the bit: theirs stands.
    expect(decision('teamChmodUpdated')).toMatchObject({ executable: true });
    // A team edit keeps its content and takes the template's new bit.
    expect(decision('editedTeamContent')).toMatchObject({
      executable: true,
      content: text('e-team'),
    });
    expect(decision('dropsBit')).toMatchObject({ executable: false });
    expect(decision('kept')).toMatchObject({ executable: true });
    expect(decision('added')).toMatchObject({ executable: true });
    expect(decision('clash')).toMatchObject({
      newVersionPath: 'clash.private-fargate-new',
      executable: true,
    });
    // The manifest records the template's bits, the base of the next upgrade.
    expect(result.manifest.filter(f => f.executable).map(f => f.path)).toEqual([
      'added',
      'adopt',
      'clash',
      'editedTeamContent',
      'kept',
      'modeAndContent',
      'modeOnly',
    ]);
  });

  it('reads a record without executable bits (older than them) as "not executable"', () => {
    const result = decide({
      manifest: { script: 's1', tool: 't1' },
      rendered: { script: x('s2'), tool: x('t1') },
      // Generated executable by the portal, recorded without the bit.
      current: { script: x('s1'), tool: x('t1') },
    });
    expect(kinds(result)).toEqual({
      script: 'update',
      tool: 'keep:up-to-date',
    });
    expect(result.decisions[0]).toMatchObject({ executable: true });
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
