module.exports = require('../../eslint.package.js')(__dirname);
