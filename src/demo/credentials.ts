/**
 * The demo site's YouTube key and Bluesky account, in the variables `config/demo.yaml` names (`keyEnv`) and the
 * Bluesky crawler reads. `earshot demo` sets them for its own process; anything else crawling the demo config against
 * the demo site (tests) passes them in its environment. They open nothing but the demo site.
 */
export const DEMO_CREDENTIALS = {
  DEMO_YOUTUBE_KEY: 'demo-key',
  BLUESKY_IDENTIFIER: 'earshot.demo.example',
  DEMO_BLUESKY_PASSWORD: 'demo-app-pass-word',
} as const;
