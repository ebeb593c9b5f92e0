//! The little JSON the crate needs: string literals out, and a strict reader
//! (RFC 8259) for the API's answers.
//!
//! It replaces serde_json, which with the float formatting its errors pull in
//! was about a third of the wasm module. The reader checks the whole text,
//! decodes the strings a caller asks for, and hands any other value back as
//! its raw text ([`Raw`]); the wasm boundary turns that into JavaScript with
//! `JSON.parse`, so unknown fields and large numbers arrive exactly as
//! `JSON.parse` would make them.

use std::fmt;

use crate::error::{decimal, join};

/// How deeply arrays and objects may nest. Deeper text is rejected instead of
/// risking the stack; serde_json uses the same limit.
pub const MAX_DEPTH: u32 = 128;

/// Appends `text` to `out` as a JSON string literal.
pub fn write_string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => {
                out.push_str("\\u00");
                for nibble in [u32::from(c) >> 4, u32::from(c) & 0xf] {
                    out.push(char::from_digit(nibble, 16).unwrap_or('0'));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// `text` as a JSON string literal, as messages quote values back.
pub fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len().saturating_add(2));
    write_string(&mut out, text);
    out
}

/// A JSON value kept as the text it arrived as, checked to be valid JSON.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Raw(String);

impl Raw {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Why a text is not the JSON that was expected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JsonError {
    /// Something else stood at byte `offset`.
    Unexpected {
        expected: &'static str,
        offset: usize,
    },
    /// An object lacked a member it must have.
    Missing { field: &'static str },
}

impl JsonError {
    /// Why, in words: "expected a string at byte 6", "group is missing".
    pub fn message(&self) -> String {
        match self {
            JsonError::Unexpected { expected, offset } => {
                join(&["expected ", expected, " at byte ", &decimal(*offset as u64)])
            }
            JsonError::Missing { field } => join(&[field, " is missing"]),
        }
    }
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

/// Reads one JSON text front to back. Each method reads one value (after any
/// whitespace) and fails on anything else; [`Reader::finish`] checks that
/// nothing but whitespace follows.
pub struct Reader<'a> {
    text: &'a str,
    offset: usize,
    depth: u32,
}

impl<'a> Reader<'a> {
    pub fn new(text: &'a str) -> Self {
        Reader {
            text,
            offset: 0,
            depth: 0,
        }
    }

    /// Ends the reading: only whitespace may be left.
    pub fn finish(mut self) -> Result<(), JsonError> {
        self.skip_whitespace();
        if self.offset == self.text.len() {
            Ok(())
        } else {
            self.fail("the end of the text")
        }
    }

    pub fn string(&mut self) -> Result<String, JsonError> {
        self.skip_whitespace();
        if !self.eat(b'"') {
            return self.fail("a string");
        }
        let mut out = String::new();
        loop {
            let run_start = self.offset;
            while self
                .peek()
                .is_some_and(|b| b != b'"' && b != b'\\' && b >= 0x20)
            {
                self.advance();
            }
            // The run stops only at ASCII bytes, so it ends on a char boundary.
            out.push_str(self.text.get(run_start..self.offset).unwrap_or_default());
            if self.eat(b'"') {
                return Ok(out);
            }
            if !self.eat(b'\\') {
                return self.fail("a closing quote");
            }
            out.push(self.escape()?);
        }
    }

    pub fn boolean(&mut self) -> Result<bool, JsonError> {
        self.skip_whitespace();
        if self.literal("true") {
            Ok(true)
        } else if self.literal("false") {
            Ok(false)
        } else {
            self.fail("true or false")
        }
    }

    /// `null` as `None`, anything else as `read` makes it.
    pub fn optional<T>(
        &mut self,
        read: impl FnOnce(&mut Self) -> Result<T, JsonError>,
    ) -> Result<Option<T>, JsonError> {
        self.skip_whitespace();
        if self.literal("null") {
            Ok(None)
        } else {
            read(self).map(Some)
        }
    }

    /// An array whose items `item` reads.
    pub fn array<T>(
        &mut self,
        mut item: impl FnMut(&mut Self) -> Result<T, JsonError>,
    ) -> Result<Vec<T>, JsonError> {
        let mut items = Vec::new();
        self.sequence([b'[', b']'], "an array", "a comma or ]", &mut |reader| {
            items.push(item(reader)?);
            Ok(())
        })?;
        Ok(items)
    }

    /// An object: `member` is called with each key and must read its value.
    pub fn object(
        &mut self,
        member: &mut dyn FnMut(&mut Self, String) -> Result<(), JsonError>,
    ) -> Result<(), JsonError> {
        self.sequence([b'{', b'}'], "an object", "a comma or }", &mut |reader| {
            let key = reader.string()?;
            reader.skip_whitespace();
            if !reader.eat(b':') {
                return reader.fail("a colon");
            }
            member(reader, key)
        })
    }

    /// `open (entry (, entry)*)? close`, one nesting level deeper.
    ///
    /// `entry` is a trait object, as is `object`'s `member`, so that every
    /// kind of array and object shares one copy of this loop in the `.wasm`.
    fn sequence(
        &mut self,
        [open, close]: [u8; 2],
        expected: &'static str,
        expected_after_entry: &'static str,
        entry: &mut dyn FnMut(&mut Self) -> Result<(), JsonError>,
    ) -> Result<(), JsonError> {
        self.skip_whitespace();
        if !self.eat(open) {
            return self.fail(expected);
        }
        self.enter()?;
        self.skip_whitespace();
        if !self.eat(close) {
            loop {
                entry(self)?;
                self.skip_whitespace();
                if self.eat(close) {
                    break;
                }
                if !self.eat(b',') {
                    return self.fail(expected_after_entry);
                }
            }
        }
        self.leave();
        Ok(())
    }

    /// An object of which only `key` matters: its value as `read` makes it
    /// (the last one, if repeated), or `None`; other members are checked and
    /// skipped.
    pub fn member<T>(
        &mut self,
        key: &str,
        mut read: impl FnMut(&mut Self) -> Result<T, JsonError>,
    ) -> Result<Option<T>, JsonError> {
        let mut found = None;
        self.object(&mut |reader, name| {
            if name == key {
                found = Some(read(reader)?);
                Ok(())
            } else {
                reader.skip_value()
            }
        })?;
        Ok(found)
    }

    /// Any value, checked and kept as its text.
    pub fn raw(&mut self) -> Result<Raw, JsonError> {
        self.skip_whitespace();
        let start = self.offset;
        self.skip_value()?;
        let text = self.text.get(start..self.offset).unwrap_or_default();
        Ok(Raw(text.to_owned()))
    }

    /// Any value, checked and dropped.
    pub fn skip_value(&mut self) -> Result<(), JsonError> {
        self.skip_whitespace();
        match self.peek() {
            Some(b'{') => self.object(&mut |reader, _| reader.skip_value()),
            Some(b'[') => self.array(Reader::skip_value).map(drop),
            Some(b'"') => self.string().map(drop),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b't' | b'f') => self.boolean().map(drop),
            _ if self.literal("null") => Ok(()),
            _ => self.fail("a value"),
        }
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`; the value is
    /// left to `JSON.parse`, so any magnitude is accepted.
    fn number(&mut self) -> Result<(), JsonError> {
        self.eat(b'-');
        if !self.eat(b'0') && !self.digits() {
            return self.fail("a digit");
        }
        if self.eat(b'.') && !self.digits() {
            return self.fail("a digit");
        }
        if self.eat(b'e') || self.eat(b'E') {
            let _sign = self.eat(b'+') || self.eat(b'-');
            if !self.digits() {
                return self.fail("a digit");
            }
        }
        Ok(())
    }

    /// The character after a backslash; a surrogate pair is joined, a lone
    /// surrogate is an error (it can't be a Rust `char`).
    fn escape(&mut self) -> Result<char, JsonError> {
        let Some(kind) = self.peek() else {
            return self.fail("an escape");
        };
        self.advance();
        let simple = match kind {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => return self.unicode_escape(),
            _ => return self.fail("an escape"),
        };
        Ok(simple)
    }

    fn unicode_escape(&mut self) -> Result<char, JsonError> {
        let unit = self.hex4()?;
        let code_point = if (0xd800..0xdc00).contains(&unit) {
            if !(self.eat(b'\\') && self.eat(b'u')) {
                return self.fail("the low half of a surrogate pair");
            }
            let low = self.hex4()?;
            if !(0xdc00..0xe000).contains(&low) {
                return self.fail("the low half of a surrogate pair");
            }
            0x10000_u32.saturating_add((unit & 0x3ff) << 10 | (low & 0x3ff))
        } else {
            unit
        };
        match char::from_u32(code_point) {
            Some(c) => Ok(c),
            None => self.fail("a character, not a lone surrogate"),
        }
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let mut value = 0;
        for _ in 0..4 {
            let Some(digit) = self.peek().and_then(|b| char::from(b).to_digit(16)) else {
                return self.fail("four hex digits");
            };
            self.advance();
            value = value << 4 | digit;
        }
        Ok(value)
    }

    /// Goes one array or object deeper. A failed read abandons the reader,
    /// so only a finished array or object needs to [`Reader::leave`].
    fn enter(&mut self) -> Result<(), JsonError> {
        if self.depth >= MAX_DEPTH {
            return self.fail("less nesting");
        }
        self.depth = self.depth.saturating_add(1);
        Ok(())
    }

    fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    /// One or more digits.
    fn digits(&mut self) -> bool {
        let start = self.offset;
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.advance();
        }
        self.offset > start
    }

    fn literal(&mut self, word: &str) -> bool {
        let found = self
            .text
            .as_bytes()
            .get(self.offset..)
            .is_some_and(|rest| rest.starts_with(word.as_bytes()));
        if found {
            self.offset = self.offset.saturating_add(word.len());
        }
        found
    }

    fn skip_whitespace(&mut self) {
        while self
            .peek()
            .is_some_and(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
        {
            self.advance();
        }
    }

    fn eat(&mut self, byte: u8) -> bool {
        let found = self.peek() == Some(byte);
        if found {
            self.advance();
        }
        found
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.offset).copied()
    }

    fn advance(&mut self) {
        self.offset = self.offset.saturating_add(1);
    }

    fn fail<T>(&self, expected: &'static str) -> Result<T, JsonError> {
        Err(JsonError::Unexpected {
            expected,
            offset: self.offset,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn whole_value(text: &str) -> Result<Raw, JsonError> {
        let mut reader = Reader::new(text);
        let raw = reader.raw()?;
        reader.finish().map(|()| raw)
    }

    fn whole_string(text: &str) -> Result<String, JsonError> {
        let mut reader = Reader::new(text);
        let string = reader.string()?;
        reader.finish().map(|()| string)
    }

    #[test]
    fn written_strings_read_back_and_match_serde_json() {
        for text in [
            "",
            "plain",
            "quote \" and \\ slash",
            "\n\r\t\u{0}\u{1f}",
            "é ✓ 😀",
            "\u{7f}",
        ] {
            let mut written = String::new();
            write_string(&mut written, text);
            assert_eq!(written, serde_json::to_string(text).unwrap());
            assert_eq!(whole_string(&written).unwrap(), text);
        }
    }

    #[test]
    fn escapes_decode() {
        assert_eq!(
            whole_string(r#""\"\\\/\b\f\n\r\t\u00e9\u2713""#).unwrap(),
            "\"\\/\u{8}\u{c}\n\r\t\u{e9}\u{2713}"
        );
        assert_eq!(whole_string(r#""\ud83d\ude00""#).unwrap(), "😀");
        assert_eq!(whole_string(r#""\uD83D\uDE00""#).unwrap(), "😀");
    }

    #[test]
    fn bad_strings_fail_where_they_go_wrong() {
        for (text, expected, offset) in [
            (r#""abc"#, "a closing quote", 4),
            ("\"a\nb\"", "a closing quote", 2),
            (r#""\x""#, "an escape", 3),
            (r#""\u12g4""#, "four hex digits", 5),
            (r#""\ud83d""#, "the low half of a surrogate pair", 7),
            (r#""\ud83d\u0041""#, "the low half of a surrogate pair", 13),
            (r#""\ude00""#, "a character, not a lone surrogate", 7),
            ("'a'", "a string", 0),
        ] {
            assert_eq!(
                whole_string(text),
                Err(JsonError::Unexpected { expected, offset }),
                "{text}"
            );
        }
    }

    #[test]
    fn numbers_follow_the_grammar() {
        for good in [
            "0", "-0", "7", "-12", "1.5", "0.25", "1e9", "1E+9", "2e-3", "-0.0e0", "1e400",
        ] {
            assert_eq!(whole_value(good).unwrap().as_str(), good);
        }
        for bad in [
            "01", "-", "+1", "1.", ".5", "1e", "1e+", "0x10", "NaN", "Infinity", "1.5.2",
        ] {
            assert!(whole_value(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn raw_values_keep_their_exact_text() {
        let mut reader = Reader::new(r#" { "a" : [ 1 , {"b":null} ] , "c":"\u00e9" } "#);
        let mut seen = Vec::new();
        reader
            .object(&mut |reader, key| {
                seen.push((key, reader.raw()?));
                Ok(())
            })
            .unwrap();
        reader.finish().unwrap();
        let seen: Vec<(&str, &str)> = seen.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        assert_eq!(seen, [("a", r#"[ 1 , {"b":null} ]"#), ("c", r#""\u00e9""#)]);
    }

    #[test]
    fn structure_errors() {
        for bad in [
            "",
            "   ",
            "[",
            "[1,]",
            "[1 2]",
            "{",
            "{\"a\"}",
            "{\"a\":}",
            "{\"a\":1,}",
            "{a:1}",
            "{\"a\":1 \"b\":2}",
            "tru",
            "nul",
            "[] []",
            "\u{feff}1",
        ] {
            assert!(whole_value(bad).is_err(), "{bad:?}");
        }
        for good in [
            "[]", "{}", " [ ] ", "true", "false", "null", "[[],{}]", "\"\"",
        ] {
            assert!(whole_value(good).is_ok(), "{good:?}");
        }
    }

    #[test]
    fn nesting_stops_at_the_limit() {
        let depth = usize::try_from(MAX_DEPTH).unwrap();
        let deepest = "[".repeat(depth) + &"]".repeat(depth);
        assert!(whole_value(&deepest).is_ok());
        let too_deep = "[".repeat(depth + 1) + &"]".repeat(depth + 1);
        assert_eq!(
            whole_value(&too_deep),
            Err(JsonError::Unexpected {
                expected: "less nesting",
                offset: depth + 1
            })
        );
        let mut siblings = "[".repeat(depth - 1) + "[],[],{}";
        siblings += &"]".repeat(depth - 1);
        assert!(whole_value(&siblings).is_ok());
    }

    #[test]
    fn member_keeps_the_last_value_of_its_key() {
        let mut reader = Reader::new(r#"{"a":1,"x":"one","b":[],"x":"two"}"#);
        assert_eq!(
            reader.member("x", Reader::string),
            Ok(Some("two".to_owned()))
        );
        let mut reader = Reader::new(r#"{"a":1}"#);
        assert_eq!(reader.member("x", Reader::string), Ok(None));
        let mut reader = Reader::new(r#"{"x":1}"#);
        assert!(reader.member("x", Reader::string).is_err());
    }

    #[test]
    fn optional_reads_null_as_none() {
        let read = |text| Reader::new(text).optional(Reader::boolean);
        assert_eq!(read("null"), Ok(None));
        assert_eq!(read(" true"), Ok(Some(true)));
        assert!(read("0").is_err());
    }
}
