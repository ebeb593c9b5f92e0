// A caller's value as plain data, measured before it is copied: every
// getter, proxy trap and toJSON runs here once, inside JSON.stringify, and a
// value larger than `budget` (characters of a string, items of an array or
// object, or values in all) is refused before it is walked, so a sparse
// array of length 2e7 costs no time and no memory.
export class TooLarge extends RangeError {}

export function plainCopy(value, budget) {
  // A string, number or boolean has nothing to run: only its size matters.
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
    if (typeof value === "string" && value.length > budget) throw new TooLarge();
    return Number.isFinite(value) || typeof value !== "number" ? value : null;
  }
  let left = budget;
  const text = JSON.stringify(value, function measured(key, item) {
    const size =
      typeof item === "string" ? item.length : Array.isArray(item) ? item.length : item && typeof item === "object" ? Object.keys(item).length : 1;
    left -= Math.max(size, 1);
    if (left < 0) throw new TooLarge();
    return item;
  });
  return text === undefined ? undefined : JSON.parse(text);
}

// A body behind a proxy that notes which of its fields was read last: serde
// reads a body's fields in order and stops at its first fault, so that is
// the argument at fault. Values inside the fields are not tracked: to
// describe a bad value, its reader walks it, which would blur the trail.
export function tracked(body) {
  let last;
  const proxy = new Proxy(body, {
    get(object, key) {
      if (typeof key === "string") last = key;
      return object[key];
    },
  });
  return [proxy, () => last];
}
