/*
 * NestJS 12 ships as ES modules only. Node 20 loads them from our CommonJS build natively
 * (require(esm)), but Jest's module runtime cannot until Node 24.9. This transform turns those
 * packages into CommonJS for the tests alone: `import.meta.url` becomes the file's URL, then
 * TypeScript rewrites the module syntax. The application itself never runs through it.
 */
const ts = require('typescript');

module.exports = {
  process(source, filename) {
    if (!/^\s*(import|export)\s/m.test(source) && !source.includes('import.meta')) return { code: source };
    const patched = source
      // CommonJS already has `require`; redeclaring it would be a syntax error.
      .replace(/^\s*const require = createRequire\(import\.meta\.url\);?$/m, '')
      .replace(/import\.meta\.url/g, "require('node:url').pathToFileURL(__filename).href")
      .replace(/import\.meta\.resolve\(/g, 'require.resolve(')
      .replace(/import\.meta\.dirname/g, '__dirname')
      .replace(/import\.meta\.filename/g, '__filename');
    const { outputText } = ts.transpileModule(patched, {
      fileName: filename,
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        esModuleInterop: true,
        allowJs: true,
        sourceMap: false,
      },
    });
    return { code: outputText };
  },
  getCacheKey(source, filename) {
    return require('node:crypto').createHash('sha1').update('esm-to-cjs-v2').update(filename).update(source).digest('hex');
  },
};
