//! When a failed attempt may be tried again, and after how long.
//!
//! A `GET` has no effect on the server, so it is retried after anything
//! that may pass: `429`, `502`, `503`, `504` and a network error. A `PUT`
//! of an upload is retried as turso-cli retries an upload's chunk
//! (`internal/turso/tursoServer.go`, `isRetriableError`, at e149f69): on a
//! network error, `408`, `429` and every `5xx`. Any other
//! method is retried only when the server has said it did not act on the
//! request: `429 Too Many Requests`, and `503 Service Unavailable` with a
//! `Retry-After`. Anything else, a 409, a 500, a dropped connection, might
//! have come after the change was made, and a retry could then make it
//! twice or turn success into a `conflict`.

use crate::operation::Method;

/// Retries after the first attempt unless a call says otherwise.
pub const DEFAULT_MAX_RETRIES: u32 = 2;

/// The longest wait before a retry; a server that asks for longer is not
/// retried early against its word: the call fails with its answer instead.
pub const MAX_RETRY_DELAY_MS: u32 = 60_000;

/// The first backoff step when the server names no wait; it doubles each retry.
const BACKOFF_BASE_MS: u32 = 500;

/// How an attempt failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AttemptFailure<'a> {
    /// The server answered with this status and, maybe, a `Retry-After`.
    Status(u16, Option<&'a str>),
    /// No answer came: refused, reset, DNS, TLS.
    Network,
}

/// Whether an answer with `status` to `method` can ever be retried; only
/// then does its `Retry-After` matter.
pub fn may_retry(method: Method, status: u16) -> bool {
    match (method, status) {
        (Method::Put, 408 | 500..=599) => true,
        (_, 429 | 503) => true,
        (_, 502 | 504) => method.is_safe(),
        _ => false,
    }
}

/// How long to wait before retrying an attempt of `method` that `failed`,
/// or `None` if it must not be retried.
///
/// `retries_done` counts retries already made, `now_ms` is the Unix time
/// in milliseconds (for `Retry-After` dates), and `random` is uniform in
/// `[0, 1)`, for full jitter.
pub fn delay_before_retry(
    method: Method,
    failed: AttemptFailure<'_>,
    retries_done: u32,
    max_retries: u32,
    now_ms: f64,
    random: f64,
) -> Option<u32> {
    if retries_done >= max_retries {
        return None;
    }
    let asked = match failed {
        AttemptFailure::Status(status, _) if !may_retry(method, status) => return None,
        AttemptFailure::Network if !method.is_safe() => return None,
        AttemptFailure::Status(_, retry_after) => {
            retry_after.and_then(|value| parse_retry_after_ms(value, now_ms))
        }
        AttemptFailure::Network => None,
    };
    let delay = match (failed, asked) {
        (_, Some(asked)) => asked,
        // Without `Retry-After`, a 503 to a method that changes things may
        // have been acted on.
        (AttemptFailure::Status(503, _), None) if !method.is_safe() => return None,
        (_, None) => {
            let ceiling = BACKOFF_BASE_MS
                .saturating_mul(1 << retries_done.min(16))
                .min(MAX_RETRY_DELAY_MS);
            (random.clamp(0.0, 1.0) * f64::from(ceiling)) as u32
        }
    };
    (delay <= MAX_RETRY_DELAY_MS).then_some(delay)
}

/// Parses `Retry-After`: whole seconds, or an HTTP date (IMF-fixdate, such
/// as `Wed, 21 Oct 2015 07:28:00 GMT`). A date in the past means now.
pub fn parse_retry_after_ms(value: &str, now_ms: f64) -> Option<u32> {
    let value = value.trim();
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        let seconds: u64 = value.parse().unwrap_or(u64::MAX);
        return Some(u32::try_from(seconds.saturating_mul(1000)).unwrap_or(u32::MAX));
    }
    let at_ms = parse_imf_fixdate_ms(value)?;
    let wait = (at_ms - now_ms).max(0.0).ceil();
    Some(if wait >= f64::from(u32::MAX) {
        u32::MAX
    } else {
        wait as u32
    })
}

/// `Sun, 06 Nov 1994 08:49:37 GMT` as Unix milliseconds.
// Every field is at most four digits, so none of the arithmetic can overflow.
#[allow(clippy::arithmetic_side_effects)]
fn parse_imf_fixdate_ms(value: &str) -> Option<f64> {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let parts: Vec<&str> = value.split(' ').collect();
    let [weekday, day, month, year, time, "GMT"] = parts.as_slice() else {
        return None;
    };
    if weekday.len() != 4 || !weekday.ends_with(',') || day.len() != 2 || year.len() != 4 {
        return None;
    }
    let number = |text: &str| -> Option<i64> {
        text.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| text.parse().ok())?
    };
    let day = number(day)?;
    let month = MONTHS.iter().position(|m| m == month)? as i64 + 1;
    let year = number(year)?;
    let clock: Vec<&str> = time.split(':').collect();
    let [hour, minute, second] = clock.as_slice() else {
        return None;
    };
    let (hour, minute, second) = (number(hour)?, number(minute)?, number(second)?);
    if !(1..=31).contains(&day) || hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let days = days_from_civil(year, month, day);
    Some(((days * 86_400 + hour * 3_600 + minute * 60 + second) * 1_000) as f64)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
// Called only with four-digit years, so none of the arithmetic can overflow.
#[allow(clippy::arithmetic_side_effects)]
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month_index = (month + 9) % 12;
    let day_of_year = (153 * month_index + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: f64 = 1_445_412_480_000.0; // Wed, 21 Oct 2015 07:28:00 GMT

    fn post(
        failed: AttemptFailure<'_>,
        retries_done: u32,
        max_retries: u32,
        random: f64,
    ) -> Option<u32> {
        delay_before_retry(Method::Post, failed, retries_done, max_retries, NOW, random)
    }

    #[test]
    fn a_change_is_retried_only_on_429_and_503_with_retry_after() {
        for method in [Method::Post, Method::Patch, Method::Delete] {
            let delay = |status, retry_after| {
                delay_before_retry(
                    method,
                    AttemptFailure::Status(status, retry_after),
                    0,
                    2,
                    NOW,
                    0.5,
                )
            };
            assert_eq!(delay(429, Some("2")), Some(2_000));
            assert_eq!(delay(503, Some("1")), Some(1_000));
            assert_eq!(delay(503, None), None);
            assert_eq!(delay(503, Some("soon")), None);
            assert!(delay(429, None).is_some());
            for status in [400, 401, 403, 404, 409, 422, 500, 502, 504, 200] {
                assert_eq!(delay(status, Some("1")), None, "{method:?} {status}");
            }
            assert_eq!(
                delay_before_retry(method, AttemptFailure::Network, 0, 2, NOW, 0.5),
                None
            );
        }
    }

    #[test]
    fn a_get_is_retried_on_every_failure_that_may_pass() {
        let delay = |failed| delay_before_retry(Method::Get, failed, 0, 2, NOW, 0.5);
        for status in [429, 502, 503, 504] {
            assert_eq!(
                delay(AttemptFailure::Status(status, None)),
                Some(250),
                "{status}"
            );
            assert_eq!(
                delay(AttemptFailure::Status(status, Some("3"))),
                Some(3_000)
            );
        }
        assert_eq!(delay(AttemptFailure::Network), Some(250));
        for status in [400, 401, 403, 404, 409, 422, 500, 501, 200] {
            assert_eq!(
                delay(AttemptFailure::Status(status, Some("1"))),
                None,
                "{status}"
            );
        }
        assert!(may_retry(Method::Get, 502) && !may_retry(Method::Post, 502));
    }

    #[test]
    fn an_upload_put_is_retried_as_turso_cli_retries_a_chunk() {
        let delay = |failed| delay_before_retry(Method::Put, failed, 0, 15, NOW, 0.5);
        for status in [408, 429, 500, 501, 502, 503, 504, 599] {
            assert_eq!(
                delay(AttemptFailure::Status(status, None)),
                Some(250),
                "{status}"
            );
        }
        assert_eq!(delay(AttemptFailure::Network), Some(250));
        for status in [200, 400, 401, 403, 404, 409, 413] {
            assert_eq!(
                delay(AttemptFailure::Status(status, None)),
                None,
                "{status}"
            );
        }
    }

    #[test]
    fn retries_stop_at_the_maximum() {
        let asked = AttemptFailure::Status(429, Some("0"));
        assert_eq!(post(asked, 1, 2, 0.0), Some(0));
        assert_eq!(post(asked, 2, 2, 0.0), None);
        assert_eq!(post(asked, 0, 0, 0.0), None);
        assert_eq!(
            delay_before_retry(Method::Get, AttemptFailure::Network, 2, 2, NOW, 0.0),
            None
        );
    }

    #[test]
    fn backoff_is_full_jitter_under_a_doubling_ceiling() {
        let unnamed = AttemptFailure::Status(429, None);
        for retries_done in 0..2 {
            let ceiling = 500 << retries_done;
            assert_eq!(post(unnamed, retries_done, 9, 0.0), Some(0));
            let high = post(unnamed, retries_done, 9, 0.999_999).unwrap();
            assert!(high < ceiling && high >= ceiling - 1, "{high}");
        }
        let late = post(unnamed, 30, 99, 0.999).unwrap();
        assert!(late <= MAX_RETRY_DELAY_MS);
    }

    #[test]
    fn a_wait_longer_than_the_cap_is_not_retried() {
        assert_eq!(
            post(AttemptFailure::Status(429, Some("60")), 0, 2, 0.0),
            Some(60_000)
        );
        assert_eq!(
            post(AttemptFailure::Status(429, Some("61")), 0, 2, 0.0),
            None
        );
        let forever = AttemptFailure::Status(429, Some("99999999999999999999"));
        assert_eq!(post(forever, 0, 2, 0.0), None);
    }

    #[test]
    fn retry_after_dates() {
        assert_eq!(
            parse_retry_after_ms("Wed, 21 Oct 2015 07:28:05 GMT", NOW),
            Some(5_000)
        );
        assert_eq!(
            parse_retry_after_ms("Wed, 21 Oct 2015 07:27:00 GMT", NOW),
            Some(0)
        );
        assert_eq!(
            parse_retry_after_ms("Thu, 01 Jan 1970 00:00:00 GMT", 0.0),
            Some(0)
        );
        assert_eq!(
            parse_imf_fixdate_ms("Sun, 06 Nov 1994 08:49:37 GMT"),
            Some(784_111_777_000.0)
        );
        assert_eq!(
            parse_imf_fixdate_ms("Tue, 29 Feb 2028 12:00:00 GMT"),
            Some(1_835_438_400_000.0)
        );
        for bad in [
            "",
            "-1",
            "1.5",
            " ",
            "Wed, 21 Oct 2015 07:28:00 UTC",
            "Wed, 21 Foo 2015 07:28:00 GMT",
            "Wed, 32 Oct 2015 07:28:00 GMT",
            "Wed, 21 Oct 2015 24:00:00 GMT",
            "Wed, 21 Oct 2015 07:28 GMT",
            "Wednesday, 21-Oct-15 07:28:00 GMT",
            "Wed, +1 Oct 2015 07:28:00 GMT",
        ] {
            assert_eq!(parse_retry_after_ms(bad, NOW), None, "{bad:?}");
        }
    }
}
