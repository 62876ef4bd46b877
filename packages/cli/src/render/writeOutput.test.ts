import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { planOutputPaths, writeOutput } from './writeOutput';

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

  it('should reject a path through a symlink that points outside --out', () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'outside-'));
    fs.symlinkSync(outside, path.join(outDir, 'link'));
    expect(() => planOutputPaths(outDir, [file('link/escape.txt')])).toThrow();
    expect(fs.readdirSync(outside)).toEqual([]);
    fs.rmSync(outside, { recursive: true });
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
