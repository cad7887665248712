export { startDemoSite, todayNoonUtc, type DemoSite, type DemoSiteOptions } from './server.js';
