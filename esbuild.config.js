// Builds every bundle: the Node extension, the web (browser) extension, the webview script, the CLI,
// and (with --tests) the test suites. One file so the entry points and their settings stay in one place.
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const watch = args.has('--watch');
const withTests = args.has('--tests');

/** Files under `dir` whose names end with one of `suffixes` (recursive). */
function findFiles(dir, suffixes) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return findFiles(p, suffixes);
    return suffixes.some((s) => e.name.endsWith(s)) ? [p] : [];
  });
}

const common = {
  bundle: true,
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  loader: { '.md': 'text' },
  target: 'es2022',
  legalComments: production ? 'none' : 'inline',
};

/**
 * dist/cli.js: src/cli/scanKnowledge.ts becomes the knowledge entries as one JSON text, parsed on first use (see that
 * module for the memory this saves per thread). The entries come from the data build (scripts/build-data.ts), which
 * therefore runs before the bundles. Not in watch mode, where the data is not rebuilt: the module then stays as written.
 */
function scanKnowledgePlugin() {
  return {
    name: 'scan-knowledge',
    setup(build) {
      if (watch) return;
      build.onLoad({ filter: /[\\/]src[\\/]cli[\\/]scanKnowledge\.ts$/ }, () => {
        const data = require(path.resolve('out/build-data.js'));
        const json = data.scanKnowledgeJson();
        const installed = data.installedNamesJson(__dirname);
        return {
          loader: 'js',
          contents:
            `let entries;\nexport function scanEntries() {\n  entries ??= JSON.parse(${JSON.stringify(json)});\n  return entries;\n}\n` +
            `let installed;\nexport function installedData() {\n  installed ??= JSON.parse(${JSON.stringify(installed)});\n  return installed;\n}\n`,
        };
      });
    },
  };
}

const builds = [
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', external: ['vscode'] },
  {
    ...common,
    entryPoints: ['src/extension/extension.ts'],
    outfile: 'dist/web/extension.js',
    platform: 'browser',
    format: 'cjs',
    // Required only where the host is Node (src/extension/firstScan.ts): in the browser that require fails and is caught.
    external: ['vscode', 'node:worker_threads'],
    define: { 'process.env.NODE_ENV': '"production"' },
  },
  // The first scan worker of the desktop extension host (src/extension/firstScan.ts); it reads dist/knowledge.json.
  { ...common, entryPoints: ['src/extension/firstScanWorker.ts'], outfile: 'dist/firstScanWorker.js', platform: 'node', format: 'cjs' },
  { ...common, entryPoints: ['src/webview/main.ts'], outfile: 'dist/webview/main.js', platform: 'browser', format: 'iife' },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs', plugins: [scanKnowledgePlugin()] },
];

if (withTests) {
  const testCommon = { ...common, minify: false, sourcemap: 'inline', platform: 'node', format: 'cjs', outbase: 'test', outdir: 'out/test' };
  builds.push({ ...testCommon, entryPoints: findFiles('test/unit', ['.test.ts']), external: ['mocha'] });
  builds.push({ ...testCommon, entryPoints: findFiles('test/real', ['.test.ts']), external: ['mocha'] });
  builds.push({ ...testCommon, entryPoints: findFiles('test/integration', ['.ts']), external: ['vscode', 'mocha', '@vscode/test-electron'] });
  builds.push({ ...testCommon, entryPoints: findFiles('test/e2e', ['.ts']), external: ['mocha', 'playwright-core'] });
  builds.push({ ...testCommon, entryPoints: findFiles('test/package', ['.test.ts']), external: ['mocha'] });
  // The real-framework layer: mocha suites that run Python through FG_PYTHON (the pytest part needs no build).
  builds.push({ ...testCommon, entryPoints: findFiles('test/real', ['.test.ts']), external: ['mocha'] });
  // The integration suites for the browser extension host: mocha and node's assert bundled for the browser.
  builds.push({
    ...testCommon,
    platform: 'browser',
    entryPoints: ['test/web/index.ts'],
    external: ['vscode'],
    define: { 'process.env.NODE_DEBUG': 'false', 'process.env.NODE_ENV': '"test"' },
    inject: [],
  });
  builds.push({ ...testCommon, outbase: '.', outdir: 'out', entryPoints: findFiles('bench', ['.ts']), external: ['vscode'] }); // bench/vscodeHostProbe.ts runs inside the extension host
}

// Entry points that do not exist yet are skipped, so a partial tree still builds its tests.
const runnable = builds.filter((b) => b.entryPoints.length && b.entryPoints.every((e) => fs.existsSync(e)));

async function main() {
  const started = Date.now();
  // Compiled tests of deleted or renamed test files would otherwise still be picked up by the test globs.
  if (withTests && !watch) fs.rmSync(path.join(__dirname, 'out', 'test'), { recursive: true, force: true });
  if (watch) {
    const contexts = await Promise.all(runnable.map((b) => esbuild.context(b)));
    await Promise.all(contexts.map((c) => c.watch()));
    console.log('esbuild: watching');
    return;
  }
  // Data files (knowledge base, rendered panel content, snippets) are produced by a bundled build script; first, as
  // the CLI bundle embeds its knowledge entries.
  await esbuild.build({ ...common, minify: false, sourcemap: false, entryPoints: ['scripts/build-data.ts'], outfile: 'out/build-data.js', platform: 'node', format: 'cjs' });
  const data = require(path.resolve('out/build-data.js')).buildData(__dirname, path.join(__dirname, 'dist'));
  await Promise.all(runnable.map((b) => esbuild.build(b)));
  console.log(`data: ${data.entries} knowledge entries, ${data.sections} panel sections, ${data.snippets} snippet tasks`);
  console.log(`esbuild: ${runnable.length} bundles in ${Date.now() - started} ms${production ? ' (production)' : ''}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
