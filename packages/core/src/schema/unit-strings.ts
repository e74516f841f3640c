/**
 * A number written as a string with its unit (`"width": "1920px"`, `"max_duration": "2h"`): what the
 * key takes, in its own unit, when the unit says it for certain. valid-type offers it.
 */

const PIXELS = /^\s*(\d{1,6})\s*(?:px|pixels?)\s*$/i;
const DURATION = /^\s*(\d{1,7}(?:\.\d+)?)\s*(m|mins?|minutes?|h|hrs?|hours?|s|secs?|seconds?)\s*$/i;
const VIEWPORT = /^\/configuration\/browser\/viewport\/(?:width|height)$/;
const TIMEOUT = /^\/configuration\/session\/timeout\/(?:max_duration|idle_timeout)$/;

/** The value in the key's unit, and how the unit written was read (`2 hours`), or undefined. */
export function numberOfUnitString(pattern: string, value: string): { value: number; read: string } | undefined {
  if (VIEWPORT.test(pattern)) {
    const pixels = PIXELS.exec(value);
    return pixels ? { value: Number(pixels[1]), read: "pixels" } : undefined;
  }
  if (!TIMEOUT.test(pattern)) return undefined;
  const duration = DURATION.exec(value);
  if (!duration) return undefined;
  const amount = Number(duration[1]);
  const unit = duration[2]!.toLowerCase();
  const [perMinute, name] = unit.startsWith("h") ? [60, "hours"] : unit.startsWith("s") ? [1 / 60, "seconds"] : [1, "minutes"];
  const minutes = amount * perMinute;
  // Only a whole number of minutes is what the key can hold: 90 seconds is not one.
  if (!Number.isInteger(minutes) || !Number.isSafeInteger(minutes)) return undefined;
  return { value: minutes, read: name === "minutes" ? "minutes" : `minutes: ${amount} ${amount === 1 ? name.slice(0, -1) : name}` };
}
