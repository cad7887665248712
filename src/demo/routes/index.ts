import { appLookupRoute, appstoreRoute } from './appstore.js';
import { benchRoute } from './bench.js';
import { boardRoute, liveApiRoute } from './board.js';
import type { Route } from './env.js';
import { alertsRoute, articleRoute, blogAtomRoute, newsRssRoute } from './feeds.js';
import { hnSearchRoute } from './hackernews.js';
import { indexRoute, robotsRoute } from './index-page.js';
import { appsRoute } from './jsonld-apps.js';
import { cafesRoute } from './jsonld-cafes.js';
import { shopProductRoute, shopReviewsRoute, shopWidgetRoute } from './jsonld-shop.js';
import { mastodonRssRoute, mastodonTagRoute } from './mastodon.js';
import { guideRoute } from './microdata-guide.js';
import { privateRoute } from './private.js';
import { steamReviewsRoute } from './steam.js';
import { trustpilotRoute } from './trustpilot.js';
import { youtubeRoute } from './youtube.js';
import { bskyCreateSessionRoute, bskySearchRoute } from './bluesky.js';
import { playBatchRoute, playDetailsRoute } from './googleplay.js';
import { redditCommentsRoute, redditMoreChildrenRoute, redditNewRoute, redditSearchRoute } from './reddit.js';

/** Every route of the demo site, first match wins. */
export const ROUTES: Route[] = [
  indexRoute, robotsRoute, privateRoute,
  cafesRoute, guideRoute, shopReviewsRoute, shopWidgetRoute, shopProductRoute, appsRoute, benchRoute,
  liveApiRoute, boardRoute,
  newsRssRoute, articleRoute, blogAtomRoute, alertsRoute, mastodonRssRoute,
  redditSearchRoute, redditNewRoute, redditCommentsRoute, redditMoreChildrenRoute,
  hnSearchRoute, mastodonTagRoute, appstoreRoute, appLookupRoute, steamReviewsRoute, trustpilotRoute, youtubeRoute, bskyCreateSessionRoute, bskySearchRoute, playBatchRoute, playDetailsRoute,
];
