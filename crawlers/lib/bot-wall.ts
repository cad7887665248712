import type { CheerioAPI } from 'cheerio';

const WALL_SELECTORS = [
  '#challenge-form',
  '#cf-challenge-running',
  'iframe[src*="challenges.cloudflare.com"]',
  '.g-recaptcha',
  '.h-captcha',
  '#px-captcha',
  'iframe[src*="_Incapsula_Resource"]',
  'iframe[src*="captcha"]',
  'div#infoDiv0 a[href*="//www.google.com/policies/terms/"]',
];

const WALL_TITLES = /just a moment|attention required|access denied|are you a (ro)?bot|captcha|verify you are (a )?human|pardon our interruption|request unsuccessful|bot detection/i;

/** Why the page looks like a bot wall or captcha instead of content, or null. */
export function botWallReason($: CheerioAPI): string | null {
  const title = $('title').first().text().trim();
  if (WALL_TITLES.test(title)) return `bot wall or captcha page ("${title.slice(0, 80)}")`;
  for (const selector of WALL_SELECTORS) if ($(selector).length) return `bot wall or captcha page (${selector})`;
  return null;
}
