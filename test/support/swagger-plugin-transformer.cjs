// ts-jest wants a transformer module with name/version/factory; this adapts the @nestjs/swagger
// CLI plugin (the one `nest build` runs) so tests see the same OpenAPI metadata as the build.
const plugin = require('@nestjs/swagger/plugin');

module.exports.name = 'nestjs-swagger-transformer';
module.exports.version = 1;
module.exports.factory = (compiler, options) => plugin.before(options, compiler.program);
