import fs from 'node:fs';
import path from 'node:path';
import { createTestDirectory } from '../__testUtils__/testDirectory';
import { applyFileChanges } from './apply';

describe('applyFileChanges', () => {
  const dir = createTestDirectory();
  beforeEach(() =>
    dir.setContent({ 'a.txt': 'a', 'b/c.txt': 'c', 'keep.txt': 'keep' }),
  );

  it('writes, creates folders and deletes', async () => {
    await applyFileChanges(dir.path, [
      { path: 'a.txt', content: Buffer.from('a2') },
      { path: 'new/d.txt', content: Buffer.from('d') },
      { path: 'b/c.txt' },
    ]);
    expect(dir.content()).toEqual({
      'a.txt': 'a2',
      b: {},
      new: { 'd.txt': 'd' },
      'keep.txt': 'keep',
    });
  });

  it('puts everything back when a change fails half-way', async () => {
    // A file where a folder must go makes the last write fail after the first ones were made.
    await expect(
      applyFileChanges(dir.path, [
        { path: 'a.txt', content: Buffer.from('a2') },
        { path: 'b/c.txt' },
        { path: 'keep.txt/inside.txt', content: Buffer.from('x') },
      ]),
    ).rejects.toThrow();
    expect(dir.content()).toEqual({
      'a.txt': 'a',
      b: { 'c.txt': 'c' },
      'keep.txt': 'keep',
    });
  });

  it('refuses a path that leaves the folder through a symbolic link', async () => {
    fs.symlinkSync(path.dirname(dir.path), path.join(dir.path, 'out'));
    await expect(
      applyFileChanges(dir.path, [
        { path: 'out/escaped.txt', content: Buffer.from('x') },
      ]),
    ).rejects.toThrow(/outside/);
    expect(
      fs.existsSync(path.join(path.dirname(dir.path), 'escaped.txt')),
    ).toBe(false);
  });
});
