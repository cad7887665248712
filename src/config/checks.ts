import { formatPath } from './issues.js';
import { loadThemePacks } from './nlp-data.js';

/** Problems (the config is refused) and warnings (printed, the config is used) found across the whole file. */
export interface CrossCheck {
  problems: string[];
  warnings: string[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * The checks that look across entries: unique brand ids and rule names, rules naming a configured brand, source
 * and channels, theme packs that exist (`config/themes/<name>.yaml`, or a file path relative to the working
 * directory, read and validated as the analyzer would), competitors that are tracked as brands (a warning: share
 * of voice shows an untracked one with no volume), and theme ids of goals and alert filters that the brand's packs
 * define (a theme no pack tags never matches: a goal never measured, a rule that never fires). They read the raw (parsed YAML) config defensively, so they run
 * in the same pass as the schema check even where a brand has schema problems of its own.
 */
export function crossCheck(raw: Obj, opts: { themeDir?: string } = {}): CrossCheck {
  const problems: string[] = [];
  const warnings: string[] = [];
  const at = (path: Array<string | number>, message: string, to = problems) => to.push(`${formatPath(path)}: ${message}`);
  const brands = list(raw.brands);
  const brandIds = new Map<string, Obj>();
  const packErrors = new Map<string, string | null>();
  /** Theme ids of each brand's packs (null when a pack cannot be read: that is reported already). */
  const brandThemes = new Map<Obj, Set<string> | null>();
  const themesOf = (b: Obj): Set<string> | null => {
    if (!brandThemes.has(b)) brandThemes.set(b, themeIds(Array.isArray(b.themePacks) ? list(b.themePacks) : ['general'], opts.themeDir));
    return brandThemes.get(b)!;
  };
  const unknownTheme = (theme: string, b: Obj) => {
    const ids = themesOf(b);
    if (!ids || ids.has(theme)) return null;
    return `unknown theme "${theme}": brand "${str(b.id) ?? '?'}" has no such theme in its packs (${list(b.themePacks).length ? list(b.themePacks).join(', ') : 'general'}); it would never match`;
  };

  brands.forEach((b, i) => {
    if (!isObj(b)) return;
    const id = str(b.id);
    if (id !== undefined) {
      if (brandIds.has(id)) at(['brands', i, 'id'], `duplicate brand id "${id}"`);
      else brandIds.set(id, b);
    }
    list(b.themePacks).forEach((pack, j) => {
      if (typeof pack !== 'string' || !pack) return;
      if (!packErrors.has(pack)) packErrors.set(pack, themePackError(pack, opts.themeDir));
      const err = packErrors.get(pack);
      if (err) at(['brands', i, 'themePacks', j], err);
    });
  });

  brands.forEach((b, i) => {
    if (!isObj(b)) return;
    list(b.goals).forEach((g, j) => {
      const theme = isObj(g) ? str(g.theme) : undefined;
      const why = theme === undefined ? null : unknownTheme(theme, b);
      if (why) at(['brands', i, 'goals', j, 'theme'], why);
    });
    list(b.competitors).forEach((c, j) => {
      const cid = isObj(c) ? str(c.id) : undefined;
      if (cid !== undefined && !brandIds.has(cid)) {
        at(['brands', i, 'competitors', j, 'id'], `competitor "${cid}" is not tracked as a brand: share of voice shows no volume for it (add it under brands: to crawl it)`, warnings);
      }
    });
  });

  const channels = isObj(raw.channels) ? Object.keys(raw.channels) : [];
  const ruleNames = new Set<string>();
  list(raw.alerts).forEach((r, i) => {
    if (!isObj(r)) return;
    const name = str(r.name);
    if (name !== undefined) {
      if (ruleNames.has(name)) at(['alerts', i, 'name'], `duplicate rule name "${name}"`);
      ruleNames.add(name);
    }
    const brandId = str(r.brand);
    const brand = brandId === undefined ? undefined : brandIds.get(brandId);
    const source = isObj(r.filters) ? str(r.filters.source) : undefined;
    if (brandId !== undefined && !brand) {
      at(['alerts', i, 'brand'], `unknown brand "${brandId}" (configured: ${[...brandIds.keys()].join(', ')})`);
    } else if (brand && source !== undefined) {
      const names = list(brand.sources).map((s) => (isObj(s) ? (str(s.name) ?? str(s.kind)) : undefined));
      if (!names.includes(source)) at(['alerts', i, 'filters', 'source'], `brand "${brandId}" has no source "${source}"`);
    }
    const theme = isObj(r.filters) ? str(r.filters.theme) : undefined;
    const why = brand && theme !== undefined ? unknownTheme(theme, brand) : null;
    if (why) at(['alerts', i, 'filters', 'theme'], why);
    list(r.channels).forEach((ch, j) => {
      if (typeof ch === 'string' && !channels.includes(ch)) {
        at(['alerts', i, 'channels', j], `unknown channel "${ch}" (${channels.length ? `configured: ${channels.join(', ')}` : 'no channels configured'})`);
      }
    });
  });
  return { problems, warnings };
}

/** The theme ids the packs define, or null when one of them cannot be read. */
function themeIds(packs: unknown[], dir: string | undefined): Set<string> | null {
  if (!packs.every((p): p is string => typeof p === 'string' && p.length > 0)) return null;
  try {
    return new Set(loadThemePacks(packs, dir ? { dir } : {}).map((t) => t.id));
  } catch {
    return null;
  }
}

/** Why a theme pack cannot be used (unknown name, missing or malformed file), or null. */
function themePackError(pack: string, dir: string | undefined): string | null {
  try {
    loadThemePacks([pack], dir ? { dir } : {});
    return null;
  } catch (err) {
    return (err as Error).message.split('\n')[0]!;
  }
}
