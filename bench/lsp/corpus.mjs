// Deterministic large *.anchor.json texts: a realistic request whose bulk is a big `metadata`
// object (free-form, as users attach job descriptions) and a long list of 1Password secrets.
function build(items, count) {
  const secrets = [];
  const metadata = { project: "bench", items: [] };
  for (let i = 0; i < items; i++) {
    if (i % 10 === 0) secrets.push(`op://vault-${i % 97}/item-${i}/field-${i % 13}`);
    metadata.items.push({
      id: `job-${i}`,
      url: `https://example.com/pages/${i}?ref=${(i * 7919) % 10007}`,
      tags: [`t${i % 17}`, `t${i % 23}`],
      limits: { retries: i % 5, timeout_ms: 1000 + (i % 9) * 250, enabled: i % 3 !== 0 },
      note: "lorem ipsum dolor sit amet ".repeat(1 + (i % 4)),
    });
  }
  const request = {
    count,
    configuration: {
      session: {
        initial_url: "https://example.com/start",
        proxy: { active: true, type: "anchor_mobile", country_code: "bt" },
        timeout: { max_duration: 30, idle_timeout: 5 },
        tags: ["bench"],
      },
      browser: { headless: { active: true }, captcha_solver: { active: true }, viewport: { width: 1440, height: 900 } },
      integrations: [{ id: "550e8400-e29b-41d4-a716-446655440000", type: "1PASSWORD", configuration: { load_mode: "specific", secrets } }],
    },
    metadata,
  };
  return JSON.stringify(request, null, 2) + "\n";
}

/**
 * A request of about `targetBytes` characters (within a few per cent). `withFinding` puts the
 * count over the API's limit: both servers then report one problem, and the text needs ranges.
 */
export function largeRequest(targetBytes, { withFinding = false } = {}) {
  const count = withFinding ? 2000 : 10;
  const probe = build(1000, count);
  return build(Math.max(1, Math.round((1000 * targetBytes) / probe.length)), count);
}
