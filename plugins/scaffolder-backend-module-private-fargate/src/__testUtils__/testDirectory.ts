import {
  createMockDirectory,
  MockDirectory,
} from '@backstage/backend-test-utils';

/**
 * `createMockDirectory`, removed once the test file is done. Backstage keeps mock directories
 * when CI is set, expecting a throwaway machine; `./run test` sets CI on developers' machines
 * too, where every run left some thirty of them in the temporary folder. Call it where
 * `afterAll` may be called: at the top of a file or in a `describe`.
 */
export function createTestDirectory(): MockDirectory {
  const directory = createMockDirectory();
  afterAll(() => directory.remove());
  return directory;
}
