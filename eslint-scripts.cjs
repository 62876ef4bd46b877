// The plain Node scripts outside the packages (bench/, e2e/, scripts/) and the benchmarks'
// TypeScript, which `backstage-cli repo lint` does not see. Functions passed to Playwright's
// page.evaluate and waitForFunction run in the browser, hence its globals in e2e/.
module.exports = {
  root: true,
  env: { node: true, es2022: true },
  parserOptions: { ecmaVersion: 2022, sourceType: 'module' },
  extends: ['eslint:recommended'],
  rules: {
    eqeqeq: ['error', 'smart'],
    'no-shadow': 'error',
    'prefer-const': 'error',
    'no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
  },
  overrides: [
    { files: ['e2e/**'], env: { browser: true } },
    // The benchmarks' TypeScript, which the .mjs runners load with Backstage's Node transform.
    {
      files: ['**/*.ts'],
      parser: '@typescript-eslint/parser',
      plugins: ['@typescript-eslint'],
      rules: {
        'no-unused-vars': 'off',
        '@typescript-eslint/no-unused-vars': [
          'error',
          { argsIgnorePattern: '^_' },
        ],
        'no-shadow': 'off',
        '@typescript-eslint/no-shadow': 'error',
      },
    },
  ],
};
