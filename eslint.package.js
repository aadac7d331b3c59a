// The one lint setup every package uses: Backstage's rules for its role.
// Tests run on vitest, whose API the jest plugin's rules understand; the
// plugin only needs to be told a version since jest itself is not installed.
module.exports = dir =>
  require('@backstage/cli/config/eslint-factory')(dir, {
    settings: { jest: { version: 29 } },
  });
