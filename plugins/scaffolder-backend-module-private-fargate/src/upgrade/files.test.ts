import fs from 'node:fs';
import path from 'node:path';
import { createTestDirectory } from '../__testUtils__/testDirectory';
import { countTurnsDuring } from '../files/countTurns';
import { listTreeFiles } from './files';

describe('listTreeFiles', () => {
  const tree = createTestDirectory();

  beforeEach(() => tree.clear());

  it('lists every regular file in path order, without version control data or the record', async () => {
    tree.setContent({
      'README.md': 'readme',
      'infra/modules/service/main.tf': 'service',
      'infra/main.tf': 'root',
      '.github/workflows/build.yaml': 'build',
      '.git/HEAD': 'ref: refs/heads/main',
      'vendor/.git': 'gitdir: ../.git/modules/vendor',
      '.private-fargate/scaffold.json': '{}',
      '.private-fargate/notes.md': 'kept',
    });
    fs.symlinkSync('README.md', path.join(tree.path, 'link.md'));

    const files = await listTreeFiles(tree.path);

    expect(files.map(file => file.path)).toEqual([
      '.github/workflows/build.yaml',
      '.private-fargate/notes.md',
      'README.md',
      'infra/main.tf',
      'infra/modules/service/main.tf',
    ]);
    expect(files.find(f => f.path === 'infra/main.tf')?.content).toEqual(
      Buffer.from('root'),
    );
  });

  it('reads which files are executable', async () => {
    tree.setContent({ 'run.sh': '#!/bin/sh\n', 'README.md': 'readme' });
    fs.chmodSync(path.join(tree.path, 'run.sh'), 0o755);
    const files = await listTreeFiles(tree.path);
    expect(files.map(f => [f.path, f.executable])).toEqual([
      ['README.md', false],
      ['run.sh', true],
    ]);
  });

  it('lets other work run while it reads a large tree', async () => {
    const kilobytes = 'x'.repeat(64 * 1024);
    tree.setContent({
      ...Object.fromEntries(
        Array.from({ length: 40 }, (_, i) => [`src/file-${i}.txt`, kilobytes]),
      ),
      'assets/large.bin': 'y'.repeat(3 * 1024 * 1024),
    });
    const { result: files, turns } = await countTurnsDuring(() =>
      listTreeFiles(tree.path),
    );

    expect(files).toHaveLength(41);
    expect(files[0]).toMatchObject({ path: 'assets/large.bin' });
    expect(files[0].content.length).toBe(3 * 1024 * 1024);
    expect(turns).toBeGreaterThanOrEqual(8);
  });
});
