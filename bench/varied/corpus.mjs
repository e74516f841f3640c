// A varied corpus of batch-session configs, deterministic from a seed, that looks like real repositories
// rather than one file copied 10,000 times: every property of the spec appears in some files, every proxy
// type with countries from its own list, different sections present or absent, keys in random order,
// 2-space, 4-space and minified layouts, 100 B to 20 KB, folders of uneven size, and about 30% of the files
// with one or two of 30 kinds of mistakes. The old uniform corpus (../cli/corpus.mjs) stays as a second row.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { countryCodesByProxyType } from "../../packages/core/dist/generated/countries.js";
import { prng } from "../cli/corpus.mjs";

const URLS = [
  "https://example.com",
  "https://shop.example.org/cart?step=2",
  "http://intranet.example.net:8080/login",
  "https://news.example.net/?q=1&lang=de",
  "https://app.example.io/dashboard#reports",
];
const WORDS = ["crawl", "checkout", "price", "monitor", "login", "export", "signup", "audit", "search", "feed"];
const SELECTORS = ["#card-number", "input[type=password]", ".ssn", "[data-secret]", "#cvv", ".account-id"];

function uuid(random) {
  const hex = () => Math.floor(random() * 16).toString(16);
  const part = (n) => Array.from({ length: n }, hex).join("");
  return `${part(8)}-${part(4)}-4${part(3)}-${"89ab"[Math.floor(random() * 4)]}${part(3)}-${part(12)}`;
}

/** A valid request; which optional sections it has, and how large its free-form parts are, varies. */
function validConfig(r, index) {
  const pick = (list) => list[Math.floor(r() * list.length)];
  const maybe = (p) => r() < p;
  const on = () => ({ active: maybe(0.6) });
  const config = { count: 1 + Math.floor(r() ** 2 * 999) };
  if (maybe(0.05)) return { ...config, metadata: { project: `project-${index % 37}` } }; // the smallest files
  const session = {};
  const browser = {};
  if (maybe(0.7)) session.initial_url = pick(URLS);
  if (maybe(0.4)) session.recording = on();
  if (maybe(0.5)) {
    const timeout = {};
    const max = maybe(0.1) ? -1 : 5 + Math.floor(r() * 120);
    if (maybe(0.9)) timeout.max_duration = max;
    if (maybe(0.7)) timeout.idle_timeout = maybe(0.1) ? -1 : 1 + Math.floor(r() * (max > 0 ? max : 30));
    session.timeout = timeout;
  }
  const roll = r();
  if (roll < 0.5) {
    const type = pick(["anchor_proxy", "anchor_residential", "anchor_mobile", "anchor_gov", undefined]);
    const proxy = { active: maybe(0.9) };
    if (type) proxy.type = type;
    if (maybe(0.8)) proxy.country_code = pick(countryCodesByProxyType[type ?? "anchor_proxy"]);
    if ((type ?? "anchor_proxy") === "anchor_proxy" && maybe(0.2)) {
      proxy.region = pick(["ca", "ny", "tx", "by", "idf"]);
      if (maybe(0.5)) proxy.city = pick(["los angeles", "new york", "austin", "munich", "paris"]);
    }
    session.proxy = proxy;
  } else if (roll < 0.58) {
    session.proxy = {
      type: "custom",
      active: true,
      server: pick(["http://proxy.example.com:3128", "socks5://10.0.0.7:1080", "https://p.example.org:443"]),
      username: "${env:PROXY_USER}",
      password: "${env:PROXY_PASSWORD}",
    };
  }
  const proxyActive = session.proxy?.active === true;
  const anchorProxy = proxyActive && session.proxy.type !== "custom";
  const headless = maybe(0.6);
  if (maybe(0.2)) session.live_view = { read_only: maybe(0.5), ...(headless ? {} : { one_time_url: maybe(0.5) }) };
  if (maybe(0.4)) session.tags = Array.from({ length: 1 + Math.floor(r() * 8) }, (_, i) => `${pick(WORDS)}-${i}`);

  if (maybe(0.7)) browser.headless = { active: headless };
  if (maybe(0.5)) browser.viewport = { width: pick([1280, 1366, 1440, 1920, 390]), height: pick([720, 768, 900, 1080, 844]) };
  const adblock = maybe(0.8);
  if (maybe(0.5)) browser.adblock = { active: adblock };
  if (maybe(0.4)) browser.popup_blocker = { active: adblock && maybe(0.7) };
  if (proxyActive && maybe(0.4)) browser.captcha_solver = { active: true };
  if (maybe(0.15)) browser.profile = { name: `${pick(WORDS)}-profile-${index % 13}`, persist: config.count === 1 && maybe(0.5) };
  if (maybe(0.15)) browser.fullscreen = on();
  if (maybe(0.1)) browser.p2p_download = on();
  if (maybe(0.15)) browser.extensions = Array.from({ length: 1 + Math.floor(r() * 4) }, () => uuid(r));
  if (maybe(0.05)) browser.disable_web_security = { active: false };
  if (anchorProxy && maybe(0.3)) browser.extra_stealth = { active: true };
  if (maybe(0.1)) browser.pdf_viewer = on();
  if (maybe(0.1)) browser.force_popups_as_tabs = on();
  if (maybe(0.1)) browser.web_bot_auth = on();
  if (maybe(0.1)) browser.disable_dialogs = on();
  if (maybe(0.15)) browser.tracing = { active: true, snapshots: maybe(0.5), sources: maybe(0.5) };
  if (maybe(0.15)) {
    const mask = { active: true };
    if (maybe(0.6)) mask.custom_selectors = Array.from({ length: 1 + Math.floor(r() * 5) }, () => pick(SELECTORS));
    if (maybe(0.5)) {
      mask.site_selectors = {};
      const sites = Math.floor(r() ** 3 * 40);
      for (let i = 0; i < sites; i++) mask.site_selectors[`site-${i}.example.com`] = [pick(SELECTORS), pick(SELECTORS)];
    }
    if (maybe(0.4)) mask.custom_patterns = [{ regex: "\\d{4}-\\d{4}-\\d{4}-\\d{4}", mask: "****" }];
    browser.sensitive_data_mask = mask;
  }
  const configuration = {};
  if (Object.keys(session).length > 0 || maybe(0.3)) configuration.session = session;
  if (Object.keys(browser).length > 0 || maybe(0.3)) configuration.browser = browser;
  if (maybe(0.12)) {
    const specific = maybe(0.6);
    configuration.integrations = [
      {
        id: uuid(r),
        type: "1PASSWORD",
        configuration: specific
          ? { load_mode: "specific", secrets: [`op://Shared/${pick(WORDS)}/password`, "op://Shared/api/credentials/token"] }
          : { load_mode: "all" },
      },
    ];
  }
  if (maybe(0.08)) configuration.identities = [{ id: `identity-${index % 50}` }, { id: `identity-${(index % 50) + 50}` }];
  if (Object.keys(configuration).length > 0 || maybe(0.5)) config.configuration = configuration;
  if (maybe(0.6)) {
    // Free-form metadata of any shape: the bulk of the largest files.
    const metadata = { project: `project-${index % 37}`, owner: pick(["data", "growth", "qa", "ops"]) };
    const items = Math.floor(r() ** 3 * 75);
    if (items > 0) {
      metadata.jobs = Array.from({ length: items }, (_, i) => ({
        name: `${pick(WORDS)} ${i}`,
        url: `${pick(URLS)}/item/${i}`,
        retries: Math.floor(r() * 4),
        nested: maybe(0.3) ? { notes: [pick(WORDS), null, maybe(0.5)] } : null,
      }));
    }
    config.metadata = metadata;
  }
  return config;
}

const ensure = (object, key) => (object[key] ??= {});
const session = (c) => ensure(ensure(c, "configuration"), "session");
const browser = (c) => ensure(ensure(c, "configuration"), "browser");

/** Mistakes on the value, each of the kind real configs have; the comment names the rule it triggers. */
const MISTAKES = [
  (c) => (c.count = 5000), // count-range
  (c) => (c.count = 0), // count-range
  (c) => delete c.count, // required-property
  (c) => (session(c).proxy = { active: true, type: "anchor_residential", country_code: "US" }), // proxy-country (case)
  (c) => (session(c).proxy = { active: true, type: "anchor_mobile", country_code: "li" }), // proxy-country (not offered)
  (c) => (session(c).proxy = { active: true, country_code: "uk" }), // proxy-country (alias)
  (c) => (session(c).proxy = { active: true, type: "anchor_gov", country_code: "germany" }), // proxy-country (a name)
  (c) => ((browser(c).recording = { active: true }), delete session(c).recording), // known-property (misplaced)
  (c) => (session(c).timout = { max_duration: 10 }), // known-property (typo)
  (c) => (c.metdata = { project: "x" }), // known-property (top level)
  (c) => (browser(c).captcha_solver = { active: true }, delete session(c).proxy), // captcha-requires-proxy
  (c) => (session(c).timeout = { max_duration: 5, idle_timeout: 30 }), // timeout-order
  (c) => (session(c).timeout = { max_duration: 0 }), // number-range
  (c) => (browser(c).viewport = { width: -5, height: 720 }), // number-range
  (c) => (browser(c).viewport = { width: "wide", height: 720 }), // valid-type
  (c) => (session(c).recording = "yes"), // valid-type
  (c) => (session(c).initial_url = "file:///etc/passwd"), // initial-url-scheme
  (c) => (session(c).initial_url = "example.com/start"), // valid-format
  (c) => (session(c).proxy = { active: true, type: "residential" }), // valid-enum
  (c) => (session(c).proxy = { type: "custom", active: true, server: "http://p.example.com:3128", username: "${env:U}" }), // required-property
  (c) => (session(c).proxy = { type: "custom", active: true, server: "proxy.example.com", username: "${env:U}", password: "${env:P}" }), // custom-proxy-server
  (c) => (session(c).proxy = { type: "custom", active: true, server: "http://p.example.com:3128", username: "bob", password: "hunter2" }), // no-plaintext-proxy-credentials
  (c) => ((browser(c).extra_stealth = { active: true }), delete session(c).proxy), // extra-stealth-requires-anchor-proxy
  (c) => (browser(c).disable_web_security = { active: true }), // no-disable-web-security
  (c) => (browser(c).extensions = ["3c90c3cc-0d44-4b50-8888-8dd25736052a", "3c90c3cc-0d44-4b50-8888-8dd25736052a"]), // no-duplicate-ids
  (c) => (browser(c).extensions = ["my-extension"]), // valid-format
  (c) => ((browser(c).headless = { active: true }), (session(c).live_view = { one_time_url: true })), // one-time-url-requires-headful
  (c) => ((browser(c).adblock = { active: false }), (browser(c).popup_blocker = { active: true })), // popup-blocker-requires-adblock
  (c) => (browser(c).profile = { persist: true }), // profile-persist
  (c) => (session(c).proxy = { active: true, type: "anchor_mobile", country_code: "us", region: "ca", city: "la" }), // proxy-region-city
  (c) => (session(c).proxy = { active: true, city: "berlin" }), // proxy-region-city (city without region)
  (c) => (ensure(c, "configuration").integrations = [{ id: "3c90c3cc-0d44-4b50-8888-8dd25736052b", type: "1PASSWORD", configuration: { load_mode: "specific", secrets: ["vault/item"] } }]), // onepassword-secret-reference
  (c) => (ensure(c, "configuration").integrations = [{ id: "3c90c3cc-0d44-4b50-8888-8dd25736052c", type: "1PASSWORD", configuration: { load_mode: "all", secrets: ["op://v/i/f"] } }]), // onepassword-unused-secrets
  (c) => (ensure(c, "configuration").integrations = [{ id: "3c90c3cc-0d44-4b50-8888-8dd25736052d", type: "1PASSWORD", configuration: { load_mode: "specific", secrets: [] } }]), // min-items
  (c) => (ensure(c, "configuration").integrations = [{ id: "3c90c3cc-0d44-4b50-8888-8dd25736052e", type: "1password", configuration: { load_mode: "al" } }]), // valid-enum
];

/** Mistakes in the text: they cannot be made on a parsed value. */
const TEXT_MISTAKES = [
  (t) => t.replace(/}\s*$/, ",\n}\n").replace(/,\s*,/, ","), // strict-json (trailing comma)
  (t) => `// generated by the nightly job\n${t}`, // strict-json (comment)
  (t) => `\uFEFF${t}`, // strict-json (BOM)
  (t) => t.replace(/"count":/, '"count": 3, "count":'), // no-duplicate-keys
  (t) => t.slice(0, Math.max(40, Math.floor(t.length * 0.7))), // json-syntax (cut off)
  (t) => t.replace(/:/, ": ,"), // json-syntax (missing value)
];

/** Every object's keys in a random order (arrays keep theirs). */
function shuffled(value, r) {
  if (Array.isArray(value)) return value.map((item) => shuffled(item, r));
  if (value === null || typeof value !== "object") return value;
  const keys = Object.keys(value);
  for (let i = keys.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [keys[i], keys[j]] = [keys[j], keys[i]];
  }
  const out = {};
  for (const key of keys) out[key] = shuffled(value[key], r);
  return out;
}

/** Folder sizes: a few large folders, many small ones, some nested; they add up to `total`. */
function folders(total, r) {
  const out = [];
  let left = total;
  for (let i = 0; left > 0; i++) {
    const size = Math.min(left, 1 + Math.floor(r() ** 3 * 400));
    const nested = r() < 0.3 ? `/${["jobs", "prod", "staging", "nightly"][i % 4]}` : "";
    out.push({ path: `team-${String(i).padStart(4, "0")}${nested}`, size });
    left -= size;
  }
  return out;
}

/**
 * Writes `total` varied files under `dir` and returns their paths. About 30% have a mistake (one in
 * four of those has two), one in seven of the mistaken ones a mistake in the text itself.
 */
export function writeVariedCorpus(dir, total = 10_000, seed = 42) {
  const r = prng(seed);
  const files = [];
  let index = 0;
  for (const folder of folders(total, r)) {
    const path = join(dir, folder.path);
    mkdirSync(path, { recursive: true });
    for (let k = 0; k < folder.size; k++, index++) {
      const config = validConfig(r, index);
      let textMistake;
      if (r() < 0.3) {
        const kinds = r() < 0.25 ? 2 : 1;
        for (let m = 0; m < kinds; m++) {
          if (r() < 0.15) textMistake = TEXT_MISTAKES[Math.floor(r() * TEXT_MISTAKES.length)];
          else MISTAKES[Math.floor(r() * MISTAKES.length)](config);
        }
      }
      const layout = r();
      let text = JSON.stringify(shuffled(config, r), null, layout < 0.45 ? 2 : layout < 0.8 ? 4 : undefined);
      text += r() < 0.9 ? "\n" : "";
      if (textMistake) text = textMistake(text);
      const file = join(path, `${WORDS[index % WORDS.length]}-${String(index).padStart(6, "0")}.anchor.json`);
      writeFileSync(file, text);
      files.push(file);
    }
  }
  return files;
}
