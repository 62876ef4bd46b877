import { TemplateEntityV1beta3 } from '@backstage/plugin-scaffolder-common';
import {
  manifestEntry,
  serializeScaffoldRecord,
  sha256,
} from '../upgrade/record';
import {
  executablesCopiedFromTemplate,
  restoreTemplateModes,
} from './templateFileModes';

const file = (path: string, executable = false) => ({
  path,
  content: Buffer.from(path),
  executable,
});

function template(
  steps: { action: string; input?: Record<string, unknown> }[],
): TemplateEntityV1beta3 {
  return {
    apiVersion: 'scaffolder.backstage.io/v1beta3',
    kind: 'Template',
    metadata: { name: 'modes' },
    spec: {
      type: 'service',
      steps: steps.map((step, i) => ({ id: `s${i}`, ...step })),
    },
  } as TemplateEntityV1beta3;
}

describe('executablesCopiedFromTemplate', () => {
  const files = [
    file('template.yaml'),
    file('skeleton/scripts/run.sh', true),
    file('skeleton/README.md'),
    file('skeleton/bin/${{ values.name }}.sh', true),
    file('skeleton/tool.sh.njk', true),
    file('extra/scripts/run.sh'),
    file('extra/other.sh', true),
  ];

  it('follows fetch:template and fetch:plain from the template folder to their targetPath', () => {
    expect(
      executablesCopiedFromTemplate(
        template([
          { action: 'fetch:template', input: { url: './skeleton' } },
          {
            action: 'fetch:plain',
            input: { url: 'extra/', targetPath: './tools' },
          },
        ]),
        files,
      ),
    ).toEqual(new Set(['scripts/run.sh', 'tool.sh.njk', 'tools/other.sh']));
  });

  it('drops the templateFileExtension and keeps what an earlier step wrote unless replace', () => {
    const steps = (replace: boolean) =>
      template([
        {
          action: 'fetch:template',
          input: { url: './skeleton', templateFileExtension: true },
        },
        { action: 'fetch:template', input: { url: './extra', replace } },
      ]);
    expect(executablesCopiedFromTemplate(steps(false), files)).toEqual(
      new Set(['scripts/run.sh', 'tool.sh', 'other.sh']),
    );
    expect(executablesCopiedFromTemplate(steps(true), files)).toEqual(
      new Set(['tool.sh', 'other.sh']),
    );
  });

  it.each([
    ['an expression url', { url: './${{ parameters.kind }}' }],
    ['a remote url', { url: 'https://github.com/acme/skeleton' }],
    ['a url outside the template', { url: '../skeleton' }],
    [
      'an expression targetPath',
      { url: './skeleton', targetPath: '${{ parameters.dir }}' },
    ],
  ])('cannot follow %s', (_, input) => {
    expect(
      executablesCopiedFromTemplate(
        template([{ action: 'fetch:template', input }]),
        files,
      ),
    ).toEqual(new Set());
  });

  it('ignores other actions', () => {
    expect(
      executablesCopiedFromTemplate(
        template([
          {
            action: 'fetch:template:file',
            input: { url: './skeleton/scripts/run.sh', targetPath: 'run.sh' },
          },
        ]),
        files,
      ),
    ).toEqual(new Set());
  });
});

describe('restoreTemplateModes', () => {
  it('sets the bit on the files copied from executable template files, and in the record', () => {
    const copied = template([
      {
        action: 'fetch:template',
        input: { url: './skeleton', targetPath: 'app' },
      },
    ]);
    const generated = [
      file('app/scripts/run.sh'),
      file('app/README.md'),
      file('infra/main.tf'),
    ];
    const record = {
      schemaVersion: 1 as const,
      template: { name: 'modes', version: '1.0.0' },
      values: {},
      files: generated
        .filter(f => f.path.startsWith('app/'))
        .map(f => manifestEntry({ ...f, path: f.path.slice(4) })),
    };
    const recordFile = {
      path: 'app/.private-fargate/scaffold.json',
      content: Buffer.from(serializeScaffoldRecord(record)),
      executable: false,
    };

    const result = restoreTemplateModes(
      copied,
      [file('skeleton/scripts/run.sh', true), file('skeleton/README.md')],
      [...generated, recordFile],
    );

    expect(result.map(f => [f.path, f.executable])).toEqual([
      ['app/scripts/run.sh', true],
      ['app/README.md', false],
      ['infra/main.tf', false],
      ['app/.private-fargate/scaffold.json', false],
    ]);
    expect(JSON.parse(result[3].content.toString('utf8')).files).toEqual([
      { path: 'README.md', sha256: sha256('app/README.md') },
      {
        path: 'scripts/run.sh',
        sha256: sha256('app/scripts/run.sh'),
        executable: true,
      },
    ]);
  });

  it('returns the files as they were when nothing was executable', () => {
    const result = [file('README.md')];
    expect(
      restoreTemplateModes(
        template([{ action: 'fetch:template', input: { url: './skeleton' } }]),
        [file('skeleton/README.md')],
        result,
      ),
    ).toEqual(result);
  });
});
