import fs from 'node:fs/promises';
import path from 'node:path';
import { createTestDirectory } from '../__testUtils__/testDirectory';
import { countTurnsDuring } from '../files/countTurns';
import { writeWorkspace } from './writeWorkspace';

describe('writeWorkspace', () => {
  const workspace = createTestDirectory();

  beforeEach(() => workspace.clear());

  it('should give the event loop turns while it writes many files', async () => {
    const files = Array.from({ length: 300 }, (_, index) => ({
      path: `modules/m${index % 10}/file${index}.tf`,
      content: `# file ${index}\n${'x'.repeat(4096)}\n`,
    }));
    const { turns } = await countTurnsDuring(() =>
      writeWorkspace(workspace.path, 'infra', files),
    );

    // 300 files of 4 KB are five batches of 64 files: four turns at least.
    expect(turns).toBeGreaterThanOrEqual(4);
    const written = await fs.readdir(path.join(workspace.path, 'infra'), {
      recursive: true,
    });
    expect(written.filter(entry => entry.endsWith('.tf'))).toHaveLength(300);
    expect(
      await fs.readFile(
        path.join(workspace.path, 'infra/modules/m7/file17.tf'),
        'utf8',
      ),
    ).toBe(files[17].content);
  });
});
