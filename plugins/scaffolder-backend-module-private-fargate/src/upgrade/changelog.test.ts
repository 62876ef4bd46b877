import { changelogBetween, changelogOf } from './changelog';

const CHANGELOG = `# Changelog: demo

The version is recorded in template.yaml.

## 1.10.0

- Ten.

## 1.2.0

- Two,
  over two lines.

### Details

Still part of 1.2.0.

## Unreleased

- Not a version: not reported.

## 1.1.0

- One.

## 1.0.0

- First.
`;

describe('changelogBetween', () => {
  it('should give the entries after the old version up to the new one, newest first', () => {
    expect(changelogBetween(CHANGELOG, '1.0.0', '1.10.0')).toEqual([
      { version: '1.10.0', text: '- Ten.' },
      {
        version: '1.2.0',
        text: '- Two,\n  over two lines.\n\n### Details\n\nStill part of 1.2.0.',
      },
      { version: '1.1.0', text: '- One.' },
    ]);
  });

  it('should stop at the new version and give nothing when up to date', () => {
    expect(
      changelogBetween(CHANGELOG, '1.1.0', '1.2.0').map(e => e.version),
    ).toEqual(['1.2.0']);
    expect(changelogBetween(CHANGELOG, '1.10.0', '1.10.0')).toEqual([]);
  });

  it('should read Windows line endings and a v before the version', () => {
    expect(
      changelogBetween('## v2.0.0\r\n\r\n- Two.\r\n', '1.0.0', '2.0.0'),
    ).toEqual([{ version: '2.0.0', text: '- Two.' }]);
  });
});

describe('changelogOf', () => {
  it("should find CHANGELOG.md at the template's root only", () => {
    const file = (path: string, text: string) => ({
      path,
      content: Buffer.from(text),
    });
    expect(
      changelogOf([
        file('skeleton/CHANGELOG.md', 'the skeleton'),
        file('CHANGELOG.md', 'the template'),
      ]),
    ).toBe('the template');
    expect(changelogOf([file('template.yaml', '')])).toBeUndefined();
  });
});
