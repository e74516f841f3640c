// Deterministic corpus of batch-session configs: the same seed gives the same files, byte for byte.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export function prng(seed) {
  // mulberry32: small, fast, and stable across Node versions.
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COUNTRIES = ["us", "gb", "de", "fr", "ca", "jp", "au", "nl", "es", "it"];
const URLS = ["https://example.com", "https://shop.example.org/cart", "https://news.example.net/?q=1"];

function validConfig(random, index) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  const config = {
    count: 1 + Math.floor(random() * 200),
    configuration: {
      browser: {
        headless: { active: random() < 0.7 },
        viewport: { width: pick([1280, 1440, 1920]), height: pick([720, 900, 1080]) },
        adblock: { active: true },
        popup_blocker: { active: random() < 0.8 },
      },
      session: {
        initial_url: pick(URLS),
        recording: { active: random() < 0.5 },
        timeout: { max_duration: 20 + Math.floor(random() * 100), idle_timeout: 1 + Math.floor(random() * 10) },
      },
    },
    metadata: { project: `project-${index % 37}`, owner: pick(["data", "growth", "qa"]) },
  };
  if (random() < 0.5) {
    config.configuration.session.proxy = { active: true, type: "anchor_residential", country_code: pick(COUNTRIES) };
    if (random() < 0.3) config.configuration.browser.captcha_solver = { active: true };
  }
  if (random() < 0.3) config.configuration.session.tags = ["batch", `run-${index % 11}`];
  return config;
}

/** Each mutation makes the kind of mistake real configs have. */
const MISTAKES = [
  (c) => (c.count = 5000),
  (c) => (c.configuration.session.proxy = { active: true, type: "anchor_residential", country_code: "US" }),
  (c) => ((c.configuration.browser.recording = { active: true }), delete c.configuration.session.recording),
  (c) => ((c.configuration.browser.captcha_solver = { active: true }), delete c.configuration.session.proxy),
  (c) => (c.configuration.session.timout = { max_duration: 10 }),
  (c) => (c.configuration.session.timeout = { max_duration: 5, idle_timeout: 30 }),
  (c) => (c.configuration.session.initial_url = "file:///etc/passwd"),
  (c) => (c.configuration.browser.viewport.width = "wide"),
];

/** Writes `total` files in folders of 100 under `dir`; about 30% have a mistake, 2% are broken JSON. */
export function writeCorpus(dir, total = 10_000, seed = 42) {
  const random = prng(seed);
  const files = [];
  for (let i = 0; i < total; i++) {
    const folder = join(dir, `team-${String(Math.floor(i / 100)).padStart(3, "0")}`);
    if (i % 100 === 0) mkdirSync(folder, { recursive: true });
    const config = validConfig(random, i);
    const roll = random();
    let text;
    if (roll < 0.02) {
      text = JSON.stringify(config, null, 2).replace(/\n}$/, ",\n}"); // trailing comma
    } else {
      if (roll < 0.3) MISTAKES[Math.floor(random() * MISTAKES.length)](config);
      text = `${JSON.stringify(config, null, 2)}\n`;
    }
    const file = join(folder, `job-${String(i).padStart(5, "0")}.anchor.json`);
    writeFileSync(file, text);
    files.push(file);
  }
  return files;
}
