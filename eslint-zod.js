// Scaffolder actions build their schemas with zod's v3 API (`zod/v3`, which zod 4 ships), and
// a schema only nests inside one of the same flavour. So every package of ours imports `zod/v3`:
// the common schemas then compose into action inputs, routers and the CLI alike.
module.exports = {
  restrictedImports: [
    {
      name: 'zod',
      message:
        "Import from 'zod/v3' instead: scaffolder actions need zod v3 schemas and our common schemas must nest in them (see DEVELOPERS.md).",
    },
  ],
};
