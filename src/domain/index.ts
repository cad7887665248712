export * from './analysis.js';
export * from './brand.js';
export * from './crawl-run.js';
export * from './mention.js';
export * from './raw-item.js';
export * from './source-kind.js';
export * from './source.js';
export * from './errors.js';
