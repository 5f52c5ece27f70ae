import { ESLint } from 'eslint';

/** The lint rule that holds the contexts' boundaries (eslint.config.mjs): it must fail the build. */
describe('context boundaries', () => {
  const eslint = new ESLint({ cwd: process.cwd() });
  const errorsOf = async (code: string, filePath: string) =>
    (await eslint.lintText(code, { filePath })).flatMap((result) => result.messages.map((message) => message.message));

  it('refuses an import that reaches inside another context', async () => {
    const errors = await errorsOf(
      "import { matterDecider } from '@app/matters/domain/matter';\nexport { matterDecider };\n",
      'libs/audit/src/x.ts',
    );
    expect(errors).toEqual([expect.stringContaining('import another context through its public face: @app/<context>')]);
  });

  it('refuses it from the app, the domain and the tests too', async () => {
    const deep = "import { EventStore } from '@app/event-store/event-store.port';\nexport type { EventStore };\n";
    for (const file of ['apps/api/src/x.ts', 'libs/matters/src/domain/x.ts', 'test/x.e2e-spec.ts'])
      expect(await errorsOf(deep, file)).toEqual([expect.stringContaining('public face')]);
  });

  it('holds the supervision context to the same rules: faces only, a pure domain', async () => {
    const deep = "import { deadlineAsOf } from '@app/matters/domain';\nexport { deadlineAsOf };\n";
    expect(await errorsOf(deep, 'libs/supervision/src/domain/x.ts')).toEqual([expect.stringContaining('public face')]);
    const nest = "import { Injectable } from '@nestjs/common';\nexport { Injectable };\n";
    expect(await errorsOf(nest, 'libs/supervision/src/domain/x.ts')).toEqual([expect.stringContaining('free of framework')]);
    const face = "import { deadlineAsOf } from '@app/matters';\nexport { deadlineAsOf };\n";
    expect(await errorsOf(face, 'libs/supervision/src/domain/x.ts')).toEqual([]);
  });

  it('holds the directory context to the same rules: faces only, a pure domain', async () => {
    const deep = "import { directoryNames } from '@app/directory/names/directory-names';\nexport { directoryNames };\n";
    expect(await errorsOf(deep, 'libs/metrics/src/x.ts')).toEqual([expect.stringContaining('public face')]);
    const nest = "import { Injectable } from '@nestjs/common';\nexport { Injectable };\n";
    expect(await errorsOf(nest, 'libs/directory/src/domain/x.ts')).toEqual([expect.stringContaining('free of framework')]);
  });

  it('lets the kernel import no context at all', async () => {
    const errors = await errorsOf("import { API_PREFIX } from '@app/http';\nexport { API_PREFIX };\n", 'libs/kernel/src/x.ts');
    expect(errors).toEqual([expect.stringContaining('the kernel imports no context')]);
  });

  it('admits public faces and a context’s testing face', async () => {
    const code =
      "import { EventStore } from '@app/event-store';\nimport { createThrowawayDatabase } from '@app/event-store/testing';\nexport type { EventStore };\nexport { createThrowawayDatabase };\n";
    expect(await errorsOf(code, 'libs/audit/src/x.ts')).toEqual([]);
  });
});
