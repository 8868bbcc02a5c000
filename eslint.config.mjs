// Lint configuration: typescript-eslint's recommended rules plus the project's few house rules.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'test-results/**', 'sample/**', '.vscode-test/**', 'bench/.data/**', 'src/core/python/grammar/*.js'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-properties': ['error', { object: 'suite', property: 'only' }, { object: 'test', property: 'only' }, { object: 'suite', property: 'skip' }, { object: 'test', property: 'skip' }],
    },
  },
  {
    files: ['src/core/**/*.ts', 'src/knowledge/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'src/core and src/knowledge stay free of the vscode API.' }], patterns: ['fs', 'path', 'node:*'] }],
    },
  },
  {
    files: ['scripts/**/*.{js,mjs,cjs}', 'esbuild.config.js', 'bin/**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
    languageOptions: { globals: { require: 'readonly', process: 'readonly', console: 'readonly', __dirname: 'readonly', module: 'writable' } },
  },
);
