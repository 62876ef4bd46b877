import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeOutput } from './writeOutput';

const file = (p: string) => ({ path: p, content: Buffer.from('x') });

describe('writeOutput', () => {
  let outDir: string;
  beforeEach(() => {
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'write-output-'));
  });
  afterEach(() => fs.rmSync(outDir, { recursive: true, force: true }));

  it.each(['../escape.txt', 'a/../../escape.txt', '/etc/passwd'])(
    'should reject %s, which would land outside --out, before writing anything',
    bad => {
      expect(() => writeOutput(outDir, [file('ok.txt'), file(bad)])).toThrow(
        /outside --out/,
      );
      expect(fs.readdirSync(outDir)).toEqual([]);
    },
  );

  it.each(['outside', 'inside'])(
    'should refuse, naming the file and --out, a symlink in the way that points %s --out',
    where => {
      const linked =
        where === 'outside'
          ? fs.mkdtempSync(path.join(os.tmpdir(), 'outside-'))
          : path.join(outDir, 'real');
      fs.mkdirSync(linked, { recursive: true });
      fs.symlinkSync(linked, path.join(outDir, 'link'));
      const before = fs.readdirSync(outDir).sort();
      expect(() =>
        writeOutput(outDir, [file('ok.txt'), file('link/escape.txt')]),
      ).toThrow(
        `--out ${outDir}: cannot write link/escape.txt: link is a symbolic link; move it away or choose another --out`,
      );
      expect(fs.readdirSync(outDir).sort()).toEqual(before);
      expect(fs.readdirSync(linked)).toEqual([]);
      if (where === 'outside') fs.rmSync(linked, { recursive: true });
    },
  );

  it('should put back what it replaced and remove what it added when a move fails midway', () => {
    fs.writeFileSync(path.join(outDir, 'a.txt'), 'ours');
    const rename = fs.renameSync;
    const spy = jest.spyOn(fs, 'renameSync').mockImplementation((from, to) => {
      if (String(to).endsWith('d.txt')) throw new Error('disk full');
      rename(from, to);
    });
    try {
      expect(() =>
        writeOutput(outDir, [file('a.txt'), file('b/c.txt'), file('d.txt')]),
      ).toThrow(`--out ${outDir}: cannot write d.txt: disk full`);
    } finally {
      spy.mockRestore();
    }
    expect(fs.readdirSync(outDir)).toEqual(['a.txt']);
    expect(fs.readFileSync(path.join(outDir, 'a.txt'), 'utf8')).toBe('ours');
  });

  it('should leave no new --out, nor folders made for it, when writing fails', () => {
    const newOut = path.join(outDir, 'parent/out');
    const write = fs.writeFileSync;
    let writes = 0;
    const spy = jest
      .spyOn(fs, 'writeFileSync')
      .mockImplementation((...args: Parameters<typeof fs.writeFileSync>) => {
        if (++writes === 2) throw new Error('disk full');
        write(...args);
      });
    try {
      expect(() => writeOutput(newOut, [file('a.txt'), file('b.txt')])).toThrow(
        `--out ${newOut}: cannot write b.txt: disk full`,
      );
    } finally {
      spy.mockRestore();
    }
    expect(fs.readdirSync(outDir)).toEqual([]);
  });

  it('should write nested files with their executable bit', () => {
    writeOutput(outDir, [
      file('a/b.txt'),
      { ...file('run.sh'), executable: true },
    ]);
    expect(fs.readFileSync(path.join(outDir, 'a/b.txt'), 'utf8')).toBe('x');
    expect(fs.statSync(path.join(outDir, 'run.sh')).mode & 0o111).not.toBe(0);
  });
});
