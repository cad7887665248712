import { z } from 'zod';

/**
 * The 249 officially assigned ISO 3166-1 alpha-2 country codes, lowercase. A plain list: it changes a few times a
 * decade, and the packages that keep it (i18n-iso-countries …) ship country names in 100 languages we do not need.
 */
const ISO_3166_ALPHA2 = new Set(
  (
  'ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bl bm bn bo bq br bs bt bv bw by ' +
  'bz ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm do dz ec ee eg eh er es et fi fj fk ' +
  'fm fo fr ga gb gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm hn hr ht hu id ie il im in io iq ir ' +
  'is it je jm jo jp ke kg kh ki km kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv ly ma mc md me mf mg mh mk ' +
  'ml mm mn mo mp mq mr ms mt mu mv mw mx my mz na nc ne nf ng ni nl no np nr nu nz om pa pe pf pg ph pk pl pm ' +
  'pn pr ps pt pw py qa re ro rs ru rw sa sb sc sd se sg sh si sj sk sl sm sn so sr ss st sv sx sy sz tc td tf ' +
  'tg th tj tk tl tm tn to tr tt tv tw tz ua ug um us uy uz va vc ve vg vi vn vu wf ws ye yt za zm zw'
  ).split(' '),
);

/** Codes people write for a country whose ISO code differs. */
const COMMON_MISTAKES: Record<string, string> = { uk: 'gb', en: 'gb', el: 'gr', ja: 'jp', ko: 'kr', zh: 'cn', sp: 'es', su: 'ru' };

/**
 * An App Store storefront: an ISO 3166-1 alpha-2 country code written lowercase, as Apple writes it in its URLs
 * (`itunes.apple.com/us/rss/…`, `apps.apple.com/gb/app/…`) and as crawled mentions store it (`meta.storefront`).
 * `US` is refused with the spelling to use rather than silently lowercased, so a config has one spelling.
 */
export const Storefront = z.string().superRefine((code, ctx) => {
  const lower = code.toLowerCase();
  if (!/^[a-z]{2}$/.test(lower)) {
    ctx.addIssue({ code: 'custom', message: `expected a two-letter country code (ISO 3166-1 alpha-2), got "${code}"` });
  } else if (!ISO_3166_ALPHA2.has(lower)) {
    const hint = COMMON_MISTAKES[lower];
    ctx.addIssue({ code: 'custom', message: `"${code}" is not an ISO 3166-1 alpha-2 country code${hint ? ` (did you mean "${hint}"?)` : ''}` });
  } else if (code !== lower) {
    ctx.addIssue({ code: 'custom', message: `write storefronts lowercase, as the App Store does: "${lower}"` });
  }
});
