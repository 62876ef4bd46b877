import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InputError } from '@backstage/errors';
import { createTestDirectory } from '../__testUtils__/testDirectory';
import {
  applyFileChanges,
  applyFileChangesSync,
  FileChangeFailedError,
  FileChangeRefusedError,
} from './applyFileChanges';
import { countTurnsDuring } from './countTurns';

const text = (s: string) => Buffer.from(s);
const isExecutable = (file: string) => (fs.statSync(file).mode & 0o111) !== 0;

describe('applyFileChanges', () => {
  const dir = createTestDirectory();
  beforeEach(() =>
    dir.setContent({ 'a.txt': 'a', 'b/c.txt': 'c', 'keep.txt': 'keep' }),
  );
  const at = (file: string) => path.join(dir.path, file);

  it('writes, creates folders and deletes', async () => {
    await applyFileChanges(dir.path, [
      { path: 'a.txt', content: text('a2') },
      { path: 'new/d.txt', content: text('d') },
      { path: 'b/c.txt' },
      { path: 'gone/already.txt' },
    ]);
    expect(dir.content()).toEqual({
      'a.txt': 'a2',
      b: {},
      new: { 'd.txt': 'd' },
      'keep.txt': 'keep',
    });
  });

  it('writes each file with its executable bit, also when only the mode changes', async () => {
    fs.chmodSync(at('keep.txt'), 0o755);
    await applyFileChanges(dir.path, [
      {
        path: 'scripts/run.sh',
        content: text('#!/bin/sh\n'),
        executable: true,
      },
      // The same content: a change of mode alone.
      { path: 'a.txt', content: text('a'), executable: true },
      { path: 'keep.txt', content: text('keep'), executable: false },
      { path: 'b/c.txt', content: text('c2') },
    ]);
    expect(isExecutable(at('scripts/run.sh'))).toBe(true);
    expect(isExecutable(at('a.txt'))).toBe(true);
    expect(isExecutable(at('keep.txt'))).toBe(false);
    expect(isExecutable(at('b/c.txt'))).toBe(false);
    expect(fs.readFileSync(at('a.txt'), 'utf8')).toBe('a');
  });

  it('puts back what it replaced and removes what it added, folders included, when a move fails midway, naming the file', async () => {
    fs.chmodSync(at('a.txt'), 0o755);
    const rename = fs.renameSync;
    const spy = jest.spyOn(fs, 'renameSync').mockImplementation((from, to) => {
      if (String(to).endsWith('d.txt')) throw new Error('disk full');
      rename(from, to);
    });
    let error: unknown;
    try {
      error = await applyFileChanges(dir.path, [
        { path: 'a.txt', content: text('a2') },
        { path: 'b/c.txt' },
        { path: 'new/deep/e.txt', content: text('e') },
        { path: 'd.txt', content: text('d') },
      ]).catch(e => e);
    } finally {
      spy.mockRestore();
    }
    expect(error).toBeInstanceOf(FileChangeFailedError);
    expect(error).toMatchObject({
      path: 'd.txt',
      message: 'cannot write d.txt: disk full',
    });
    expect(dir.content()).toEqual({
      'a.txt': 'a',
      b: { 'c.txt': 'c' },
      'keep.txt': 'keep',
    });
    // What it put back keeps its mode.
    expect(isExecutable(at('a.txt'))).toBe(true);
  });

  it('leaves no new folder, nor the folders made for it, when writing fails', () => {
    const target = path.join(dir.path, 'parent/out');
    const write = fs.writeFileSync;
    let writes = 0;
    const spy = jest
      .spyOn(fs, 'writeFileSync')
      .mockImplementation((...args: Parameters<typeof fs.writeFileSync>) => {
        if (++writes === 2) throw new Error('disk full');
        write(...args);
      });
    try {
      expect(() =>
        applyFileChangesSync(target, [
          { path: 'a.txt', content: text('a') },
          { path: 'b.txt', content: text('b') },
        ]),
      ).toThrow('cannot write b.txt: disk full');
    } finally {
      spy.mockRestore();
    }
    expect(fs.existsSync(path.join(dir.path, 'parent'))).toBe(false);
  });

  it('makes a folder that does not exist yet', () => {
    const target = path.join(dir.path, 'parent/out');
    applyFileChangesSync(target, [
      { path: 'run.sh', content: text('x'), executable: true },
    ]);
    expect(fs.readdirSync(target)).toEqual(['run.sh']);
    expect(isExecutable(path.join(target, 'run.sh'))).toBe(true);
  });

  it.each(['outside', 'inside'])(
    'refuses, before writing anything, a symbolic link on the way that points %s the folder',
    async where => {
      const linked =
        where === 'outside'
          ? fs.mkdtempSync(path.join(os.tmpdir(), 'outside-'))
          : at('real');
      fs.mkdirSync(linked, { recursive: true });
      fs.symlinkSync(linked, at('link'));
      try {
        const before = fs.readdirSync(dir.path).sort();
        const error = await applyFileChanges(dir.path, [
          { path: 'a.txt', content: text('a2') },
          { path: 'link/escaped.txt', content: text('x') },
        ]).catch(e => e);
        expect(error).toBeInstanceOf(FileChangeRefusedError);
        expect(error).toBeInstanceOf(InputError);
        expect(error).toMatchObject({
          path: 'link/escaped.txt',
          reason: 'link is a symbolic link',
          message: 'cannot write link/escaped.txt: link is a symbolic link',
        });
        expect(fs.readdirSync(dir.path).sort()).toEqual(before);
        expect(fs.readFileSync(at('a.txt'), 'utf8')).toBe('a');
        expect(fs.readdirSync(linked)).toEqual([]);
      } finally {
        fs.rmSync(at('link'));
        fs.rmSync(linked, { recursive: true });
      }
    },
  );

  it.each([
    ['../escape.txt', { content: text('x') }, /would land outside/],
    ['a/../../escape.txt', { content: text('x') }, /would land outside/],
    ['/etc/passwd', { content: text('x') }, /would land outside/],
    ['b', { content: text('x') }, /^cannot write b: b is a folder$/],
    ['b', {}, /^cannot write b: b is a folder$/],
    [
      'keep.txt/inside.txt',
      { content: text('x') },
      /keep.txt is a file, where a folder is needed/,
    ],
  ])('refuses %s before writing anything', async (file, change, message) => {
    const before = dir.content();
    const error = await applyFileChanges(dir.path, [
      { path: 'a.txt', content: text('a2') },
      { path: file, ...change },
    ]).catch(e => e);
    expect(error).toBeInstanceOf(FileChangeRefusedError);
    expect(error.message).toMatch(message);
    expect(dir.content()).toEqual(before);
  });

  it('refuses a path changed twice', () => {
    expect(() =>
      applyFileChangesSync(dir.path, [
        { path: 'a.txt', content: text('1') },
        { path: './a.txt' },
      ]),
    ).toThrow('cannot write ./a.txt: it is changed twice');
    expect(fs.readFileSync(at('a.txt'), 'utf8')).toBe('a');
  });

  it('lets other work run while it writes a large tree', async () => {
    const kilobytes = text('x'.repeat(64 * 1024));
    const { turns } = await countTurnsDuring(() =>
      applyFileChanges(
        dir.path,
        Array.from({ length: 40 }, (_, i) => ({
          path: `src/file-${i}.txt`,
          content: kilobytes,
        })),
      ),
    );
    expect(fs.readdirSync(at('src'))).toHaveLength(40);
    expect(turns).toBeGreaterThanOrEqual(8);
  });
});
