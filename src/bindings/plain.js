// A caller's value as plain data, measured before it is copied: every
// getter, proxy trap and toJSON runs here once, inside JSON.stringify, and a
// value larger than `budget` (characters of a string, items of an array or
// object, or values in all) is refused before it is walked, so a sparse
// array of length 2e7 costs no time and no memory.
export class TooLarge extends RangeError {}

// A string with a lone surrogate, which would reach wasm, and so the API, as
// U+FFFD instead of what the caller gave.
export class NotUnicode extends TypeError {}
const LONE_SURROGATE = /\p{Cs}/u;

/** Whether `text` is well-formed Unicode: it has no lone surrogate. */
export function isWellFormed(text) {
  return !LONE_SURROGATE.test(text);
}

export function plainCopy(value, budget) {
  // A string, number or boolean has nothing to run: only its size matters.
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
    if (typeof value === "string" && value.length > budget) throw new TooLarge();
    if (typeof value === "string" && !isWellFormed(value)) throw new NotUnicode();
    return Number.isFinite(value) || typeof value !== "number" ? value : null;
  }
  let left = budget;
  const text = JSON.stringify(value, function measured(key, item) {
    const size =
      typeof item === "string" ? item.length : Array.isArray(item) ? item.length : item && typeof item === "object" ? Object.keys(item).length : 1;
    left -= Math.max(size, 1);
    if (left < 0) throw new TooLarge();
    if (!isWellFormed(key) || (typeof item === "string" && !isWellFormed(item))) throw new NotUnicode();
    return item;
  });
  return text === undefined ? undefined : JSON.parse(text);
}

// A Date's time as RFC 3339 text; undefined for a value that is no Date, a
// TooLarge for text longer than `budget`, or why it can't be read. Whatever
// a Date runs may throw or give anything (a Proxy, a subclass, an
// override), so it runs here, and its text is measured before it is copied.
export function dateText(value, budget) {
  let text;
  try {
    if (!(value instanceof Date)) return undefined;
    if (Number.isNaN(value.getTime())) return { refused: "is an invalid Date" };
    text = value.toISOString();
  } catch {
    return { refused: "is a Date that could not be read" };
  }
  if (typeof text !== "string") return { refused: "is a Date whose toISOString gave no text" };
  return text.length > budget ? new TooLarge() : text;
}

// The strings under any of `names`, at any depth of a plain `value`: the
// secrets a body holds, which no error may show.
export function secretValues(value, names) {
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, item]) =>
    typeof item === "string" && names.includes(key) ? [item] : secretValues(item, names),
  );
}
