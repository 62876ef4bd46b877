module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  ...require('../../eslint-zod'),
  rules: {
    // The upgrade tests assert refusals through a helper that calls expect.
    'jest/expect-expect': [
      'warn',
      { assertFunctionNames: ['expect', 'expectRefused'] },
    ],
  },
});
