import { InputError } from '@backstage/errors';
import { parseScaffoldRecord, serializeScaffoldRecord, sha256 } from './record';

const valid = {
  schemaVersion: 1,
  template: { name: 'private-fargate-service', version: '1.2.0' },
  values: { name: 'orders' },
  files: [{ path: 'infra/main.tf', sha256: sha256('x') }],
};

describe('scaffold record', () => {
  it('round-trips and writes files in a stable order', () => {
    const record = parseScaffoldRecord(
      JSON.stringify({
        ...valid,
        files: [{ path: 'z', sha256: sha256('z') }, ...valid.files],
      }),
      'scaffold.json',
    );
    const text = serializeScaffoldRecord(record);
    expect(JSON.parse(text).files.map((f: any) => f.path)).toEqual([
      'infra/main.tf',
      'z',
    ]);
    expect(serializeScaffoldRecord(parseScaffoldRecord(text, 'x'))).toBe(text);
  });

  it('keeps executable bits, written only where true, and reads records without them', () => {
    const old = JSON.stringify(valid);
    expect(parseScaffoldRecord(old, 's').files[0].executable).toBeUndefined();
    const text = serializeScaffoldRecord(
      parseScaffoldRecord(
        JSON.stringify({
          ...valid,
          files: [
            { path: 'run.sh', sha256: sha256('r'), executable: true },
            { path: 'plain.txt', sha256: sha256('p'), executable: false },
          ],
        }),
        's',
      ),
    );
    expect(JSON.parse(text).files).toEqual([
      { path: 'plain.txt', sha256: sha256('p') },
      { path: 'run.sh', sha256: sha256('r'), executable: true },
    ]);
    // A record without executable files is written as before the field existed.
    expect(serializeScaffoldRecord(parseScaffoldRecord(old, 's'))).toBe(
      `${JSON.stringify(valid, null, 2)}\n`,
    );
  });

  it.each([
    [
      'a bad hash',
      { files: [{ path: 'main.tf', sha256: 'abc' }] },
      /files\[0\]\.sha256: must be the 64 hex digits/,
    ],
    [
      'a path leaving the repository',
      { files: [{ path: '../etc/passwd', sha256: sha256('') }] },
      /files\[0\]\.path: must be a relative path/,
    ],
    [
      'a bad version',
      { template: { name: 'x', version: 'latest' } },
      /template\.version.*1\.2\.0/,
    ],
    ['an unknown field', { extra: true }, /extra/],
  ])('refuses %s, naming the field', (_, change, message) => {
    const parse = () =>
      parseScaffoldRecord(
        JSON.stringify({ ...valid, ...change }),
        'scaffold.json',
      );
    expect(parse).toThrow(InputError);
    expect(parse).toThrow(message);
  });

  it('refuses text that is not JSON and a path listed twice', () => {
    expect(() => parseScaffoldRecord('{', 'scaffold.json')).toThrow(
      /not valid JSON/,
    );
    expect(() =>
      parseScaffoldRecord(
        JSON.stringify({ ...valid, files: [...valid.files, ...valid.files] }),
        's',
      ),
    ).toThrow(/lists infra\/main.tf twice/);
  });
});
