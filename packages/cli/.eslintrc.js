module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  ...require('../../eslint-zod'),
  rules: {
    // The upgrade and render tests assert through helpers that call expect.
    'jest/expect-expect': [
      'warn',
      {
        assertFunctionNames: [
          'expect',
          'expectRefused',
          'renderOk',
          'renderNothing',
        ],
      },
    ],
  },
});
